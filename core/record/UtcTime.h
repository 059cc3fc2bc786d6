// Record time (milliseconds since the epoch) as UTC text, written one way everywhere:
// engine and replay messages, webhook payloads, action summaries, the timeline's
// tooltips and vigilctl's listings.
#pragma once

#include "record/Record.h"

#include <string>

namespace vigil {

// Timestamps outside [0, kLatestTimestampMs) are not dates a record can carry:
// 1970-01-01 up to (not including) 2100-01-01 UTC (engine/TimeGate.h refuses them).
// Keeps every difference of two timestamps far from overflow.
inline constexpr TimestampMs kLatestTimestampMs = 4'102'444'800'000;

// "2026-01-01T00:00:00.000Z" (RFC 3339, to the millisecond) for a timestamp in that
// range, else the number: a message about a bad timestamp shows what was given.
std::string isoTime(TimestampMs ts);

// "2026-01-01 00:00:00 UTC", to the second, for people reading a list or a summary.
// Any timestamp (a negative one is before 1970, rounded down).
std::string utcTime(TimestampMs ts);

}  // namespace vigil
