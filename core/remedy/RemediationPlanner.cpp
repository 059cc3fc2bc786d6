#include "remedy/RemediationPlanner.h"
#include "record/SameText.h"

#include "record/NdjsonCodec.h"
#include "remedy/PolicyMatch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <tuple>

namespace vigil::remedy {

std::string compactJson(const std::map<std::string, std::string>& fields) {
    std::string o = "{";
    for (const auto& [k, v] : fields) {
        if (o.size() > 1) o += ',';
        appendJsonString(o, k);
        o += ':';
        appendJsonString(o, v);
    }
    return o + "}";
}

RemediationPlanner::RemediationPlanner(const Clock& clock, const LivePolicy& policy, Actuator& actuator)
    : clock_(clock), policy_(policy), actuator_(actuator), admission_(time_) {}

RemediationPlanner::RemediationPlanner(const RemediationPlanner& o)
    : clock_(o.clock_),
      time_(o.time_.now()),
      policy_(o.policy_),
      actuator_(o.actuator_),
      dryRun_(o.dryRun_),
      admission_(o.admission_, time_),
      s_(o.s_) {}

std::unique_ptr<Stage> RemediationPlanner::clone() const {
    return std::unique_ptr<Stage>(new RemediationPlanner(*this));
}

std::string RemediationPlanner::nextId(const std::string& prefix, const std::string& content) {
    // FNV-1a of the content plus a sequence number: stable across runs, unique within one.
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : content) h = (h ^ c) * 1099511628211ull;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s-%08llx-%llu", prefix.c_str(), static_cast<unsigned long long>(h & 0xffffffffull),
                  static_cast<unsigned long long>(++s_.seq));
    return buf;
}

// The planner's own time never goes backwards, so an out-of-order record cannot
// rewind budgets or cooldowns. Engine thread only.
void RemediationPlanner::advanceTime(TimestampMs t) {
    if (t > time_.now()) time_.set(t);
}

bool RemediationPlanner::process(const Record& in, std::vector<Record>& out) {
    advanceTime(std::max(clock_.now(), timestampOf(in)));
    s_.load.observe(in);
    if (const auto* m = std::get_if<MetricSample>(&in);
        m && sameText(m->series, "worker.queue_depth") && s_.scaleBack.tracking(m->target))
        if (const auto down = s_.scaleBack.check(m->target, s_.load, time_.now())) planScaleDown(*down, out);
    if (const auto* tx = std::get_if<TxEvent>(&in)) observeTx(*tx);
    if (const auto* a = std::get_if<Anomaly>(&in)) {
        if (a->silenced) return true;  // an active silence: no action (docs/operations.md)
        const auto sig = signatureOf(*a);
        if (!sig) return true;
        if (s_.signatures.size() >= kMaxTracked && !s_.signatures.count(sig->target)) {
            s_.signatures.erase(s_.signatures.begin());
            ++s_.evictions;
        }
        s_.signatures[sig->target] = {*sig, a->ts};
        for (const auto& [id, inc] : s_.open)
            if (std::find(inc.targets.begin(), inc.targets.end(), sig->target) != inc.targets.end() || inc.cause == sig->target)
                plan(inc, *sig, a->ts, out);
    } else if (const auto* i = std::get_if<Incident>(&in)) {
        if (i->silenced) {  // not acted on while silenced; its plans and cooldowns stay
            s_.open.erase(i->id);
            return true;
        }
        if (i->state == IncidentState::Resolved) {
            s_.open.erase(i->id);
            const std::string prefix = i->id + "|";
            for (auto it = s_.planned.lower_bound(prefix); it != s_.planned.end() && it->first.rfind(prefix, 0) == 0;) it = s_.planned.erase(it);
            return true;
        }
        if (s_.open.size() >= kMaxTracked && !s_.open.count(i->id)) {
            s_.open.erase(s_.open.begin());
            ++s_.evictions;
        }
        s_.open[i->id] = *i;
        for (const auto& [target, entry] : s_.signatures)
            if (std::find(i->targets.begin(), i->targets.end(), target) != i->targets.end() || i->cause == target)
                plan(*i, entry.first, entry.second, out);
    } else if (const auto* o = std::get_if<Outcome>(&in)) {
        ++s_.outcomes;
        if (!o->success) ++s_.failedOutcomes;
        if (const auto it = s_.pending.find(o->action_id); it != s_.pending.end()) {
            if (const auto p = s_.planned.find(it->second); p != s_.planned.end() && p->second.actionId == o->action_id)
                p->second.succeeded = o->success;
            s_.pending.erase(it);
        }
    }
    return true;
}

