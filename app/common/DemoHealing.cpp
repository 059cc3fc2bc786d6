#include "common/DemoHealing.h"

#include "audit/AuditSink.h"
#include "common/DemoExecutionContent.h"
#include "common/StoreSink.h"
#include "remedy/AlertmanagerPayload.h"
#include "remedy/RemediationPlanner.h"
#include "sim/DemoFeed.h"

#include <algorithm>
#include <cstdio>

namespace vigil::app {
namespace {

constexpr std::size_t kMaxKept = 4096;  // incidents and evidence kept for requests

bool changesFleet(const Action& a) {
    return a.status == ActionStatus::Executing && a.kind != "notify" && a.kind != "escalate";
}

template <class M>
void bound(M& m) {
    while (m.size() > kMaxKept) m.erase(m.begin());
}

}  // namespace

std::unique_ptr<DemoHealing> DemoHealing::create(remedy::Policy policy, const Clock& engineClock,
                                                 store::StoreWriter* writer, const std::string& dbPath,
                                                 std::string& error) {
    std::unique_ptr<DemoHealing> h(new DemoHealing(std::move(policy), engineClock, writer));
    // Also in a dry run: it can be switched off at run time; notify() skips
    // simulated actions.
    if (const auto p = h->policy_.current(); !p->notifyWebhook.empty()) {
        h->notifier_ = remedy::WebhookNotifier::create(p->notifyWebhook, error, std::chrono::milliseconds(2000), p->notifyCaFile);
        if (!h->notifier_) {
            error = p->source + ": " + error;
            return nullptr;
        }
    }
    if (writer) {
        auto db = store::Database::open(dbPath, store::OpenMode::ReadWrite);
        if (!db) {
            error = "remediation: cannot open " + dbPath + " for approvals: " + db.error();
            return nullptr;
        }
        h->gateDb_.emplace(std::move(db.value()));
        h->gate_ = std::make_unique<approve::ApprovalGate>(*h->gateDb_, h->approvalClock_,
                                                           h->policy_.current()->approvalExpiryMs);
        h->gate_->onRecord([p = h.get()](const Record& r) { p->gateRecords_.push_back(r); });
        // Policy loads, refused reloads and kill-switch flips are audited; the
        // policy in force at start is the first load.
        h->policy_.onChange([p = h.get()](const std::string& kind, const std::string& detail) { p->auditPolicy(kind, detail); });
        h->auditPolicy("policy.loaded", h->policy_.current()->source);
        // A pause set before this run started holds from its first step.
        h->switches_ = std::make_unique<approve::AutomationSwitch>(*h->gateDb_, h->wallClock_);
        h->followSwitches();
    }
    return h;
}

// The demo fleet starts at the wall clock's now (both front ends), so that is
// the engine's time until the first step says otherwise.
DemoHealing::DemoHealing(remedy::Policy policy, const Clock& engineClock, store::StoreWriter* writer)
    : policy_(std::move(policy)),
      engineClock_(engineClock),
      approvalClock_(std::max(engineClock.now(), SystemClock().now())),
      writer_(writer) {}

// Monotonic: the fleet's time, or the engine clock when that is ahead (speed 1).
void DemoHealing::advanceApprovalClock(TimestampMs simNow) {
    const TimestampMs t = std::max({approvalClock_.now(), engineClock_.now(), simNow});
    approvalClock_.set(t);
}

DemoHealing::~DemoHealing() = default;

void DemoHealing::install(Engine& engine) {
    engine.addStage(std::make_unique<remedy::RemediationPlanner>(engineClock_, policy_, actuator_));
    engine.addSink([this](const std::vector<Record>& in, const std::vector<Record>& out) {
        for (const Record& r : in) evidence_.observe(r);  // engine thread only
        collect(out);
    });
    if (writer_) {
        engine.addSink(storedOnce(storeSink(*writer_)));
        engine.addSink(storedOnce(audit::auditSink(*writer_)));
    }
}

Engine::Sink DemoHealing::storedOnce(Engine::Sink inner) {
    return [this, inner = std::move(inner)](const std::vector<Record>& in, const std::vector<Record>& out) {
        std::vector<Record> keptIn, keptOut;
        bool changed = false;
        {
            std::lock_guard lk(mutex_);
            for (const Record& r : in) {
                const auto* a = std::get_if<Action>(&r);
                if (a && handedBack_.count(a->id)) {
                    changed = true;
                    continue;
                }
                keptIn.push_back(r);
            }
        }
        for (const Record& r : out) {
            // The gate files requests under its own id and keeps the asking
            // action's row itself, all on the wall clock people decide by.
            const auto* ap = std::get_if<Approval>(&r);
            const auto* ac = std::get_if<Action>(&r);
            if (gate_ && ((ap && ap->decision == ApprovalDecision::Requested) ||
                          (ac && ac->status == ActionStatus::AwaitingApproval))) {
                changed = true;
                continue;
            }
            keptOut.push_back(r);
        }
        if (changed) inner(keptIn, keptOut);
        else inner(in, out);
    };
}

void DemoHealing::collect(const std::vector<Record>& outputs) {
    std::lock_guard lk(mutex_);
    for (const Record& r : outputs) {
        if (const auto* i = std::get_if<Incident>(&r)) {
            incidents_[i->id] = *i;
            bound(incidents_);
        } else if (const auto* an = std::get_if<Anomaly>(&r)) {
            lastAnomaly_[an->target + "|" + an->detector] = *an;
            lastAnomaly_[an->target] = *an;
            bound(lastAnomaly_);
        } else if (const auto* a = std::get_if<Action>(&r)) {
            HealingNotice n;
            n.action = *a;
            if (const auto it = incidents_.find(a->incident_id); it != incidents_.end()) n.incident = it->second;
            n.rule = remedy::jsonField(a->params, "rule");
            n.why = remedy::jsonField(a->params, a->kind == "escalate" ? "reason" : "why");
            notices_.push_back(std::move(n));
            if (a->kind == "escalate" && remedy::jsonField(a->params, "count").empty()) ++counts_.escalations;  // repeats fold into the first
            if (changesFleet(*a)) {
                ++counts_.taken;
                handBack_.push_back(*a);
            } else if (a->status == ActionStatus::AwaitingApproval) {
                ++counts_.awaiting;
                asks_.push_back(*a);
                // The evidence as the engine saw it when it decided (engine time):
                // the detector that gave the fault away, else the newest anomaly on the target.
                auto an = lastAnomaly_.find(a->target + "|" + remedy::jsonField(a->params, "evidence"));
                if (an == lastAnomaly_.end()) an = lastAnomaly_.find(a->target);
                if (gate_ && an != lastAnomaly_.end()) windows_[a->id] = evidence_.window(an->second, a->ts);
            }
        } else if (const auto* o = std::get_if<Outcome>(&r)) {
            // A recorder's (dry run) outcome comes out of the planner at once.
            HealingNotice n;
            n.action.id = o->action_id;
            n.outcome = *o;
            notices_.push_back(std::move(n));
        }
    }
}

void DemoHealing::step(DemoFeed& feed, Engine& engine) {
    std::vector<Action> fixes, asks;
    std::vector<HealingNotice> notices;
    {
        std::lock_guard lk(mutex_);
        fixes.swap(handBack_);
        asks.swap(asks_);
        notices.swap(notices_);
    }
    std::vector<Record> back;
    std::vector<Outcome> outcomes;
    feed.withSimulator([&](FleetSimulator& sim) {
        advanceApprovalClock(sim.now());
        outcomes = actuator_.apply(sim);
        if (gate_) {
            fileRequests(sim, std::move(asks));
            // Paused: people's approvals wait too (until the resume, or their expiry).
            if (!policy_.current()->killSwitch) executeApproved(sim, back);
        }
        return 0;
    });
    if (gate_) {
        sweepExpired();
        followSwitches();
    }
    audit(gateRecords_);
    gateRecords_.clear();

    // The correlator learns an action's incident from the Action record: hand
    // the fixes back before their outcomes (planner outputs reach only later stages).
    for (const Action& a : fixes) executing_[a.id] = a;
    std::vector<Record> batch;
    for (Action& a : fixes) batch.emplace_back(std::move(a));
    for (Record& r : back) {
        if (const auto* o = std::get_if<Outcome>(&r)) outcomes.push_back(*o);
        else batch.push_back(std::move(r));
    }
    {
        std::lock_guard lk(mutex_);
        for (const Record& r : batch) remember(std::get<Action>(r).id);
    }
    for (const Outcome& o : outcomes) {
        HealingNotice n;
        if (const auto it = executing_.find(o.action_id); it != executing_.end()) {
            n.action = it->second;
            n.rule = remedy::jsonField(n.action.params, "rule");
            n.why = remedy::jsonField(n.action.params, "why");
            std::lock_guard lk(mutex_);
            if (const auto inc = incidents_.find(n.action.incident_id); inc != incidents_.end()) n.incident = inc->second;
            executing_.erase(it);
        } else {
            n.action.id = o.action_id;
        }
        n.outcome = o;
        notices.push_back(std::move(n));
        batch.emplace_back(o);
    }
    bound(executing_);
    if (!batch.empty()) engine.submit(std::move(batch));
    for (const HealingNotice& n : notices) notify(n);
}

void DemoHealing::notify(const HealingNotice& n) {
    if (notice_) notice_(n);
    if (!notifier_ || n.action.kind.empty()) return;  // an outcome of an action this run did not see
    if (policy_.current()->dryRun) return;  // a dry run sends nothing, to a webhook neither
    if (n.action.kind == "escalate" && !remedy::jsonField(n.action.params, "count").empty()) return;  // paged once
    const Action& a = n.action;
    const bool proposedOrTaken = a.status == ActionStatus::Executing || a.status == ActionStatus::AwaitingApproval ||
                                 a.kind == "escalate" || n.outcome;
    if (!proposedOrTaken || remedy::jsonField(a.params, "simulated") == "true") return;
    remedy::ActionContext ctx;
    ctx.incident = n.incident;
    ctx.action = a;
    ctx.rule = n.rule;
    ctx.why = n.why;
    ctx.outcome = n.outcome;
    notifier_->post(remedy::alertmanagerPayload(ctx));
}

// Called with mutex_ held.
void DemoHealing::remember(const std::string& actionId) {
    if (handedBack_.insert(actionId).second) handedOrder_.push_back(actionId);
    while (handedOrder_.size() > kMaxKept) {
        handedBack_.erase(handedOrder_.front());
        handedOrder_.pop_front();
    }
}

void DemoHealing::fileRequests(FleetSimulator& sim, std::vector<Action> asks) {
    const auto policy = policy_.current();
    for (const Action& a : asks) {
        std::string window;
        {
            std::lock_guard lk(mutex_);
            if (const auto it = windows_.find(a.id); it != windows_.end()) {
                window = std::move(it->second);
                windows_.erase(it);
            }
        }
        const auto content = demoExecutionContent(sim, a);
        if (!content) {
            std::fprintf(stderr, "vigil: remediation: %s on %s cannot be filed for approval: nothing to act on any more\n",
                         a.kind.c_str(), a.target.c_str());
            keepUnfiled(a);
            continue;
        }
        approve::NewApprovalRequest req;
        req.actionId = a.id;
        req.actionKind = a.kind;
        req.target = a.target;
        req.incidentId = a.incident_id;
        req.content = *content;
        req.rule = remedy::jsonField(a.params, "rule");
        req.requester = "vigil";
        req.metricWindow = std::move(window);
        std::string why;
        const std::string value = remedy::jsonField(a.params, "value_wei");
        if (!value.empty()) remedy::parseWei(value, req.value);
        req.approversNeeded = req.value >= policy->twoPersonLimit && policy->twoPersonLimit > 0 ? 2 : 1;
        {
            std::lock_guard lk(mutex_);
            if (const auto it = incidents_.find(a.incident_id); it != incidents_.end()) req.narrative = it->second.narrative;
        }
        approve::ApprovalRequest filed;
        if (const auto st = gate_->request(req, filed); !st) {
            std::fprintf(stderr, "vigil: remediation: approval request for %s refused: %s\n", a.id.c_str(), st.message.c_str());
            keepUnfiled(a);
            continue;
        }
        awaiting_[filed.id] = a;
        std::lock_guard lk(mutex_);
        ++counts_.filed;
    }
}

// Not filed: the action is still stored and audited (storedOnce held it back for the gate).
void DemoHealing::keepUnfiled(const Action& a) {
    if (writer_) writer_->append({a});
    audit({a});
}

// Approved requests are executed once, after the gate confirms that exactly
// this content was approved (authorize marks it executed).
void DemoHealing::executeApproved(FleetSimulator& sim, std::vector<Record>& back) {
    if (awaiting_.empty()) return;
    std::vector<approve::ApprovalRequest> approved;
    if (const auto st = gate_->list({approve::RequestState::Approved}, approved); !st) {
        std::fprintf(stderr, "vigil: remediation: cannot read approvals: %s\n", st.message.c_str());
        return;
    }
    for (const auto& r : approved) {
        const auto it = awaiting_.find(r.id);
        if (it == awaiting_.end()) continue;  // another engine's request
        Action act = it->second;
        awaiting_.erase(it);
        const auto content = demoExecutionContent(sim, act);
        const auto st = gate_->authorize(r.id, content.value_or(std::string()));
        if (!st) {
            std::fprintf(stderr, "vigil: remediation: approved %s not executed: %s\n", r.id.c_str(),
                         content ? st.message.c_str() : "nothing to act on any more");
            std::lock_guard lk(mutex_);
            ++counts_.refused;
            continue;
        }
        std::string detail;
        const bool ok = remedy::applyToFleet(sim, act, detail);
        act.status = ActionStatus::Executing;
        act.ts = sim.now();
        executing_[act.id] = act;
        back.emplace_back(act);  // the gate stored it as executing; handed back for the correlator
        back.emplace_back(Outcome{sim.now() + 1, act.id, ok, "approved by people (" + r.id + "): " + detail});
        std::lock_guard lk(mutex_);
        ++counts_.executedApproved;
    }
}

void DemoHealing::sweepExpired() {
    std::vector<remedy::Escalation> escalations;
    if (const auto st = gate_->expireDue(escalations); !st) {
        std::fprintf(stderr, "vigil: remediation: expiry sweep failed: %s\n", st.message.c_str());
        return;
    }
    for (const auto& e : escalations) {
        std::string incident;
        for (auto it = awaiting_.begin(); it != awaiting_.end();) {
            if (it->second.target == e.target) {
                incident = it->second.incident_id;
                it = awaiting_.erase(it);
            } else {
                ++it;
            }
        }
        persistEscalation(e, incident);
    }
}

void DemoHealing::followSwitches() {
    approve::AutomationState st;
    if (const auto r = switches_->read(st); !r) {
        if (!switchReadFailed_) std::fprintf(stderr, "vigil: remediation: %s\n", r.error().c_str());
        switchReadFailed_ = true;
        return;
    }
    switchReadFailed_ = false;
    if (st.version == switchVersion_) return;
    switchVersion_ = st.version;
    const std::string detail = "by " + st.by + (st.reason.empty() ? std::string() : ": " + st.reason);
    policy_.setOverrides(st.paused, st.dryRun, detail);
    const auto p = policy_.current();
    std::fprintf(stderr, "vigil: remediation: automation %s%s (%s)\n", p->killSwitch ? "paused" : "running",
                 p->dryRun ? ", dry run" : "", detail.c_str());
}

// An escalation is a suppressed, critical "escalate" action: stored and
// audited like the planner's own, so `vigilctl` lists it after the run.
void DemoHealing::persistEscalation(const remedy::Escalation& e, const std::string& incidentId) {
    bool repeat = false;
    const Action esc = expiries_.fold(e, incidentId, "esc-" + std::to_string(e.ts) + "-" + e.target, repeat);
    if (writer_) writer_->append({esc});
    audit({esc});
    HealingNotice n;
    n.action = esc;
    n.rule = e.rule;
    n.why = e.reason;
    notify(n);
    if (repeat) return;  // the same escalation again: its row counts up, no new one
    std::lock_guard lk(mutex_);
    ++counts_.escalations;
}

void DemoHealing::audit(const std::vector<Record>& records) {
    if (!writer_ || records.empty()) return;
    std::vector<store::AuditEntry> drafts;
    audit::appendAuditDrafts(records, drafts);
    if (!drafts.empty()) writer_->appendAudit(std::move(drafts));
}

void DemoHealing::auditPolicy(const std::string& kind, const std::string& detail) {
    if (!writer_) return;
    const auto p = policy_.current();
    store::AuditEntry e;
    e.ts = wallClock_.now();
    e.kind = kind;
    e.subject = p->source;
    e.body = remedy::compactJson({{"kind", kind},
                                  {"detail", detail},
                                  {"dry_run", p->dryRun ? "true" : "false"},
                                  {"kill_switch", p->killSwitch ? "on" : "off"}});
    writer_->appendAudit({std::move(e)});
}

HealingCounts DemoHealing::counts() const {
    std::lock_guard lk(mutex_);
    return counts_;
}

}  // namespace vigil::app
