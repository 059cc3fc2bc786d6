// RemoteApprovalSource's worker: owns the SignoffClient and makes its
// synchronous calls (each bounded by the client's deadline) on the worker
// thread, so the GUI thread never waits on the network.
#pragma once

#include "signoff/SignoffClient.h"
#include "ui/ApprovalTypes.h"

#include <QObject>

#include <memory>

namespace vigil::ui {

// One call's outcome as the source needs it: whether the service was there at
// all, and its words (or the transport's) when it said no.
struct SignoffCall {
    bool ok = false;
    bool reached = false;  // false: connection, TLS or deadline failure (the service is not there)
    QString error;         // the service's error text verbatim, or why it could not be reached
};

class SignoffWorker : public QObject {
    Q_OBJECT
public:
    explicit SignoffWorker(std::unique_ptr<signoff::SignoffClient> client) : client_(std::move(client)) {}

public slots:
    void list();
    void whoami();
    void decide(const QString& id, const QString& comment, bool approve);
    void show(const QString& id);

signals:
    void shown(const vigil::approve::ApprovalRequest& request);  // not emitted when the call failed
    // Pending requests only (the service also lists approved ones waiting to be
    // executed: nothing is left for people to decide there).
    void listed(const vigil::ui::ApprovalList& pending, qint64 serverNow, bool ok, bool reached, const QString& error);
    void identified(const QString& identity, bool ok, bool reached, const QString& error);
    void answered(const vigil::ui::GateAnswer& answer, bool reached);

private:
    std::unique_ptr<signoff::SignoffClient> client_;
};

}  // namespace vigil::ui
