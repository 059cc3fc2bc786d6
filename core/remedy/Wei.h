// Exact money amounts. Limits are written in ETH ("0.5") and compared against
// transfer values in wei; doubles would make "at or above the limit" depend on
// rounding, so amounts are 128-bit integers of wei (1 ETH = 10^18 wei).
#pragma once

#include <string>
#include <string_view>

namespace vigil::remedy {

using Wei = unsigned __int128;

inline constexpr Wei kWeiPerEth = 1'000'000'000'000'000'000ULL;

// "5", "0.25", "1000000.000000000000000001": digits, optional '.' and at most
// 18 fractional digits. False with a reason otherwise (sign, exponent, junk).
bool parseEth(std::string_view text, Wei& out, std::string& why);
// Decimal wei digits ("250000000000000000"), as canonical JSON carries them.
bool parseWei(std::string_view digits, Wei& out);
std::string weiToString(Wei v);
// "0.25" (no trailing zeros), for people.
std::string formatEth(Wei v);

}  // namespace vigil::remedy
