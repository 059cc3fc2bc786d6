// What one replay run decided, kept for comparing two runs (RunComparison) and
// for the incident report (IncidentReport): every incident in its final state
// with the kind of fault it was, every action in its latest state, every
// approval decision and outcome, and the anomalies (the first kMaxAnomalies,
// the rest counted). Built by RunRecorder from the engine's outputs only, so
// the same log, policy and settings give the same records. Bounded however long
// the log: at most kMaxIncidents incidents are kept, the newest; when more open,
// the oldest resolved one goes (the oldest one when none is resolved) with its
// actions, approvals and outcomes, and incidentsDropped counts them.
#pragma once

#include "record/Record.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vigil {

struct RunIncident {
    Incident incident;    // final state
    std::string kind;     // fault signature kind (rpc-outage, stuck-tx, ...); empty when no specific detector fired
    std::string where;    // the signature's target, else the incident's likely cause
    TimestampMs end = 0;  // resolved at, else the run's last record time
    std::vector<std::pair<TimestampMs, IncidentState>> states;  // every state change, in order
};

struct RunRecords {
    std::string label;                   // what the run was under (policy source, settings)
    std::vector<RunIncident> incidents;  // in id order
    std::vector<Action> actions;         // latest state per id, in order first seen
    std::vector<Approval> approvals;     // every decision, in order
    std::vector<Outcome> outcomes;       // in order
    std::vector<Anomaly> anomalies;      // the first kMaxAnomalies, in order
    std::int64_t anomalyCount = 0;       // all of them
    std::int64_t incidentsDropped = 0;   // the oldest, beyond kMaxIncidents (with their actions)
    std::map<std::string, std::int64_t> anomaliesByDetector;
    TimestampMs first = 0, last = 0;  // record time span of the inputs
    static constexpr std::size_t kMaxAnomalies = 20000;
    static constexpr std::size_t kMaxIncidents = 2000;
};

// An Engine sink's body: add() on the engine thread after each batch, take()
// after the engine drained.
class RunRecorder {
public:
    explicit RunRecorder(std::size_t maxIncidents = RunRecords::kMaxIncidents) : maxIncidents_(maxIncidents) {}
    void add(const std::vector<Record>& inputs, const std::vector<Record>& outputs);
    RunRecords take(std::string label);

private:
    void noteIncident(const Incident& inc);
    void dropOldest();
    void compact();  // removes the actions, approvals and outcomes of dropped incidents
    std::size_t maxIncidents_;
    std::deque<std::string> order_;  // incident ids, first seen first
    std::size_t droppedSinceCompact_ = 0;
    RunRecords run_;
    std::map<std::string, RunIncident> incidents_;
    std::map<std::string, std::size_t> actionIndex_;  // id -> index in run_.actions
    struct Sig {
        std::string kind, target;
    };
    std::map<std::string, Sig> signatures_;  // anomaly target -> newest specific signature
    bool started_ = false;
};

}  // namespace vigil
