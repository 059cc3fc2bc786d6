#include "correlate/IncidentCorrelator.h"

#include "correlate/Narrative.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace vigil {

IncidentCorrelator::IncidentCorrelator(CorrelatorConfig cfg)
    : cfg_(std::move(cfg)), ownEffects_(cfg_.ownActionEffects, cfg_.ownEffectSettleMs, cfg_.maxTrackedActions) {}

bool IncidentCorrelator::process(const Record& in, std::vector<Record>& out) {
    // An active silence matched it (silence/SilenceMarker.h): recorded and shown, but
    // not evidence, and not even seen, as if it had not been emitted.
    if (const auto* a = std::get_if<Anomaly>(&in); a && a->silenced) {
        ++counters_.silenced;
        return true;
    }
    topology_.learn(in);
    if (const auto* l = std::get_if<LogLine>(&in)) changes_.observe(*l);
    if (const auto* a = std::get_if<Anomaly>(&in)) {
        if (belowLearnedCut(*a) || ownActionEffect(*a)) {
            advance(a->ts, out);
            return true;
        }
        const std::string target = canonicalTarget(*a);
        if (target == a->target) {
            onAnomaly(*a, out);
        } else {
            Anomaly typed = *a;
            typed.target = target;
            onAnomaly(typed, out);
        }
        return true;
    }
    if (const auto* act = std::get_if<Action>(&in)) {
        ownEffects_.observe(*act);
        if (!act->incident_id.empty() && !act->id.empty() &&
            actionIncident_.emplace(act->id, act->incident_id).second) {
            actionOrder_.push_back(act->id);
            if (actionOrder_.size() > cfg_.maxTrackedActions) {
                actionIncident_.erase(actionOrder_.front());
                actionOrder_.pop_front();
            }
        }
    } else if (const auto* o = std::get_if<Outcome>(&in)) {
        ownEffects_.observe(*o);
        // A remediation worked: its incident is mitigated until signals say otherwise.
        auto a = o->success ? actionIncident_.find(o->action_id) : actionIncident_.end();
        if (a != actionIncident_.end()) {
            auto it = incidents_.find(a->second);
            if (it != incidents_.end() && it->second.rec.state == IncidentState::Open) {
                it->second.remedied = true;
                it->second.rec.state = IncidentState::Mitigated;
                ++counters_.mitigated;
                publish(it->second, std::max(now_, o->ts), out);
            }
        }
    }
    advance(timestampOf(in), out);
    return true;
}

bool IncidentCorrelator::ownActionEffect(const Anomaly& a) {
    if (!ownEffects_.expected(a)) return false;
    ++counters_.ownActionEffects;
    return true;
}

// Picks up a newly published set of cuts (a version check, the lock only on change).
bool IncidentCorrelator::belowLearnedCut(const Anomaly& a) {
    if (!cfg_.learnedCuts) return false;
    if (const auto v = cfg_.learnedCuts->version(); v != cutsVersion_ || !cuts_) {
        cuts_ = cfg_.learnedCuts->current();
        cutsVersion_ = v;
    }
    if (a.series.empty() || a.score >= cuts_->cutFor(a.series, a.target)) return false;
    ++counters_.belowLearnedCut;
    return true;
}

void IncidentCorrelator::tick(TimestampMs now, std::vector<Record>& out) { advance(now, out); }

bool IncidentCorrelator::decisive(const Anomaly& a) const {
    if (a.score < cfg_.decisiveScore + scoreShift()) return false;
    for (const auto& p : cfg_.decisiveDetectors)
        if (a.detector.compare(0, p.size(), p) == 0) return true;
    return false;
}

bool IncidentCorrelator::strong(const Anomaly& a) const {
    if (decisive(a)) return true;
    for (const auto& p : cfg_.supportingDetectors)
        if (a.detector.compare(0, p.size(), p) == 0) return false;
    return a.score >= cfg_.strongScore + scoreShift();
}

bool IncidentCorrelator::enoughEvidence(const std::vector<const Anomaly*>& cluster) const {
    // Strong signals, by (series, target), newest time each; the cluster is in time order.
    std::vector<std::pair<TimestampMs, const Anomaly*>> strongOnes;
    for (const Anomaly* a : cluster) {
        if (decisive(*a) || newErrorAfterChange(*a)) return true;
        if (strong(*a)) strongOnes.emplace_back(a->ts, a);
    }
    std::sort(strongOnes.begin(), strongOnes.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i < strongOnes.size(); ++i) {
        std::set<std::pair<std::string, std::string>> distinct, upstream;
        for (std::size_t j = i; j < strongOnes.size() && strongOnes[j].first - strongOnes[i].first <= cfg_.burstWindowMs;
             ++j) {
            const Anomaly* a = strongOnes[j].second;
            distinct.insert({a->series, a->target});
            if (Topology::layer(a->target) <= 2) upstream.insert({a->series, a->target});
        }
        if (static_cast<int>(upstream.size()) >= cfg_.burstUpstreamSignals &&
            static_cast<int>(distinct.size()) >= cfg_.burstSignals)
            return true;
    }
    return false;
}

