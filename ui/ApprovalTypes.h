// Approval requests travel from an ApprovalSource's worker thread to the GUI
// through queued signals: the types are declared once here, before moc uses them.
#pragma once

#include "approve/ApprovalRequest.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace vigil::ui {

// What the gate (or the sign-off service) answered to one decision, verbatim.
struct GateAnswer {
    QString requestId;
    bool ok = false;
    bool approve = false;   // the decision asked for: approve (true) or reject
    QString message;        // the gate's own words; empty when it said nothing
    bool haveAfter = false; // `after` holds the request as stored after the decision
    approve::ApprovalRequest after;
};

using ApprovalList = std::vector<approve::ApprovalRequest>;

}  // namespace vigil::ui

Q_DECLARE_METATYPE(vigil::approve::ApprovalRequest)
Q_DECLARE_METATYPE(vigil::ui::GateAnswer)
Q_DECLARE_METATYPE(vigil::ui::ApprovalList)
