// Anomalies → incidents. Anomalies close in time on related targets (the learned
// Topology) form one incident; later ones attach to it instead of opening new
// ones; a related anomaly soon after an incident resolved re-opens it (flapping
// costs no new incident). An incident opens only on enough evidence: one
// decisive detector (the sequential event tests), a burst of strong metric
// anomalies on several related series at once, two of them upstream (an
// endpoint's latency and error rate together; one wandering latency is not enough),
// or a never-seen error on a target shortly after a change announced there (a deploy);
// lone metric blips and log novelties on a calm fleet stay anomalies (they only
// support an incident that exists). Only decisive or strong signals keep an
// incident open, so supporting noise cannot hold it forever. The likely cause is the
// earliest upstream target that explains the others. Lifecycle on record time:
// open → mitigated (a remediation succeeded, or signals quiet) → resolved (quiet
// for quietToResolveMs). Emits an Incident on open, on every state change and on
// significant updates (new target, new cause, new severity), coalesced. Vigil's own
// actions taking effect (a pool's worker count after Vigil scaled it) are no evidence
// (OwnActionEffects).
#pragma once

#include "correlate/OwnActionEffects.h"
#include "correlate/RecentChanges.h"
#include "correlate/Sensitivity.h"
#include "correlate/SeriesCuts.h"
#include "correlate/Topology.h"
#include "record/Stage.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

struct CorrelatorConfig {
    TimestampMs groupWindowMs = 120'000;     // anomalies this close may form/join one incident
    TimestampMs quietToMitigateMs = 120'000; // no new anomaly this long: mitigated
    TimestampMs quietToResolveMs = 300'000;  // no new anomaly this long: resolved
    TimestampMs flapCooldownMs = 600'000;    // a resolved incident re-opens instead of a new one
    TimestampMs updateGapMs = 15'000;        // significant updates coalesced to one per gap
    TimestampMs causeLeadSlackMs = 30'000;   // an upstream target detected this much later still leads
    TimestampMs changeLookbackMs = 900'000;  // a change announced this long before the first signal is named
    std::string newErrorDetector = "log.new_template";  // at score 1 (error level) after a change: opens
    // Opening evidence.
    // forecast.breach: a significant trend reaching a limit within minutes opens an
    // incident before the breach, so the policy can act ahead of it.
    std::vector<std::string> decisiveDetectors = {"task.failure_ratio", "tx.", "gas.spike", "worker.queue_growth",
                                                  "level.shift", "forecast."};  // prefixes
    double decisiveScore = 0.75;
    std::vector<std::string> supportingDetectors = {"log."};  // never evidence on their own
    double strongScore = 0.9;        // a metric anomaly this strong is a signal
    int burstSignals = 3;            // distinct strong (series, target) signals, of which
    int burstUpstreamSignals = 2;    // this many on chains, endpoints, hosts or pools, ...
    TimestampMs burstWindowMs = 20'000;  // ... this close together open an incident
    // Severity.
    std::vector<std::string> fundMovingWorkflows = {"airdrop_claim", "rebalance"};
    double criticalScore = 0.9;
    int criticalBreadth = 4;
    double warningScore = 0.7;
    // Memory bounds.
    std::size_t maxPending = 1024;
    std::size_t maxTargetsPerIncident = 64;
    std::size_t maxActiveIncidents = 256;
    std::size_t maxTrackedActions = 4096;
    // What Vigil's own actions change (correlate/OwnActionEffects.h): an anomaly on such
    // a series of the action's target, up to ownEffectSettleMs after the action's last
    // news, is the action working, not evidence. Scaling a pool changes its worker count.
    std::vector<ActionEffect> ownActionEffects = {{"scale_workers", {"worker.count"}}};
    TimestampMs ownEffectSettleMs = 300'000;
    // Learned per-series cuts (core/learn, docs/learning.md); null: none.
    std::shared_ptr<const SeriesCutBoard> learnedCuts;
    // Operators' sensitivity (correlate/Sensitivity.h): shifts decisiveScore and
    // strongScore by -0.1 (high) to +0.1 (low); null: normal.
    std::shared_ptr<const SensitivityDial> sensitivity;
};

struct CorrelatorCounters {
    std::int64_t anomalies = 0, attached = 0, opened = 0, reopened = 0, resolved = 0, mitigated = 0;
    std::int64_t pendingDropped = 0, emitted = 0, outOfOrder = 0;
    // Incidents not opened because maxActiveIncidents were all still open (their
    // anomalies stay pending): the cap holds however many targets fail at once.
    std::int64_t openRefused = 0;
    // Anomalies below their series' learned cut: kept as anomalies, not evidence.
    std::int64_t belowLearnedCut = 0;
    // Anomalies that were Vigil's own action taking effect: kept, not evidence.
    std::int64_t ownActionEffects = 0;
    // Anomalies an active silence matched (Anomaly::silenced): kept, not evidence.
    std::int64_t silenced = 0;
};