bool IncidentCorrelator::newErrorAfterChange(const Anomaly& a) const {
    // A never-seen error right after a deploy (or restart, config reload) on the same
    // target is the classic regression: alone, a new error pattern is only supporting.
    if (a.detector != cfg_.newErrorDetector || a.score < 1.0) return false;
    return changes_.latest(targetName(a.target), a.ts - cfg_.changeLookbackMs, a.ts) != nullptr;
}

std::string IncidentCorrelator::canonicalTarget(const Anomaly& a) const {
    if (!targetKind(a.target).empty()) return a.target;
    // A bare name ("agent-07" as a log source): the typed node of that name, else the
    // first known fleet member the text mentions ("health check arb-main-a failed").
    static const char* kinds[] = {"agent", "rpc", "host", "chain", "pool", "workflow"};
    for (const char* k : kinds) {
        std::string t = typedTarget(k, a.target);
        if (topology_.neighbours(t)) return t;
    }
    std::string best;
    std::size_t bestPos = std::string::npos;
    topology_.forEachNode([&](const std::string& node) {
        const auto name = targetName(node);
        if (name.size() < 3) return;
        const auto pos = a.explanation.find(name);
        if (pos != std::string::npos && (pos < bestPos || (pos == bestPos && node < best))) {
            best = node;
            bestPos = pos;
        }
    });
    return best.empty() ? a.target : best;
}

bool IncidentCorrelator::related(const Tracked& inc, const std::string& target) const {
    if (inc.targets.count(target)) return true;
    for (const auto& [t, _] : inc.targets)
        if (topology_.related(t, target)) return true;
    return false;
}

IncidentCorrelator::Tracked* IncidentCorrelator::findActive(const std::string& target, TimestampMs) {
    Tracked* best = nullptr;
    for (auto& [_, inc] : incidents_) {
        if (inc.rec.state == IncidentState::Resolved || !related(inc, target)) continue;
        if (!best || inc.lastAnomaly > best->lastAnomaly) best = &inc;
    }
    return best;
}

IncidentCorrelator::Tracked* IncidentCorrelator::findRecentlyResolved(const std::vector<const Anomaly*>& cluster,
                                                                      TimestampMs ts) {
    Tracked* best = nullptr;
    for (auto& [_, inc] : incidents_) {
        if (inc.rec.state != IncidentState::Resolved || ts - inc.resolvedAt > cfg_.flapCooldownMs) continue;
        const bool rel = std::any_of(cluster.begin(), cluster.end(),
                                     [&, &inc = inc](const Anomaly* a) { return related(inc, a->target); });
        if (rel && (!best || inc.resolvedAt > best->resolvedAt)) best = &inc;
    }
    return best;
}

