// LocalApprovalSource's worker: owns the store connection and the ApprovalGate,
// both created and used only on the worker thread.
#pragma once

#include "approve/ApprovalGate.h"
#include "record/Clock.h"
#include "store/Database.h"
#include "ui/ApprovalTypes.h"

#include <QObject>

#include <memory>

namespace vigil::ui {

class GateWorker : public QObject {
    Q_OBJECT
public:
    GateWorker(QString dbPath, const Clock& clock) : path_(std::move(dbPath)), clock_(clock) {}
    ~GateWorker() override;

public slots:
    void list();
    void decide(const QString& id, const QString& who, const QString& comment, bool approve);
    void find(const QString& id);

signals:
    void found(const vigil::approve::ApprovalRequest& request);  // not emitted when unknown or unreadable
    void listed(const vigil::ui::ApprovalList& pending, const QString& error);
    void answered(const vigil::ui::GateAnswer& answer);

private:
    // Opens the connection on first use (and again after a failure); "" when open.
    QString open();

    QString path_;
    const Clock& clock_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<approve::ApprovalGate> gate_;
};

}  // namespace vigil::ui
