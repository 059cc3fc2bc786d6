// Timestamps as NAB writes them ("2014-04-10 07:15:00" or "... 07:15:00.000000",
// a 'T' separator is accepted too), read as UTC milliseconds since the epoch.
#pragma once

#include <cstdint>
#include <string_view>

namespace vigil::nab {

// Returns false (leaving `ms` untouched) when the text is not such a timestamp.
bool parseTimestamp(std::string_view text, std::int64_t& ms);

}  // namespace vigil::nab