void IncidentCorrelator::onAnomaly(const Anomaly& a, std::vector<Record>& out) {
    ++counters_.anomalies;
    if (a.ts < now_ - cfg_.groupWindowMs) ++counters_.outOfOrder;  // still used, at its own time
    advance(a.ts, out);

    if (Tracked* inc = findActive(a.target, a.ts)) {
        ++counters_.attached;
        attach(*inc, a);
        if (inc->rec.state == IncidentState::Mitigated && inc->lastSignal == a.ts) {  // signals are back
            inc->rec.state = IncidentState::Open;
            inc->remedied = false;
            publish(*inc, a.ts, out);
        } else if (inc->dirty && a.ts - inc->lastEmit >= cfg_.updateGapMs) {
            publish(*inc, a.ts, out);
        }
        return;
    }

    pending_.push_back(a);
    if (pending_.size() > cfg_.maxPending) {
        pending_.pop_front();
        ++counters_.pendingDropped;
    }
    // The cluster: pending anomalies within the window related to the new one,
    // directly or through another member.
    std::vector<const Anomaly*> cluster;
    std::vector<bool> in(pending_.size(), false);
    std::set<std::string> targets = {a.target};
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (in[i] || a.ts - pending_[i].ts > cfg_.groupWindowMs) continue;
            const bool rel = std::any_of(targets.begin(), targets.end(),
                                         [&](const std::string& t) { return topology_.related(t, pending_[i].target); });
            if (!rel) continue;
            in[i] = true;
            targets.insert(pending_[i].target);
            cluster.push_back(&pending_[i]);
            grew = true;
        }
    }
    if (!enoughEvidence(cluster)) return;

    Tracked* inc = findRecentlyResolved(cluster, a.ts);
    if (inc) {  // flapping: the same problem again, the same incident
        ++inc->flaps;
        ++counters_.reopened;
        inc->rec.state = IncidentState::Open;
        inc->remedied = false;
    } else {
        if (incidents_.size() >= cfg_.maxActiveIncidents) {
            // Hard cap: forget the resolved incident that ended first; an open one is never
            // forgotten, so with all of them open no new one opens.
            auto victim = incidents_.end();
            for (auto it = incidents_.begin(); it != incidents_.end(); ++it)
                if (it->second.rec.state == IncidentState::Resolved &&
                    (victim == incidents_.end() || it->second.resolvedAt < victim->second.resolvedAt))
                    victim = it;
            if (victim == incidents_.end()) {  // all still open: bounded, counted
                ++counters_.openRefused;
                return;
            }
            incidents_.erase(victim);
        }
        char id[32];
        std::snprintf(id, sizeof id, "INC-%06llu", static_cast<unsigned long long>(++seq_));
        Tracked t;
        t.rec.id = id;
        t.rec.opened = a.ts;
        t.rec.state = IncidentState::Open;
        inc = &incidents_.emplace(id, std::move(t)).first->second;
        ++counters_.opened;
    }
    // Attach in time order so "first seen" and the cause are right.
    std::vector<const Anomaly*> ordered = cluster;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Anomaly* x, const Anomaly* y) { return x->ts < y->ts; });
    for (const Anomaly* m : ordered) attach(*inc, *m);
    inc->lastSignal = std::max(inc->lastSignal, a.ts);
    publish(*inc, a.ts, out);
    std::deque<Anomaly> rest;
    for (std::size_t i = 0; i < pending_.size(); ++i)
        if (!in[i]) rest.push_back(std::move(pending_[i]));
    pending_.swap(rest);
}

void IncidentCorrelator::attach(Tracked& inc, const Anomaly& a) {
    if (inc.rec.anomaly_count == 0 || a.ts < inc.firstAnomaly) inc.firstAnomaly = a.ts;
    inc.lastAnomaly = std::max(inc.lastAnomaly, a.ts);
    // Only decisive signals, or strong ones where the incident already is, keep it open.
    if (inc.rec.anomaly_count == 0 || decisive(a) || (strong(a) && inc.targets.count(a.target)))
        inc.lastSignal = std::max(inc.lastSignal, a.ts);
    ++inc.rec.anomaly_count;
    inc.maxScore = std::max(inc.maxScore, a.score);
    auto it = inc.targets.find(a.target);
    if (it == inc.targets.end()) {
        if (inc.targets.size() >= cfg_.maxTargetsPerIncident) return;  // counted, not listed
        it = inc.targets.emplace(a.target, TargetInfo{a.ts, 0, -1, {}, {}, {}, 0}).first;
        inc.dirty = true;
    }
    TargetInfo& t = it->second;
    t.first = std::min(t.first, a.ts);
    // Describe a target by its best evidence: a decisive test over a metric blip
    // over a log novelty, then the strongest score; the text of the earliest such.
    const int tr = tier(a);
    if (tr > t.tier || (tr == t.tier && a.score > t.maxScore)) t.detector = a.detector;
    if (tr > t.tier || (tr == t.tier && a.ts < t.first)) {
        t.explanation = a.explanation;
        if (a.explanation_msgs.empty()) t.explanationLead.reset();
        else t.explanationLead = a.explanation_msgs.front();
    }
    if (tr > t.tier) {
        t.maxScore = a.score;
        t.firstAtTier = a.ts;
    } else if (tr == t.tier) {
        t.maxScore = std::max(t.maxScore, a.score);
        t.firstAtTier = std::min(t.firstAtTier, a.ts);
    }
    t.tier = std::max(t.tier, tr);
    const Severity before = inc.rec.severity;
    const std::string cause = inc.rec.cause;
    refresh(inc);
    if (inc.rec.severity != before || inc.rec.cause != cause) inc.dirty = true;
}

