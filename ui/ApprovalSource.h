// Where the console's approval queue comes from and where people's decisions go:
// the local database's approval gate (LocalApprovalSource) or, at a sign-off desk,
// the sign-off service. Every call returns at once; the work happens elsewhere and
// comes back by signal, so the GUI thread never waits on a store or a network.
// A source decides nothing: it carries the decision to the gate and the gate's
// answer back.
#pragma once

#include "record/Record.h"
#include "ui/ApprovalTypes.h"

#include <QObject>

namespace vigil::ui {

class ApprovalSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The time expiry is judged against (the gate's clock), for countdowns.
    virtual TimestampMs now() const = 0;
    // "database /path/vigil.db" or "sign-off service https://…", for people.
    virtual QString where() const = 0;
    // Who decides through this source when that is not the person's to say (a
    // sign-off desk: the service knows the token's identity); "" when the
    // dialog asks who decides, or before the service has said.
    virtual QString signedInAs() const { return {}; }

public slots:
    // Ask for the pending requests again; the answer is requestsChanged.
    virtual void refresh() = 0;
    virtual void approve(const QString& id, const QString& who, const QString& comment) = 0;
    virtual void reject(const QString& id, const QString& who, const QString& reason) = 0;
    // Read one request as stored now, whatever its state (a request that left
    // the queue because someone else decided it); the answer is lookedUp.
    virtual void lookUp(const QString& id) = 0;

signals:
    // Every request still waiting for people (state pending), newest first.
    void requestsChanged(const vigil::ui::ApprovalList& pending);
    void answered(const vigil::ui::GateAnswer& answer);
    void lookedUp(const vigil::approve::ApprovalRequest& request);
    // false while the store or service cannot be reached (`why` says what failed).
    void availabilityChanged(bool available, const QString& why);
    // signedInAs() became known or changed.
    void signedIn(const QString& identity);
};

}  // namespace vigil::ui