class IncidentCorrelator final : public Stage {
public:
    explicit IncidentCorrelator(CorrelatorConfig cfg = {});
    bool process(const Record& in, std::vector<Record>& out) override;
    void tick(TimestampMs now, std::vector<Record>& out) override;
    const char* name() const override { return "correlate.incidents"; }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<IncidentCorrelator>(*this); }

    const Topology& topology() const { return topology_; }
    const CorrelatorCounters& counters() const { return counters_; }
    const CorrelatorConfig& config() const { return cfg_; }
    // State dropped by the memory bounds: pending anomalies, change sources, topology
    // links refused, incidents not opened at the cap.
    std::uint64_t evictions() const override {
        return static_cast<std::uint64_t>(counters_.pendingDropped + counters_.openRefused) + changes_.evicted() +
               topology_.dropped();
    }

private:
    struct TargetInfo {
        TimestampMs first = 0;
        double maxScore = 0;
        int tier = -1;            // best evidence seen: 2 decisive, 1 strong, 0 supporting
        std::string detector;     // of the best anomaly (tier first, then score)
        std::string explanation;  // of the earliest anomaly of the best tier
        std::optional<NarrativeSentence> explanationLead;  // its first sentence as a message (not from a store)
        TimestampMs firstAtTier = 0;  // earliest anomaly of the best tier: when the evidence got this strong
    };
    struct Tracked {
        Incident rec;  // as last emitted (state, severity, targets, cause, narrative)
        std::map<std::string, TargetInfo> targets;
        TimestampMs firstAnomaly = 0, lastAnomaly = 0, lastSignal = 0, lastEmit = 0, resolvedAt = 0;
        double maxScore = 0;
        int flaps = 0;
        bool dirty = false, remedied = false;
    };

    void onAnomaly(const Anomaly& a, std::vector<Record>& out);
    void advance(TimestampMs now, std::vector<Record>& out);
    void attach(Tracked& inc, const Anomaly& a);
    bool related(const Tracked& inc, const std::string& target) const;
    double scoreShift() const { return cfg_.sensitivity ? vigil::scoreShift(cfg_.sensitivity->get()) : 0.0; }
    bool decisive(const Anomaly& a) const;
    bool strong(const Anomaly& a) const;  // decisive, or a strong non-supporting anomaly
    int tier(const Anomaly& a) const { return decisive(a) ? 2 : strong(a) ? 1 : 0; }
    std::string canonicalTarget(const Anomaly& a) const;
    bool enoughEvidence(const std::vector<const Anomaly*>& cluster) const;
    bool newErrorAfterChange(const Anomaly& a) const;
    struct CauseChoice {
        std::string cause;
        int explains = 0;                               // targets the cause accounts for
        std::vector<std::pair<std::string, int>> roots;  // every upstream root, with what it explains
    };
    CauseChoice chooseCause(const Tracked& inc) const;
    static std::vector<std::string> orderTargets(const Tracked& inc, const std::string& cause);
    Severity severityOf(const Tracked& inc) const;
    CauseChoice refresh(Tracked& inc);  // cause, ordered targets, severity
    void narrate(Tracked& inc, const CauseChoice& choice) const;
    void publish(Tracked& inc, TimestampMs ts, std::vector<Record>& out);
    Tracked* findActive(const std::string& target, TimestampMs ts);
    Tracked* findRecentlyResolved(const std::vector<const Anomaly*>& cluster, TimestampMs ts);
    bool fundMoving(const Tracked& inc) const;

    CorrelatorConfig cfg_;
    Topology topology_;
    RecentChanges changes_;
    OwnActionEffects ownEffects_;
    std::deque<Anomaly> pending_;            // not (yet) part of an incident, newest last
    std::map<std::string, Tracked> incidents_;  // by id; resolved ones kept for the flap cool-down
    std::map<std::string, std::string> actionIncident_;  // action id -> incident id
    std::deque<std::string> actionOrder_;
    CorrelatorCounters counters_;
    bool belowLearnedCut(const Anomaly& a);
    bool ownActionEffect(const Anomaly& a);  // counted when true
    std::shared_ptr<const SeriesCuts> cuts_;
    std::uint64_t cutsVersion_ = 0;
    std::uint64_t seq_ = 0;
    TimestampMs now_ = 0;
};

}  // namespace vigil
