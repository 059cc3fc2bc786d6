// What Vigil's own /metrics says (docs/configuration.md "metrics"): records in by
// source, malformed records, the ingest server's refusals by reason, queue
// depth, back-pressure, engine lag, detections, incidents and actions.
#pragma once

#include "collect/IngestStats.h"
#include "collect/PromText.h"
#include "collect/SourceCounters.h"
#include "engine/Engine.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigil::app {

struct SelfMetricsParts {
    std::optional<collect::IngestCounts> ingest;
    std::vector<std::pair<std::string, collect::SourceCountersSnapshot>> pulled;  // "rpc", "scrape", ...
};

inline std::string renderSelfMetrics(Engine& engine, const Clock& clock, const SelfMetricsParts& p) {
    engine.requestSnapshot();  // the next scrape sees a fresher one; this one uses the latest
    const auto snap = engine.latestSnapshot();
    collect::PromText t;
    t.family("vigil_records_received_total", "counter", "Records handed to the engine, by source.");
    if (p.ingest)
        for (int s = 0; s < collect::kIngestSourceCount; ++s)
            t.sample("vigil_records_received_total", double(p.ingest->records[s]),
                     {{"source", collect::ingestSourceName(collect::IngestSource(s))}});
    for (const auto& [name, c] : p.pulled) t.sample("vigil_records_received_total", double(c.recordsOffered), {{"source", name}});
    t.family("vigil_records_malformed_total", "counter", "Lines, items or answers refused as malformed, by source.");
    if (p.ingest) t.sample("vigil_records_malformed_total", double(p.ingest->malformed), {{"source", "ingest"}});
    for (const auto& [name, c] : p.pulled) t.sample("vigil_records_malformed_total", double(c.malformed), {{"source", name}});
    if (p.ingest) {
        const auto& i = *p.ingest;
        t.family("vigil_ingest_refused_total", "counter", "Ingest requests, lines or connections refused, by reason.");
        const std::pair<const char*, std::int64_t> reasons[] = {
            {"unauthorized", i.authFailures}, {"body_too_large", i.bodyTooLarge}, {"bad_request", i.badRequests},
            {"idle_timeout", i.idleDrops},    {"max_connections", i.connectionsRefused},
            {"line_too_long", i.oversizedLines}, {"cut_mid_line", i.cutLines}};
        for (const auto& [why, n] : reasons) t.sample("vigil_ingest_refused_total", double(n), {{"reason", why}});
        t.family("vigil_ingest_connections_open", "gauge", "Open ingest connections (TCP and HTTP).");
        t.sample("vigil_ingest_connections_open", double(i.connectionsOpen));
    }
    t.family("vigil_source_errors_total", "counter", "Pull-source failures by source and kind.");
    for (const auto& [name, c] : p.pulled) {
        const std::pair<const char*, std::uint64_t> kinds[] = {{"refused", c.refused}, {"timeout", c.timeouts},
                                                               {"network", c.network}, {"http", c.httpErrors},
                                                               {"rpc", c.rpcErrors}, {"wrong_chain", c.wrongChain}};
        for (const auto& [kind, n] : kinds) t.sample("vigil_source_errors_total", double(n), {{"source", name}, {"kind", kind}});
    }
    t.family("vigil_engine_queue_depth", "gauge", "Batches waiting in the engine's bounded queue.");
    t.sample("vigil_engine_queue_depth", double(engine.queueDepth()));
    t.family("vigil_engine_queue_capacity", "gauge", "Capacity of the engine's queue, in batches.");
    t.sample("vigil_engine_queue_capacity", double(engine.queueCapacity()));
    t.family("vigil_engine_backpressure_total", "counter", "Hand-overs refused because the engine queue was full.");
    t.sample("vigil_engine_backpressure_total", double(engine.submitRefusals()));
    t.family("vigil_engine_records_processed_total", "counter", "Input records the engine has processed.");
    t.sample("vigil_engine_records_processed_total", double(engine.recordsProcessed()));
    if (snap) {
        t.family("vigil_engine_lag_seconds", "gauge", "Wall clock minus engine time at the latest snapshot.");
        t.sample("vigil_engine_lag_seconds", double(clock.now() - snap->engineTime) / 1000.0);
        t.family("vigil_engine_rejected_total", "counter", "Inputs the engine refused (time gate, stages).");
        t.sample("vigil_engine_rejected_total", double(snap->counters.rejected));
        t.family("vigil_detections_total", "counter", "Anomalies the detectors emitted.");
        t.sample("vigil_detections_total", double(snap->counters.outputsPerKind[int(RecordKind::Anomaly)]));
        t.family("vigil_incidents", "gauge", "Incidents the engine knows (any state).");
        t.sample("vigil_incidents", double(snap->incidents.size()));
        t.family("vigil_actions_total", "counter", "Remediation action records the engine emitted.");
        t.sample("vigil_actions_total", double(snap->counters.outputsPerKind[int(RecordKind::Action)]));
    }
    return t.text();
}

}  // namespace vigil::app
