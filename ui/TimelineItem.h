// One thing on the incident timeline, in one of five swimlanes. Plain data: the
// TimelineModel builds items from records, the TimelineView paints them.
#pragma once

#include "record/Record.h"

#include <QColor>
#include <QString>

#include <cstdint>
#include <string>

namespace vigil::ui {

enum class Lane : std::uint8_t { Anomalies, Incidents, Actions, Approvals, Outcomes };
inline constexpr int kLaneCount = 5;

// What colour and word an item gets. Incidents move open -> mitigated ->
// resolved; actions are automatic, waiting for people, approved, rejected,
// expired, failed (or held back: suppressed by the policy's brakes).
enum class ItemState : std::uint8_t {
    Anomaly,
    IncidentOpen,
    IncidentMitigated,
    IncidentResolved,
    ActionAutomatic,
    ActionProposed,
    ActionAwaitingApproval,
    ActionApproved,
    ActionRejected,
    ActionExpired,
    ActionFailed,
    ActionHeldBack,
    ApprovalRequested,
    ApprovalApproved,
    ApprovalRejected,
    ApprovalExpired,
    OutcomeSuccess,
    OutcomeFailure,
    AnomalySilenced,   // an active silence matched it: drawn grey
    AnomalyOwnEffect,  // Vigil's own action taking effect (Anomaly::own_effect_of): drawn in the actions' blue
};

struct TimelineItem {
    std::string id;          // unique in the model (record id, or derived for decisions)
    Lane lane = Lane::Anomalies;
    ItemState state = ItemState::Anomaly;
    TimestampMs start = 0;
    TimestampMs end = 0;         // == start for an instant
    TimestampMs mitigated = 0;   // incidents: when first seen mitigated (0 = not yet)
    bool ongoing = false;        // open incident, running action: end follows the engine time
    std::string incidentId;      // the incident it belongs to, if any (for cross-panel selection)
    QString title;               // one line
    QString summary;             // the tooltip: what happened, in words
};

QString laneName(Lane lane);
QString stateName(ItemState s);
QColor stateColor(ItemState s);

}  // namespace vigil::ui
