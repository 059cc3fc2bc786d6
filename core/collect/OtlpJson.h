// OpenTelemetry OTLP/HTTP JSON export requests mapped to Vigil records
// (docs/telemetry.md "OpenTelemetry (OTLP/HTTP JSON)"):
// - metrics: gauge and sum data points -> metric samples; the series is the
//   metric name with the point's attributes as {k="v",...} (sorted), the target
//   "service:<service.name>" from the resource. Histograms, exponential
//   histograms and summaries are counted as refused ("not mapped").
// - logs: log records -> log lines (source = service.name, level from the
//   severity number or text, message = the body).
// - traces: spans -> task events: agent = service.name, workflow = span name,
//   task_id = span id, ts = end time, duration_ms = end - start, state failed
//   when the status is ERROR (error = the status message, else "error").
#pragma once

#include "record/NdjsonCodec.h"
#include "record/Record.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil::collect {

enum class OtlpSignal { Metrics, Logs, Traces };

struct OtlpResult {
    bool readable = false;   // false: not JSON, or not an export request of this signal
    std::int64_t mapped = 0;
    std::int64_t refused = 0;  // items that did not map, each with a reason
    std::string error;         // why unreadable, or the first refusal's reason
};

// `body` need not be padded (it is copied once when simdjson wants padding).
OtlpResult decodeOtlpJson(OtlpSignal signal, std::string_view body, const DecodeLimits& limits,
                          std::vector<Record>& out);

}  // namespace vigil::collect
