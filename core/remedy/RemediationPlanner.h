// The planner stage: closes the loop from incidents to actions. It learns from
// anomalies which fault signatures (IncidentSignature) are live on which
// targets; for each open incident that covers such a target it matches the
// policy, asks ActionAdmission, and emits one Action record per (incident,
// signature): executing (handed to the Actuator), awaiting_approval (with an
// Approval request record), or suppressed (forbidden, paused, cooling down,
// over budget; an escalation is its own suppressed "escalate" action, so the
// audit sink sees it). Outcome inputs are counted. Deterministic: time from the
// injected clock, ids from content and a sequence number.
#pragma once

#include "record/Clock.h"
#include "record/Stage.h"
#include "remedy/ActionAdmission.h"
#include "remedy/Actuator.h"
#include "remedy/EscalationFolder.h"
#include "remedy/IncidentSignature.h"
#include "remedy/LivePolicy.h"
#include "remedy/PoolLoad.h"
#include "remedy/ScaleBack.h"

#include <cstdint>
#include <map>
#include <string>

namespace vigil::remedy {

class RemediationPlanner final : public Stage {
public:
    // `actuator` carries out admitted actions unless the policy is a dry run
    // (then the built-in recorder does). Both references must outlive the stage.
    RemediationPlanner(const Clock& clock, const LivePolicy& policy, Actuator& actuator);

    bool process(const Record& in, std::vector<Record>& out) override;
    void tick(TimestampMs now, std::vector<Record>& out) override;
    const char* name() const override { return "remedy.planner"; }
    // Replay checkpoints: a copy with its own time and admission (on that time).
    std::unique_ptr<Stage> clone() const override;
    std::uint64_t evictions() const override { return s_.evictions; }

    std::int64_t outcomesSeen() const { return s_.outcomes; }
    std::int64_t outcomesFailed() const { return s_.failedOutcomes; }
    ActionAdmission& admission() { return admission_; }

    static constexpr TimestampMs kSignatureTtlMs = 15 * 60'000;  // older evidence no longer plans
    static constexpr std::size_t kMaxTracked = 4096;             // signatures and open incidents each

private:
    // A copy for replay checkpoints: its own time and admission (bound to that
    // time); everything else is State, copied whole, so a member added there
    // cannot be forgotten.
    RemediationPlanner(const RemediationPlanner& other);
    void plan(const Incident& inc, const Signature& sig, TimestampMs seen, std::vector<Record>& out);
    void sizeScaling(const std::string& pool, std::map<std::string, std::string>& params) const;
    std::string nextId(const std::string& prefix, const std::string& content);
    void planScaleDown(const ScaleDown& d, std::vector<Record>& out);
    void observeTx(const TxEvent& tx);

    const Clock& clock_;
    // Engine time as the planner sees it: the injected clock, or the records'
    // time when that is later (replay and evaluation drive time by records).
    void advanceTime(TimestampMs t);
    VirtualClock time_;
    const LivePolicy& policy_;
    Actuator& actuator_;
    RecordingActuator dryRun_;
    ActionAdmission admission_;

    struct Planned {
        TimestampMs at = 0;
        std::string actionId;
        bool executed = false;  // handed to an actuator (not awaiting people, not suppressed)
        bool succeeded = false; // its Outcome said so
        Verdict verdict = Verdict::Execute;
    };
    // What the planner has learnt from the records so far; plain values only.
    struct State {
        PoolLoad load;  // sizes scale_workers to the measured load
        ScaleBack scaleBack;  // pools Vigil scaled up, brought back down when the load drops
        EscalationFolder escalations;  // a repeated escalation updates the first, with a count
        // Unmined transactions per sending agent ("agent:agent-07"): nonce -> value
        // in wei, so a replacement is admitted for the funds it moves.
        std::map<std::string, std::map<std::int64_t, Wei>> pendingTx;
        std::map<std::string, std::pair<Signature, TimestampMs>> signatures;  // target -> newest, last seen
        std::map<std::string, Incident> open;                                 // id -> latest update
        std::map<std::string, Planned> planned;       // incident|kind|target -> last plan
        std::map<std::string, std::string> pending;   // action id -> planned key, until its outcome
        std::uint64_t seq = 0;
        std::uint64_t evictions = 0;
        std::int64_t outcomes = 0, failedOutcomes = 0;
    };
    State s_;
};

// Compact JSON object of string values, keys sorted (std::map), RFC 8259 escaping.
std::string compactJson(const std::map<std::string, std::string>& fields);

}  // namespace vigil::remedy