bool IncidentCorrelator::fundMoving(const Tracked& inc) const {
    auto fund = [&](std::string_view wf) {
        return std::find(cfg_.fundMovingWorkflows.begin(), cfg_.fundMovingWorkflows.end(), wf) !=
               cfg_.fundMovingWorkflows.end();
    };
    for (const auto& [t, info] : inc.targets) {
        const auto kind = targetKind(t);
        if ((kind == "workflow" || kind == "pool") && fund(targetName(t))) return true;
        if (info.detector.compare(0, 3, "tx.") == 0) return true;  // transactions move value
        if (kind == "agent")
            if (const auto* n = topology_.neighbours(t))
                for (const auto& x : *n)
                    if (targetKind(x) == "workflow" && fund(targetName(x))) return true;
    }
    return false;
}

IncidentCorrelator::CauseChoice IncidentCorrelator::chooseCause(const Tracked& inc) const {
    // Roots: targets no earlier (or barely later) upstream target explains. Only targets with the incident's strongest kind of evidence (decisive >
    // strong > supporting) compete: a weak blip on a bystander upstream (a pool's
    // queue wobbling a minute before, a chain's pending count) neither leads nor
    // demotes the target a decisive detector (a stuck transaction, an endpoint's
    // error shift, a prediction) points at. Weaker targets still count as explained.
    // A candidate's time is when its evidence reached that strength, and it explains
    // only targets affected no earlier than that (with the lead slack): a chain whose
    // confirmations slow down ten minutes after an agent's transaction got stuck is
    // a consequence, not the cause.
    int topTier = -1;
    for (const auto& [t, info] : inc.targets) topTier = std::max(topTier, info.tier);
    CauseChoice choice;
    std::string& cause = choice.cause;
    int& causeExplains = choice.explains;
    causeExplains = -1;
    for (const auto& [c, ci] : inc.targets) {
        if (ci.tier < topTier) continue;
        bool root = true;
        int explains = 0;
        for (const auto& [u, ui] : inc.targets) {
            if (u == c) continue;
            if (ui.tier >= topTier && topology_.upstreamOf(u, c) && ui.firstAtTier <= ci.firstAtTier + cfg_.causeLeadSlackMs)
                root = false;
            if (topology_.upstreamOf(c, u) && ci.firstAtTier <= ui.first + cfg_.causeLeadSlackMs) ++explains;
        }
        if (!root) continue;
        choice.roots.emplace_back(c, explains);
    }
    // The earliest root leads, allowing for detection delay: among the roots that
    // reached their evidence within the lead slack of the earliest one, one that
    // explains other targets beats one that explains nothing; then earliest, more
    // explained, further upstream, name. A root appearing minutes later (a chain's
    // confirmations slowing long after an agent's transaction got stuck) cannot
    // take the lead however much it would explain.
    TimestampMs earliest = 0;
    for (std::size_t i = 0; i < choice.roots.size(); ++i) {
        const TimestampMs t = inc.targets.at(choice.roots[i].first).firstAtTier;
        if (i == 0 || t < earliest) earliest = t;
    }
    auto key = [&](const std::string& c, int ex) {
        return std::make_tuple(ex > 0 ? 0 : 1, inc.targets.at(c).firstAtTier, -ex, Topology::layer(c));
    };
    for (const auto& [c, ex] : choice.roots) {
        if (inc.targets.at(c).firstAtTier > earliest + cfg_.causeLeadSlackMs) continue;
        if (cause.empty() || key(c, ex) < key(cause, causeExplains)) {
            cause = c;
            causeExplains = ex;
        }
    }
    if (cause.empty() && !inc.targets.empty()) {  // a cycle of equals: take the earliest
        for (const auto& [t, info] : inc.targets)
            if (info.tier >= topTier && (cause.empty() || info.firstAtTier < inc.targets.at(cause).firstAtTier)) cause = t;
        causeExplains = 0;
    }
    return choice;
}

std::vector<std::string> IncidentCorrelator::orderTargets(const Tracked& inc, const std::string& cause) {
    // The cause first, then the others by when they were first affected.
    std::vector<std::pair<TimestampMs, std::string>> order;
    for (const auto& [t, info] : inc.targets)
        if (t != cause) order.emplace_back(info.first, t);
    std::sort(order.begin(), order.end());
    std::vector<std::string> targets;
    targets.reserve(order.size() + 1);
    if (!cause.empty()) targets.push_back(cause);
    for (auto& [_, t] : order) targets.push_back(std::move(t));
    return targets;
}

Severity IncidentCorrelator::severityOf(const Tracked& inc) const {
    const int breadth = static_cast<int>(inc.targets.size());
    if (inc.maxScore >= cfg_.criticalScore && (fundMoving(inc) || breadth >= cfg_.criticalBreadth))
        return Severity::Critical;
    if (inc.maxScore >= cfg_.warningScore || breadth >= 2) return Severity::Warning;
    return Severity::Info;
}

