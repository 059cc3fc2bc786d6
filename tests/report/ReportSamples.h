// A small, fully known replay for the report tests: one stuck-transaction
// incident with a metric that jumps, two anomalies, an executed fee bump that
// succeeded, a transfer that asked for approval and was approved by alice.
#pragma once

#include "eval/RunRecords.h"

#include <vector>

namespace reporttest {

using namespace vigil;

constexpr TimestampMs kT0 = 1'767'225'600'000;  // 2026-01-01 00:00:00Z
constexpr TimestampMs kSec = 1000;

inline std::vector<Record> inputs() {
    std::vector<Record> in;
    for (int s = 0; s < 1200; s += 5)
        in.push_back(MetricSample{kT0 + s * kSec, "tx.pending_ms", "agent:agent-03",
                                  s >= 300 && s < 700 ? 90'000.0 : 4'000.0 + s});
    return in;
}

inline std::vector<Record> outputs() {
    std::vector<Record> out;
    out.push_back(Anomaly{kT0 + 300 * kSec, "an-1", "tx.stuck", "tx.pending_ms", "agent:agent-03", 0.92, 90'000, 0,
                          20'000, "a transaction pending 90 s"});
    Incident inc;
    inc.ts = kT0 + 300 * kSec;
    inc.id = "INC-000001";
    inc.opened = inc.ts;
    inc.severity = Severity::Critical;
    inc.targets = {"agent:agent-03"};
    inc.cause = "agent:agent-03";
    inc.narrative = "Critical: stuck transactions on agent:agent-03 since 00:05:00Z.";
    inc.anomaly_count = 1;
    out.push_back(inc);
    out.push_back(Action{kT0 + 301 * kSec, "act-1", "INC-000001", "retry_tx", "agent:agent-03",
                         "{\"verdict\":\"execute\",\"why\":\"automatic and within budget\"}", ActionStatus::Executing,
                         false});
    out.push_back(Outcome{kT0 + 302 * kSec, "act-1", true, "simulated: nothing sent (dry run / replay)"});
    out.push_back(Action{kT0 + 400 * kSec, "act-2", "INC-000001", "transfer", "agent:agent-03",
                         "{\"verdict\":\"needs-approval\",\"why\":\"moves 4 ETH\"}", ActionStatus::AwaitingApproval,
                         true});
    out.push_back(Approval{kT0 + 400 * kSec, "apr-2", "act-2", "vigil", "", ApprovalDecision::Requested,
                           kT0 + 1300 * kSec, "moves 4 ETH"});
    out.push_back(Approval{kT0 + 460 * kSec, "apr-2", "act-2", "vigil", "alice", ApprovalDecision::Approved, 0,
                           "checked the wallet"});
    out.push_back(Anomaly{kT0 + 500 * kSec, "an-2", "tx.stuck", "tx.pending_ms", "agent:agent-03", 0.88, 90'000, 0,
                          20'000, "still pending"});
    inc.ts = kT0 + 1000 * kSec;
    inc.state = IncidentState::Resolved;
    inc.anomaly_count = 2;
    out.push_back(inc);
    return out;
}

inline RunRecords run() {
    RunRecorder rec;
    rec.add(inputs(), outputs());
    return rec.take("policy.yaml");
}

}  // namespace reporttest
