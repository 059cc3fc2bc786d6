// The one record family that flows everywhere in Vigil: live ingest, recording,
// replay and tests. Wire form (NDJSON, "v":1) is documented in docs/telemetry.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vigil {

// Milliseconds since the Unix epoch. Every record carries one; engine code never
// reads the wall clock, it reads these (see core/record/Clock.h).
using TimestampMs = std::int64_t;

inline constexpr int kWireVersion = 1;

// Where a sample's (series, target) pair sits in the numbering of whoever read it
// (record/SeriesInterner.h): stages keep their per-series state by this number
// (record/SeriesHintCache.h) instead of hashing the two names, each of them, on every
// sample. Only a shortcut: table 0 means none, and a stage that meets a hint it
// does not know looks the names up. Not part of the sample's value: any two hints
// compare equal, so a decoded sample equals the one that was written.
struct SeriesHint {
    std::uint32_t table = 0;  // the numbering's own id, unique in the process; 0: no hint
    std::uint32_t id = 0;     // the pair's number in it, dense from 0
    bool operator==(const SeriesHint&) const { return true; }
};

// A numeric observation of one series on one target, e.g.
// series "rpc.latency_ms", target "rpc:eth-main-a".
struct MetricSample {
    TimestampMs ts = 0;
    std::string series;
    std::string target;
    double value = 0.0;
    SeriesHint hint{};  // set where samples are read in bulk (replay), else none
    bool operator==(const MetricSample&) const = default;
};

// Retired: the agent left the fleet on purpose (drained and stopped by a scale-down or
// a shutdown), not a task; a later event of the agent brings it back.
enum class TaskState : std::uint8_t { Started, Succeeded, Failed, Retired };

// One step in a worker agent's life: a wallet check, a claim, a rebalance; or its end.
struct TaskEvent {
    TimestampMs ts = 0;
    std::string task_id;
    std::string agent;     // "agent-07"
    std::string workflow;  // wallet_monitor | airdrop_claim | rebalance
    TaskState state = TaskState::Started;
    std::string endpoint;  // RPC endpoint the task used, may be empty
    std::string error;     // error kind when Failed: timeout, rpc_unavailable, reverted, ...
    double duration_ms = 0.0;
    bool operator==(const TaskEvent&) const = default;
};

enum class TxState : std::uint8_t { Submitted, Confirmed, Failed, Replaced, Dropped };

// A blockchain transaction as seen by the agent that sent it.
struct TxEvent {
    TimestampMs ts = 0;
    std::string tx_hash;
    std::string agent;
    std::string chain;      // "ethereum", "arbitrum"
    std::string endpoint;
    std::int64_t nonce = 0;
    TxState state = TxState::Submitted;
    double value_eth = 0.0;
    double max_fee_gwei = 0.0;
    double priority_fee_gwei = 0.0;
    std::string idempotency_key;  // one per logical transfer; retries keep it
    bool operator==(const TxEvent&) const = default;
};

enum class LogLevel : std::uint8_t { Debug, Info, Warn, Error };

struct LogLine {
    TimestampMs ts = 0;
    std::string source;  // agent or service that wrote it
    LogLevel level = LogLevel::Info;
    std::string message;
    bool operator==(const LogLine&) const = default;
};

// ---- The engine's own outputs ----

// A narrative or an explanation as message ids with arguments, so a front end can
// render it in the user's language (record/NarrativeMessages.h and
// detect/ExplanationMessages.h hold the English templates). The English rendering
// is Incident::narrative or Anomaly::explanation; this form is not serialized.
struct NarrativeArg {
    std::string text;                // shown as is (a target, a time, a count), unless
    std::vector<std::string> words;  // set: English phrases (severity, detectors), translated and listed "a, b and c"
    bool operator==(const NarrativeArg&) const = default;
};
struct NarrativeSentence {
    std::uint16_t msg = 0;  // a NarrativeMsg, or an ExplanationMsg (from kExplanationMsgBase)
    std::vector<NarrativeArg> args;  // fill %1, %2, ... of the message
    bool operator==(const NarrativeSentence&) const = default;
};

