// Learning within bounds (issue #12), pure and deterministic: from operators'
// feedback, which series spoke in which incident and how actions fared, the
// changes to propose to the learned model in force. Time comes from `now`.
//
// Sensitivity: a series that spoke in incidents confirmed false alarms gets a
// score cut of baseCut + step per such incident (anomalies below it are no
// longer evidence), never above `cap` and never above (highest score - margin)
// of that series in any incident confirmed real, so a labelled fault stays
// seen; a real incident arriving later lowers a cut that would hide it.
// Playbooks: a rule's choices are ordered by their Laplace-smoothed success
// rate (successes + 1) / (trials + 2), ties in policy order, once at least
// minTrials actions of that rule have run. Evidence of a reverted change is not
// used again, so a revert sticks until new evidence arrives.
#pragma once

#include "learn/ActionResults.h"
#include "learn/Feedback.h"
#include "learn/IncidentSeries.h"
#include "learn/LearnChange.h"
#include "remedy/Policy.h"

#include <map>
#include <string>
#include <vector>

namespace vigil::learn {

struct LearnConfig {
    double baseCut = 0.75;  // the correlator's decisive score: where an anomaly starts to open incidents
    double step = 0.05;     // per confirmed false alarm
    double cap = 0.95;      // global: no series is ever cut above this
    double margin = 0.005;  // below a real incident's score
    int minTrials = 3;      // actions of a rule before its order may change
};

struct LearnInputs {
    std::vector<Feedback> feedback;                       // in the order given (later wins)
    std::map<std::string, SeriesScores> incidentSeries;   // seriesOfIncidents()
    std::vector<ActionResult> actions;                    // assessActions()
    const remedy::Policy* policy = nullptr;               // for playbook orders; null: none
    std::vector<LearnChange> history;                     // every change so far, reverted ones too
    TimestampMs now = 0;
};

// The changes to make, in a stable order (cuts by series, then orders by rule);
// id 0, ts = now, by "vigil". Empty when the model in force already agrees.
std::vector<LearnChange> proposeChanges(const LearnInputs& in, const LearnConfig& cfg = {});

// The policy with each rule's first playbook step reordered as the model says
// (kinds the rule no longer has are ignored; kinds the order lacks keep their
// place after the ordered ones).
remedy::Policy applyOrders(const remedy::Policy& policy, const LearnedModel& model);

// A rule's first-step choices in policy order.
std::vector<std::string> choicesOf(const remedy::PolicyRule& rule);

}  // namespace vigil::learn
