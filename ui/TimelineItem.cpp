#include "ui/TimelineItem.h"

#include "ui/Palette.h"

#include <QCoreApplication>

namespace vigil::ui {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("Timeline", s); }
}

QString laneName(Lane lane) {
    switch (lane) {
    case Lane::Anomalies: return tr("Anomalies");
    case Lane::Incidents: return tr("Incidents");
    case Lane::Actions: return tr("Actions");
    case Lane::Approvals: return tr("Approvals");
    case Lane::Outcomes: return tr("Outcomes");
    }
    return {};
}

QString stateName(ItemState s) {
    switch (s) {
    case ItemState::Anomaly: return tr("anomaly");
    case ItemState::IncidentOpen: return tr("open");
    case ItemState::IncidentMitigated: return tr("mitigated");
    case ItemState::IncidentResolved: return tr("resolved");
    case ItemState::ActionAutomatic: return tr("automatic");
    case ItemState::ActionProposed: return tr("proposed");
    case ItemState::ActionAwaitingApproval: return tr("awaiting approval");
    case ItemState::ActionApproved: return tr("approved");
    case ItemState::ActionRejected: return tr("rejected");
    case ItemState::ActionExpired: return tr("expired");
    case ItemState::ActionFailed: return tr("failed");
    case ItemState::ActionHeldBack: return tr("held back");
    case ItemState::ApprovalRequested: return tr("requested");
    case ItemState::ApprovalApproved: return tr("approved");
    case ItemState::ApprovalRejected: return tr("rejected");
    case ItemState::ApprovalExpired: return tr("expired");
    case ItemState::OutcomeSuccess: return tr("succeeded");
    case ItemState::OutcomeFailure: return tr("failed");
    }
    return {};
}

QColor stateColor(ItemState s) {
    switch (s) {
    case ItemState::Anomaly: return palette::warning();
    case ItemState::IncidentOpen: return palette::bad();
    case ItemState::IncidentMitigated: return palette::warning();
    case ItemState::IncidentResolved: return palette::muted();
    case ItemState::ActionAutomatic: return palette::info();
    case ItemState::ActionProposed: return palette::muted();
    case ItemState::ActionAwaitingApproval: return QColor(0x94, 0x67, 0xbd);
    case ItemState::ActionApproved: return palette::good();
    case ItemState::ActionRejected: return palette::muted().darker(130);
    case ItemState::ActionExpired: return QColor(0x8c, 0x56, 0x4b);
    case ItemState::ActionFailed: return palette::bad();
    case ItemState::ActionHeldBack: return palette::muted();
    case ItemState::ApprovalRequested: return QColor(0x94, 0x67, 0xbd);
    case ItemState::ApprovalApproved: return palette::good();
    case ItemState::ApprovalRejected: return palette::muted().darker(130);
    case ItemState::ApprovalExpired: return QColor(0x8c, 0x56, 0x4b);
    case ItemState::OutcomeSuccess: return palette::good();
    case ItemState::OutcomeFailure: return palette::bad();
    }
    return palette::muted();
}

}  // namespace vigil::ui