IncidentCorrelator::CauseChoice IncidentCorrelator::refresh(Tracked& inc) {
    CauseChoice choice = chooseCause(inc);
    inc.rec.cause = choice.cause;
    inc.rec.targets = orderTargets(inc, choice.cause);
    inc.rec.severity = severityOf(inc);
    return choice;
}

void IncidentCorrelator::narrate(Tracked& inc, const CauseChoice& choice) const {
    const std::string& cause = choice.cause;
    NarrativeFacts f;
    f.state = inc.rec.state;
    f.severity = inc.rec.severity;
    f.since = inc.firstAnomaly;
    f.lastAnomaly = inc.lastSignal;
    f.at = inc.rec.state == IncidentState::Resolved ? inc.resolvedAt : inc.lastSignal;
    std::map<std::string, std::pair<int, double>> strongest;  // detector -> best (tier, score)
    for (const auto& [t, info] : inc.targets) strongest[info.detector] = std::max(strongest[info.detector], {info.tier, info.maxScore});
    std::vector<std::pair<std::pair<int, double>, std::string>> seen;
    for (const auto& [d, s] : strongest) seen.push_back({{-s.first, -s.second}, d});
    std::sort(seen.begin(), seen.end());
    for (auto& [_, d] : seen) f.seen.push_back(d);
    for (const auto& [r, ex] : choice.roots)
        if (r != cause && ex > 0) f.otherCauses.emplace_back(r, ex);
    f.targets = inc.rec.targets;
    f.cause = cause;
    if (!cause.empty()) {
        f.causeDetector = inc.targets.at(cause).detector;
        f.causeExplanation = inc.targets.at(cause).explanation;
        f.causeExplanationLead = inc.targets.at(cause).explanationLead;
    }
    f.explained = std::max(0, choice.explains);
    // What changed on the affected targets shortly before the first signal (cause first).
    for (const std::string& t : inc.rec.targets) {
        if (f.changes.size() >= 2) break;
        const Change* c = changes_.latest(targetName(t), inc.firstAnomaly - cfg_.changeLookbackMs, inc.firstAnomaly);
        // pool:x and workflow:x share the bare name x: name a change once.
        if (c && std::none_of(f.changes.begin(), f.changes.end(),
                              [c](const Change& k) { return k.source == c->source && k.ts == c->ts; }))
            f.changes.push_back(*c);
    }
    f.anomalies = inc.rec.anomaly_count;
    f.flaps = inc.flaps;
    f.remedied = inc.remedied;
    inc.rec.story = narrativeStory(f);
    inc.rec.narrative = renderStory(inc.rec.story);
}

void IncidentCorrelator::publish(Tracked& inc, TimestampMs ts, std::vector<Record>& out) {
    // The narrative only when it is read: attaching an anomaly keeps cause,
    // targets and severity current, but words are built for what is emitted.
    narrate(inc, refresh(inc));
    inc.rec.ts = ts;
    inc.lastEmit = ts;
    inc.dirty = false;
    ++counters_.emitted;
    out.emplace_back(inc.rec);
}

void IncidentCorrelator::advance(TimestampMs now, std::vector<Record>& out) {
    if (now <= now_) return;
    now_ = now;
    while (!pending_.empty() && now_ - pending_.front().ts > cfg_.groupWindowMs) pending_.pop_front();
    for (auto it = incidents_.begin(); it != incidents_.end();) {
        Tracked& inc = it->second;
        const TimestampMs quiet = now_ - inc.lastSignal;
        // Transition times come from the last anomaly, not from when the tick
        // happened to arrive, so the records are the same however time is fed.
        if (inc.rec.state == IncidentState::Open && quiet >= cfg_.quietToMitigateMs) {
            inc.rec.state = IncidentState::Mitigated;
            ++counters_.mitigated;
            publish(inc, inc.lastSignal + cfg_.quietToMitigateMs, out);
        }
        if (inc.rec.state == IncidentState::Mitigated && quiet >= cfg_.quietToResolveMs) {
            inc.rec.state = IncidentState::Resolved;
            inc.resolvedAt = inc.lastSignal + cfg_.quietToResolveMs;
            ++counters_.resolved;
            publish(inc, inc.resolvedAt, out);
        }
        if (inc.rec.state == IncidentState::Resolved) {
            if (now_ - inc.resolvedAt > cfg_.flapCooldownMs) {
                it = incidents_.erase(it);
                continue;
            }
        } else if (inc.dirty && now_ - inc.lastEmit >= cfg_.updateGapMs) {
            publish(inc, now_, out);
        }
        ++it;
    }
}

}  // namespace vigil