struct Anomaly {
    TimestampMs ts = 0;
    std::string id;        // derived from content + sequence, never random
    std::string detector;  // "metric.ensemble", "task.failure_ratio", "log.new_template"
    std::string series;
    std::string target;
    double score = 0.0;    // [0,1]
    double observed = 0.0;
    double expected_low = 0.0;
    double expected_high = 0.0;
    std::string explanation;  // operator-readable words
    std::vector<NarrativeSentence> explanation_msgs;  // the same as messages (not serialized)
    // A prediction (forecast.breach): expected time from ts until the series reaches its
    // limit, for the policy's breach_within; absent on every other anomaly.
    std::optional<TimestampMs> time_to_breach_ms;
    // An active silence matched it (silence/SilenceMarker.h): recorded and shown
    // greyed, but evidence for no incident. Set in the engine; not serialized.
    bool silenced = false;
    // The id of Vigil's own action whose expected effect it is (a scale-up's jump in
    // worker.count: correlate/OwnEffectMarker.h): recorded and shown as such, no
    // evidence for an incident. Set in the engine; not serialized.
    std::string own_effect_of;
    bool operator==(const Anomaly&) const = default;
};

enum class IncidentState : std::uint8_t { Open, Mitigated, Resolved };
enum class Severity : std::uint8_t { Info, Warning, Critical };

struct Incident {
    TimestampMs ts = 0;   // time of this update
    std::string id;
    IncidentState state = IncidentState::Open;
    Severity severity = Severity::Warning;
    TimestampMs opened = 0;
    std::vector<std::string> targets;
    std::string cause;      // likely cause target, e.g. "rpc:eth-main-a"
    std::string narrative;
    std::int64_t anomaly_count = 0;
    std::vector<NarrativeSentence> story;  // the narrative as messages (not serialized)
    // An active silence matches its likely cause: no action, no notification
    // (silence/SilenceMarker.h). Set in the engine; not serialized.
    bool silenced = false;
    bool operator==(const Incident&) const = default;
};

enum class ActionStatus : std::uint8_t { Proposed, AwaitingApproval, Executing, Succeeded, Failed, Rejected, Suppressed };

struct Action {
    TimestampMs ts = 0;
    std::string id;
    std::string incident_id;
    std::string kind;    // retry_tx, failover_rpc, rollback_workflow, scale_workers, transfer
    std::string target;
    std::string params;  // compact JSON object as text
    ActionStatus status = ActionStatus::Proposed;
    bool critical = false;
    bool operator==(const Action&) const = default;
};

enum class ApprovalDecision : std::uint8_t { Requested, Approved, Rejected, Expired };

struct Approval {
    TimestampMs ts = 0;
    std::string id;
    std::string action_id;
    std::string requester;
    std::string approver;
    ApprovalDecision decision = ApprovalDecision::Requested;
    TimestampMs expires = 0;
    std::string reason;
    bool operator==(const Approval&) const = default;
};

struct Outcome {
    TimestampMs ts = 0;
    std::string action_id;
    bool success = false;
    std::string detail;
    bool operator==(const Outcome&) const = default;
};

using Record = std::variant<MetricSample, TaskEvent, TxEvent, LogLine, Anomaly, Incident,
                            Action, Approval, Outcome>;

// Stable order of kinds; index == Record::index().
enum class RecordKind : std::uint8_t { Metric, Task, Tx, Log, Anomaly, Incident, Action, Approval, Outcome };
inline constexpr int kRecordKindCount = 9;

inline RecordKind kindOf(const Record& r) { return static_cast<RecordKind>(r.index()); }
TimestampMs timestampOf(const Record& r);

// Wire names: "metric", "task", "tx", "log", "anomaly", "incident", "action", "approval", "outcome".
std::string_view kindName(RecordKind k);
bool kindFromName(std::string_view name, RecordKind& out);

std::string_view toString(TaskState s);
std::string_view toString(TxState s);
std::string_view toString(LogLevel s);
std::string_view toString(IncidentState s);
std::string_view toString(Severity s);
std::string_view toString(ActionStatus s);
std::string_view toString(ApprovalDecision s);
bool fromString(std::string_view s, TaskState& out);
bool fromString(std::string_view s, TxState& out);
bool fromString(std::string_view s, LogLevel& out);
bool fromString(std::string_view s, IncidentState& out);
bool fromString(std::string_view s, Severity& out);
bool fromString(std::string_view s, ActionStatus& out);
bool fromString(std::string_view s, ApprovalDecision& out);

}  // namespace vigil
