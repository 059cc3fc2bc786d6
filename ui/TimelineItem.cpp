#include "ui/TimelineItem.h"

#include "ui/Palette.h"

#include <QCoreApplication>

namespace vigil::ui {

QString laneName(Lane lane) {
    switch (lane) {
    case Lane::Anomalies: return QCoreApplication::translate("Timeline", "Anomalies");
    case Lane::Incidents: return QCoreApplication::translate("Timeline", "Incidents");
    case Lane::Actions: return QCoreApplication::translate("Timeline", "Actions");
    case Lane::Approvals: return QCoreApplication::translate("Timeline", "Approvals");
    case Lane::Outcomes: return QCoreApplication::translate("Timeline", "Outcomes");
    }
    return {};
}

QString stateName(ItemState s) {
    switch (s) {
    case ItemState::Anomaly: return QCoreApplication::translate("Timeline", "anomaly");
    case ItemState::IncidentOpen: return QCoreApplication::translate("Timeline", "open");
    case ItemState::IncidentMitigated: return QCoreApplication::translate("Timeline", "mitigated");
    case ItemState::IncidentResolved: return QCoreApplication::translate("Timeline", "resolved");
    case ItemState::ActionAutomatic: return QCoreApplication::translate("Timeline", "automatic");
    case ItemState::ActionProposed: return QCoreApplication::translate("Timeline", "proposed");
    case ItemState::ActionAwaitingApproval: return QCoreApplication::translate("Timeline", "awaiting approval");
    case ItemState::ActionApproved: return QCoreApplication::translate("Timeline", "approved");
    case ItemState::ActionRejected: return QCoreApplication::translate("Timeline", "rejected");
    case ItemState::ActionExpired: return QCoreApplication::translate("Timeline", "expired");
    case ItemState::ActionFailed: return QCoreApplication::translate("Timeline", "failed");
    case ItemState::ActionHeldBack: return QCoreApplication::translate("Timeline", "held back");
    case ItemState::ApprovalRequested: return QCoreApplication::translate("Timeline", "requested");
    case ItemState::ApprovalApproved: return QCoreApplication::translate("Timeline", "approved");
    case ItemState::ApprovalRejected: return QCoreApplication::translate("Timeline", "rejected");
    case ItemState::ApprovalExpired: return QCoreApplication::translate("Timeline", "expired");
    case ItemState::OutcomeSuccess: return QCoreApplication::translate("Timeline", "succeeded");
    case ItemState::OutcomeFailure: return QCoreApplication::translate("Timeline", "failed");
    case ItemState::AnomalySilenced: return QCoreApplication::translate("Timeline", "silenced");
    case ItemState::AnomalyOwnEffect: return QCoreApplication::translate("Timeline", "Vigil's own action");
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
    case ItemState::AnomalySilenced: return palette::muted();
    case ItemState::AnomalyOwnEffect: return palette::info();
    }
    return palette::muted();
}

}  // namespace vigil::ui
