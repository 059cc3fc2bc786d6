// Lines for tst_logfollower (outside the test .cpp: moc and raw strings).
#pragma once

namespace logsamples {

inline constexpr const char* kNdjsonRecord =
    R"({"v":1,"kind":"log","ts":1767225600003,"source":"agent-07","level":"error","msg":"claim failed"})";
inline constexpr const char* kPlainJson =
    R"({"time":"2026-01-01T00:00:01.250Z","level":"warning","message":"disk 91% full"})";
inline constexpr const char* kPlainJsonEpoch = R"({"ts":1767225602,"severity":"ERROR","msg":"upstream gone"})";
inline constexpr const char* kNoMessage = R"({"time":"2026-01-01T00:00:01Z","level":"info"})";
inline constexpr const char* kBadLevel = R"({"level":"loud","msg":"x"})";
inline constexpr const char* kBadRecord = R"({"v":1,"kind":"log","ts":1767225600003,"level":"error"})";

inline constexpr const char* kPattern = R"((?<time>\S+) \[(?<level>[A-Z]+)\] (?<message>.*))";

}  // namespace logsamples