void RemediationPlanner::tick(TimestampMs now, std::vector<Record>&) {
    advanceTime(std::max(clock_.now(), now));
    for (auto it = s_.signatures.begin(); it != s_.signatures.end();)
        it = now - it->second.second > kSignatureTtlMs ? s_.signatures.erase(it) : std::next(it);
}

void RemediationPlanner::observeTx(const TxEvent& tx) {
    const std::string agent = "agent:" + tx.agent;
    if (tx.state == TxState::Confirmed || tx.state == TxState::Failed) {
        if (const auto it = s_.pendingTx.find(agent); it != s_.pendingTx.end()) {
            it->second.erase(tx.nonce);
            if (it->second.empty()) s_.pendingTx.erase(it);
        }
        return;
    }
    if (tx.state != TxState::Submitted || !std::isfinite(tx.value_eth) || tx.value_eth < 0 || tx.value_eth > 1e12) return;
    if (s_.pendingTx.size() >= kMaxTracked && !s_.pendingTx.count(agent)) {
        s_.pendingTx.erase(s_.pendingTx.begin());
        ++s_.evictions;
    }
    auto& nonces = s_.pendingTx[agent];
    if (nonces.size() >= 256 && !nonces.count(tx.nonce)) nonces.erase(nonces.begin());  // bounded per agent
    // Whole 1e-9 ETH: exact for the fleet's values, which carry 4 decimals.
    nonces[tx.nonce] = static_cast<Wei>(std::llround(tx.value_eth * 1e9)) * 1'000'000'000ULL;
}

// scale_workers gets an absolute `replicas`: what the measured load needs (PoolLoad),
// at least the playbook's `step` above the current count, within min/max_replicas.
// Without measurements yet the actuator falls back to the step.
void RemediationPlanner::sizeScaling(const std::string& pool, std::map<std::string, std::string>& params) const {
    auto number = [&params](const char* key, double fallback) {
        const auto it = params.find(key);
        if (it == params.end()) return fallback;
        char* end = nullptr;
        const double v = std::strtod(it->second.c_str(), &end);
        return end && *end == '\0' && std::isfinite(v) ? v : fallback;
    };
    const auto z = s_.load.sizing(pool, number("drain_seconds", 60));
    if (!z) return;
    const int step = static_cast<int>(number("step", 1));
    const int lo = static_cast<int>(number("min_replicas", 1)), hi = static_cast<int>(number("max_replicas", 64));
    const int replicas = std::clamp(std::max(z->desired, z->current + step), lo, std::max(lo, hi));
    params["replicas"] = std::to_string(replicas);
    params["sizing"] = z->why;
}

