#include "remedy/Wei.h"

#include <algorithm>

namespace vigil::remedy {

namespace {
constexpr Wei kMax = ~Wei(0);

bool addDigit(Wei& v, char c) {
    const Wei d = static_cast<Wei>(c - '0');
    if (v > (kMax - d) / 10) return false;
    v = v * 10 + d;
    return true;
}
}  // namespace

bool parseWei(std::string_view digits, Wei& out) {
    if (digits.empty() || digits.size() > 39) return false;
    Wei v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9' || !addDigit(v, c)) return false;
    }
    out = v;
    return true;
}

bool parseEth(std::string_view text, Wei& out, std::string& why) {
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    auto allDigits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (text.empty() || whole.empty() || !allDigits(whole) || !allDigits(frac) || (dot != std::string_view::npos && frac.empty())) {
        why = "'" + std::string(text) + "' is not an amount in ETH (digits with an optional '.', e.g. 0.5)";
        return false;
    }
    if (frac.size() > 18) {
        why = "'" + std::string(text) + "' has more than 18 decimals (smaller than 1 wei)";
        return false;
    }
    Wei v = 0;
    bool ok = true;
    for (char c : whole) ok = ok && addDigit(v, c);
    for (std::size_t i = 0; i < 18; ++i) ok = ok && addDigit(v, i < frac.size() ? frac[i] : '0');
    if (!ok) {
        why = "'" + std::string(text) + "' is too large";
        return false;
    }
    out = v;
    return true;
}

std::string weiToString(Wei v) {
    if (v == 0) return "0";
    std::string s;
    while (v) {
        s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    std::reverse(s.begin(), s.end());
    return s;
}

std::string formatEth(Wei v) {
    std::string s = weiToString(v / kWeiPerEth);
    std::string frac = weiToString(v % kWeiPerEth);
    if (frac == "0") return s;
    frac.insert(0, 18 - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    return s + "." + frac;
}

}  // namespace vigil::remedy
