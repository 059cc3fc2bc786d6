// The approval queue of a local Vigil database: an ApprovalGate on its own store
// connection, living in a worker thread. The queue is re-read every pollMs (the
// engine or `vigilctl approvals` in another process may have changed it: SQLite
// WAL) and after every decision.
#pragma once

#include "record/Clock.h"
#include "ui/ApprovalSource.h"

#include <QThread>
#include <QTimer>

namespace vigil::ui {

class GateWorker;

class LocalApprovalSource : public ApprovalSource {
    Q_OBJECT
public:
    // `clock` (the time decisions are made at) must outlive the source.
    LocalApprovalSource(const QString& dbPath, const Clock& clock, int pollMs = 1000, QObject* parent = nullptr);
    ~LocalApprovalSource() override;

    TimestampMs now() const override { return clock_.now(); }
    QString where() const override;

public slots:
    void refresh() override;
    void approve(const QString& id, const QString& who, const QString& comment) override;
    void reject(const QString& id, const QString& who, const QString& reason) override;
    void lookUp(const QString& id) override;

private:
    void listed(const vigil::ui::ApprovalList& pending, const QString& error);

    QString path_;
    const Clock& clock_;
    QThread thread_;
    GateWorker* worker_ = nullptr;  // lives in thread_
    QTimer poll_;
    bool listing_ = false;   // a list is in flight: the timer does not pile up more
    int available_ = -1;     // -1 unknown, 0 no, 1 yes
};

}  // namespace vigil::ui
