// The demo fleet heals itself: one assembly for `vigilctl run --demo` and the
// console, so both wire remediation the same way. It adds the planner stage to
// the engine (policy + admission) with SimFleetActuator as its hands, files
// the planner's awaiting-approval actions as requests in the ApprovalGate (with
// their evidence), and from the owner's loop (step(), every ~100 ms) carries
// out fixes between feed steps, sweeps expired requests into escalations,
// executes approved requests after gate.authorize() of exactly what it is
// about to do, and hands executed fixes and their outcomes back to the engine
// (the correlator marks incidents mitigated).
//
// Time: the planner and the gate both run on engine time, so requests,
// decisions and expiries sit beside the incidents on one time axis at any
// --speed. The gate's clock is approvalClock(): the demo fleet's time, set at
// every step (at speed 1 the wall clock). The console's own decisions and an
// in-process sign-off service take the same clock. docs/remediation.md.
//
// Storage: the gate writes its requests, decisions and the asking actions'
// states itself (wall-clock timestamps, so the actions table's newer-wins rule
// orders them right); wrap the store and audit sinks with storedOnce() so the
// planner's own request and awaiting records and the handed-back fixes are not
// written a second time.
//
// Switches: the stored automation switches (pause / resume, dry run on / off,
// approve::AutomationSwitch) are read at start and every step, and laid over
// the policy file (LivePolicy::setOverrides), so `vigilctl automation` and the
// console's menu act on a running engine within a second.
#pragma once

#include "approve/ApprovalGate.h"
#include "approve/AutomationSwitch.h"
#include "engine/Engine.h"
#include "remedy/EscalationFolder.h"
#include "remedy/EvidenceWindows.h"
#include "remedy/LivePolicy.h"
#include "remedy/SimFleetActuator.h"
#include "remedy/WebhookNotifier.h"
#include "store/Database.h"
#include "store/StoreWriter.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vigil {
class DemoFeed;
class FleetSimulator;
}

namespace vigil::app {

struct HealingCounts {
    std::int64_t taken = 0;      // fixes handed to the fleet (not notify / escalate)
    std::int64_t awaiting = 0;   // actions that asked for people
    std::int64_t filed = 0;      // of those, requests filed in the gate
    std::int64_t executedApproved = 0;
    std::int64_t escalations = 0;  // budget stops and expired requests
    std::int64_t refused = 0;      // approved requests the gate refused at execution
};

// One notification: an action taken or proposed, or its outcome (ActionSummary words).
struct HealingNotice {
    Action action;
    std::optional<Incident> incident;
    std::optional<Outcome> outcome;
    std::string rule, why;
};

class DemoHealing {
public:
    // `writer` is the audited store writer the engine's sinks use; `dbPath` its
    // file, opened a second time for the gate. Null writer: no gate (requests
    // stay records only). Fails with a one-line reason.
    static std::unique_ptr<DemoHealing> create(remedy::Policy policy, const Clock& engineClock,
                                               store::StoreWriter* writer, const std::string& dbPath,
                                               std::string& error);
    ~DemoHealing();

    // Before engine.start(): the planner stage, the sink that collects its
    // decisions, and (with a writer) the store and audit sinks, wrapped in
    // storedOnce(). The one call both front ends make after installDefaultStages.
    void install(Engine& engine);
    // Wraps a store or audit sink: drops handed-back fixes (already stored as
    // outputs) and the planner's awaiting-approval actions and request records
    // (the gate files and stores them).
    Engine::Sink storedOnce(Engine::Sink inner);
    // Owner's thread, between feed steps.
    void step(DemoFeed& feed, Engine& engine);
    // Every action taken or proposed and every outcome, for notify (owner's thread).
    void onNotice(std::function<void(const HealingNotice&)> f) { notice_ = std::move(f); }

    HealingCounts counts() const;
    // The policy's notify.webhook, when set: Alertmanager v4 payloads of every
    // action taken or proposed, escalation and outcome (none while a dry run is in force).
    remedy::WebhookNotifier* notifier() const { return notifier_.get(); }
    // The engine's time as the gate sees it: the demo fleet's time, never
    // behind the engine clock (thread-safe; for the sign-off service and the
    // console's approval source, which decide on the same requests).
    const Clock& approvalClock() const { return approvalClock_; }
    const remedy::LivePolicy& policy() const { return policy_; }
    remedy::LivePolicy& policy() { return policy_; }  // the learned orders and the Automation menu act on it

private:
    DemoHealing(remedy::Policy policy, const Clock& engineClock, store::StoreWriter* writer);
    void collect(const std::vector<Record>& outputs);  // engine thread
    void fileRequests(FleetSimulator& sim, std::vector<Action> asks);
    void keepUnfiled(const Action& a);
    void executeApproved(FleetSimulator& sim, std::vector<Record>& back);
    void sweepExpired();
    void followSwitches();  // the stored automation switches over the policy file
    void persistEscalation(const remedy::Escalation& e, const std::string& incidentId);
    void audit(const std::vector<Record>& records);
    void auditPolicy(const std::string& kind, const std::string& detail);  // load, refused load, kill switch

    remedy::LivePolicy policy_;
    const Clock& engineClock_;
    SystemClock wallClock_;      // policy loads and automation switches: people's time
    VirtualClock approvalClock_;  // the gate's: engine time (advanceApprovalClock)
    void advanceApprovalClock(TimestampMs simNow);
    store::StoreWriter* writer_;
    std::optional<store::Database> gateDb_;
    std::unique_ptr<approve::ApprovalGate> gate_;
    std::unique_ptr<approve::AutomationSwitch> switches_;
    std::int64_t switchVersion_ = 0;  // the stored switches last applied
    bool switchReadFailed_ = false;   // said once, not every step
    remedy::SimFleetActuator actuator_;
    std::function<void(const HealingNotice&)> notice_;
    std::unique_ptr<remedy::WebhookNotifier> notifier_;
    void notify(const HealingNotice& n);

    mutable std::mutex mutex_;  // guards what the engine thread hands over
    std::vector<Action> handBack_, asks_;
    std::vector<HealingNotice> notices_;
    std::set<std::string> handedBack_;              // action ids sent back as inputs (the newest kMaxKept)
    std::deque<std::string> handedOrder_;
    void remember(const std::string& actionId);
    std::map<std::string, Incident> incidents_;     // latest update per id (bounded)
    std::map<std::string, Anomaly> lastAnomaly_;    // per "target|detector" and per target (bounded)
    std::map<std::string, std::string> windows_;    // awaiting action id -> its metric window, until filed
    remedy::EvidenceWindows evidence_;              // engine thread only
    HealingCounts counts_;

    // Owner's thread only.
    std::map<std::string, Action> awaiting_;        // request id -> the action it asks for
    std::map<std::string, Action> executing_;       // action id -> executed fix, until its outcome
    remedy::EscalationFolder expiries_;             // expired requests' escalations, repeats folded
    std::vector<Record> gateRecords_;               // the gate's records, to audit
};

}  // namespace vigil::app
