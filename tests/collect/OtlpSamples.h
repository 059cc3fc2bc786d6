// OTLP/HTTP JSON export requests as an OpenTelemetry SDK or Collector sends them
// (64-bit integers as strings, enums as numbers). Kept out of the test .cpp:
// moc chokes on raw strings with these characters.
#pragma once

namespace otlptest {

inline constexpr const char* kMetrics = R"({"resourceMetrics":[{"resource":{"attributes":[
 {"key":"service.name","value":{"stringValue":"payments-agent"}},
 {"key":"host.name","value":{"stringValue":"box-1"}}]},
 "scopeMetrics":[{"scope":{"name":"meter"},"metrics":[
  {"name":"queue.depth","unit":"1","gauge":{"dataPoints":[
    {"timeUnixNano":"1767225600000000000","asInt":"42","attributes":[{"key":"queue","value":{"stringValue":"claims"}}]},
    {"timeUnixNano":"1767225601000000000","asDouble":43.5,"attributes":[{"key":"queue","value":{"stringValue":"claims"}},{"key":"a","value":{"intValue":"7"}}]}]}},
  {"name":"http.requests","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[
    {"startTimeUnixNano":"1767225500000000000","timeUnixNano":"1767225602000000000","asInt":1000}]}},
  {"name":"latency","histogram":{"dataPoints":[{"timeUnixNano":"1767225603000000000","count":"3"}]}}]}]}]})";

inline constexpr const char* kLogs = R"({"resourceLogs":[{"resource":{"attributes":[
 {"key":"service.name","value":{"stringValue":"agent-07"}}]},
 "scopeLogs":[{"logRecords":[
  {"timeUnixNano":"1767225600000000000","severityNumber":17,"severityText":"ERROR","body":{"stringValue":"claim failed: rpc unavailable"}},
  {"observedTimeUnixNano":"1767225601000000000","severityNumber":13,"body":{"stringValue":"retrying"}},
  {"timeUnixNano":"1767225602000000000","severityText":"debug","body":{"stringValue":"tick"}},
  {"body":{"stringValue":"no time at all"}}]}]}]})";

inline constexpr const char* kTraces = R"({"resourceSpans":[{"resource":{"attributes":[
 {"key":"service.name","value":{"stringValue":"agent-03"}}]},
 "scopeSpans":[{"spans":[
  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"airdrop_claim","kind":1,
   "startTimeUnixNano":"1767225600000000000","endTimeUnixNano":"1767225600250000000",
   "attributes":[{"key":"vigil.endpoint","value":{"stringValue":"eth-main-a"}}],"status":{}},
  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175","name":"rebalance",
   "startTimeUnixNano":"1767225601000000000","endTimeUnixNano":"1767225603500000000",
   "status":{"code":2,"message":"timeout"}},
  {"spanId":"eee19b7ec3c1b176","name":"wallet_monitor",
   "startTimeUnixNano":"1767225604000000000","endTimeUnixNano":"1767225604001000000",
   "status":{"code":"STATUS_CODE_ERROR"}}]}]}]})";

}  // namespace otlptest
