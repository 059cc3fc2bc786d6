#include "record/Record.h"
#include "record/SameText.h"

#include <array>

namespace vigil {

namespace {
template <class E, std::size_t N>
bool lookup(std::string_view s, const std::array<std::string_view, N>& names, E& out) {
    for (std::size_t i = 0; i < N; ++i) {
        if (sameText(names[i], s)) {  // no memcmp call: every line's kind comes here
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

constexpr std::array<std::string_view, kRecordKindCount> kKinds{
    "metric", "task", "tx", "log", "anomaly", "incident", "action", "approval", "outcome"};
constexpr std::array<std::string_view, 4> kTaskStates{"started", "succeeded", "failed", "retired"};
constexpr std::array<std::string_view, 5> kTxStates{"submitted", "confirmed", "failed", "replaced", "dropped"};
constexpr std::array<std::string_view, 4> kLevels{"debug", "info", "warn", "error"};
constexpr std::array<std::string_view, 3> kIncidentStates{"open", "mitigated", "resolved"};
constexpr std::array<std::string_view, 3> kSeverities{"info", "warning", "critical"};
constexpr std::array<std::string_view, 7> kActionStatuses{
    "proposed", "awaiting_approval", "executing", "succeeded", "failed", "rejected", "suppressed"};
constexpr std::array<std::string_view, 4> kDecisions{"requested", "approved", "rejected", "expired"};
}  // namespace

TimestampMs timestampOf(const Record& r) {
    return std::visit([](const auto& x) { return x.ts; }, r);
}

std::string_view kindName(RecordKind k) { return kKinds[static_cast<std::size_t>(k)]; }
bool kindFromName(std::string_view name, RecordKind& out) { return lookup(name, kKinds, out); }

std::string_view toString(TaskState s) { return kTaskStates[static_cast<std::size_t>(s)]; }
std::string_view toString(TxState s) { return kTxStates[static_cast<std::size_t>(s)]; }
std::string_view toString(LogLevel s) { return kLevels[static_cast<std::size_t>(s)]; }
std::string_view toString(IncidentState s) { return kIncidentStates[static_cast<std::size_t>(s)]; }
std::string_view toString(Severity s) { return kSeverities[static_cast<std::size_t>(s)]; }
std::string_view toString(ActionStatus s) { return kActionStatuses[static_cast<std::size_t>(s)]; }
std::string_view toString(ApprovalDecision s) { return kDecisions[static_cast<std::size_t>(s)]; }

bool fromString(std::string_view s, TaskState& out) { return lookup(s, kTaskStates, out); }
bool fromString(std::string_view s, TxState& out) { return lookup(s, kTxStates, out); }
bool fromString(std::string_view s, LogLevel& out) { return lookup(s, kLevels, out); }
bool fromString(std::string_view s, IncidentState& out) { return lookup(s, kIncidentStates, out); }
bool fromString(std::string_view s, Severity& out) { return lookup(s, kSeverities, out); }
bool fromString(std::string_view s, ActionStatus& out) { return lookup(s, kActionStatuses, out); }
bool fromString(std::string_view s, ApprovalDecision& out) { return lookup(s, kDecisions, out); }

}  // namespace vigil