void RemediationPlanner::plan(const Incident& inc, const Signature& sig, TimestampMs seen, std::vector<Record>& out) {
    const auto policy = policy_.current();
    IncidentFacts facts;
    facts.kind = sig.kind;
    facts.detectors = {sig.detector};
    facts.cause = sig.target;
    facts.severity = inc.severity;
    facts.timeToBreachMs = sig.timeToBreachMs;
    const PolicyRule* rule = matchRule(*policy, facts);
    if (!rule || rule->playbook.empty()) return;  // no rule: Vigil proposes nothing
    const TimestampMs now = time_.now();
    const std::string key = inc.id + "|" + sig.kind + "|" + sig.target;
    if (const auto it = s_.planned.find(key); it != s_.planned.end()) {
        const Planned& last = it->second;
        // Held back only by a brake that is now released (people resumed, or
        // switched the dry run off): plan again on the next evidence, else the
        // fault would stay unhealed after the resume.
        const bool released = (last.verdict == Verdict::Paused && !policy->killSwitch) ||
                              (last.verdict == Verdict::DryRun && !policy->dryRun);
        if (!released && (!last.executed || !last.succeeded || seen <= last.at || now - last.at < policy->cooldownFor(rule))) return;
    }
    Planned& entry = s_.planned[key];
    entry = Planned{now, {}, false, false};
    const PlaybookStep& step = rule->playbook.front();
    // A replacement of a stuck transaction moves that transaction's value: at or
    // above approval_limit it needs people, like any transfer.
    Wei value = 0;
    std::int64_t nonce = -1;
    if (step.action.kind == "retry_tx")
        if (const auto it = s_.pendingTx.find(sig.target); it != s_.pendingTx.end() && !it->second.empty())
            std::tie(nonce, value) = *it->second.begin();  // the lowest nonce holds the others up
    auto [choice, adm] = admission_.admitStep(*policy, *rule, step, sig.target, value);
    const ActionChoice& chosen = choice ? *choice : step.action;
    entry.verdict = adm.verdict;

    Action act;
    act.ts = now;
    act.incident_id = inc.id;
    act.kind = chosen.kind;
    act.target = sig.target;
    act.id = nextId("act", inc.id + "|" + act.kind + "|" + act.target);
    entry.actionId = act.id;
    std::map<std::string, std::string> params = chosen.params;
    params["rule"] = rule->name;
    params["verdict"] = std::string(toString(adm.verdict));
    params["why"] = adm.reason;
    params["evidence"] = sig.detector;
    if (chosen.kind == "scale_workers") sizeScaling(sig.target, params);
    if (chosen.kind == "retry_tx" && nonce >= 0) {
        params["nonce"] = std::to_string(nonce);
        params["value_wei"] = weiToString(value);
    }

    if (adm.escalation) {
        bool repeat = false;
        Escalation e = *adm.escalation;
        e.ts = now;
        out.emplace_back(s_.escalations.fold(e, inc.id, nextId("esc", inc.id + "|" + e.target), repeat));
    }
    switch (adm.verdict) {
    case Verdict::Execute:
    case Verdict::DryRun: {
        const bool dry = adm.verdict == Verdict::DryRun;
        if (dry) params["simulated"] = "true";
        act.params = compactJson(params);
        act.status = ActionStatus::Executing;
        out.emplace_back(act);
        entry.executed = true;
        if (chosen.kind == "scale_workers" && !dry)
            s_.scaleBack.scaledUp(sig.target, inc.id, rule->name, s_.load.workers(sig.target), chosen.params, now);
        if (auto o = (dry ? static_cast<Actuator&>(dryRun_) : actuator_).submit(act)) {
            entry.succeeded = o->success;
            out.emplace_back(std::move(*o));
        } else {
            if (s_.pending.size() >= kMaxTracked) {
                s_.pending.erase(s_.pending.begin());
                ++s_.evictions;
            }
            s_.pending[act.id] = key;
        }
        break;
    }
    case Verdict::NeedsApproval: {
        act.params = compactJson(params);
        act.status = ActionStatus::AwaitingApproval;
        act.critical = true;
        out.emplace_back(act);
        Approval req;
        req.ts = now;
        req.id = "apr-" + act.id.substr(4);
        req.action_id = act.id;
        req.requester = "vigil";
        req.decision = ApprovalDecision::Requested;
        req.expires = now + policy->approvalExpiryMs;
        req.reason = adm.reason;
        out.emplace_back(std::move(req));
        break;
    }
    default:
        act.params = compactJson(params);
        act.status = ActionStatus::Suppressed;
        out.emplace_back(std::move(act));
        break;
    }
}

// The scale-down goes through admission like any action (kill switch, dry run,
// cooldown, budget); held back, it is proposed again at the next check.
void RemediationPlanner::planScaleDown(const ScaleDown& d, std::vector<Record>& out) {
    const auto policy = policy_.current();
    const PolicyRule* rule = nullptr;
    for (const PolicyRule& r : policy->rules)
        if (r.name == d.rule) rule = &r;
    if (!rule || rule->playbook.empty() || rule->playbook.front().action.kind != "scale_workers") {
        s_.scaleBack.scaledDown(d.pool, 0);  // the rule is gone from the policy: nothing to undo by
        return;
    }
    const ActionChoice& choice = rule->playbook.front().action;
    const Admission adm = admission_.admit(*policy, AdmissionRequest{d.pool, &choice, rule, 0});
    if (adm.verdict != Verdict::Execute && adm.verdict != Verdict::DryRun) return;
    const bool dry = adm.verdict == Verdict::DryRun;
    const TimestampMs now = time_.now();
    Action act;
    act.ts = now;
    act.incident_id = d.incidentId;
    act.kind = "scale_workers";
    act.target = d.pool;
    act.id = nextId("act", d.incidentId + "|scale_down|" + d.pool);
    std::map<std::string, std::string> params = choice.params;
    params["rule"] = rule->name;
    params["verdict"] = std::string(toString(adm.verdict));
    params["why"] = "scale " + d.pool + " down from " + std::to_string(d.from) + " to " + std::to_string(d.replicas) + ": " + d.why;
    params["evidence"] = "pool.load";
    params["replicas"] = std::to_string(d.replicas);
    params["scale_down"] = "true";
    if (dry) params["simulated"] = "true";
    act.params = compactJson(params);
    act.status = ActionStatus::Executing;
    out.emplace_back(act);
    if (auto o = (dry ? static_cast<Actuator&>(dryRun_) : actuator_).submit(act)) out.emplace_back(std::move(*o));
    if (!dry) s_.scaleBack.scaledDown(d.pool, d.replicas);
}

}  // namespace vigil::remedy
