#include "ui/LocalApprovalSource.h"

#include "ui/GateWorker.h"

namespace vigil::ui {

LocalApprovalSource::LocalApprovalSource(const QString& dbPath, const Clock& clock, int pollMs, QObject* parent)
    : ApprovalSource(parent), path_(dbPath), clock_(clock) {
    qRegisterMetaType<vigil::ui::ApprovalList>("vigil::ui::ApprovalList");
    qRegisterMetaType<vigil::ui::GateAnswer>("vigil::ui::GateAnswer");
    qRegisterMetaType<vigil::approve::ApprovalRequest>("vigil::approve::ApprovalRequest");
    thread_.setObjectName(QStringLiteral("approvals"));
    worker_ = new GateWorker(dbPath, clock);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &GateWorker::listed, this, &LocalApprovalSource::listed);
    connect(worker_, &GateWorker::found, this, &ApprovalSource::lookedUp);
    connect(worker_, &GateWorker::answered, this, [this](const GateAnswer& a) {
        emit answered(a);
        refresh();  // the queue changed (or the answer says why not)
    });
    thread_.start();
    poll_.setInterval(pollMs);
    connect(&poll_, &QTimer::timeout, this, &LocalApprovalSource::refresh);
    poll_.start();
    refresh();
}

LocalApprovalSource::~LocalApprovalSource() {
    poll_.stop();
    thread_.quit();
    thread_.wait();  // the worker finishes its one SQLite call, then is deleted
}

QString LocalApprovalSource::where() const { return tr("database %1").arg(path_); }

void LocalApprovalSource::refresh() {
    if (listing_) return;
    listing_ = true;
    QMetaObject::invokeMethod(worker_, &GateWorker::list, Qt::QueuedConnection);
}

void LocalApprovalSource::approve(const QString& id, const QString& who, const QString& comment) {
    QMetaObject::invokeMethod(worker_, [w = worker_, id, who, comment] { w->decide(id, who, comment, true); },
                              Qt::QueuedConnection);
}

void LocalApprovalSource::reject(const QString& id, const QString& who, const QString& reason) {
    QMetaObject::invokeMethod(worker_, [w = worker_, id, who, reason] { w->decide(id, who, reason, false); },
                              Qt::QueuedConnection);
}

void LocalApprovalSource::lookUp(const QString& id) {
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id] { w->find(id); }, Qt::QueuedConnection);
}

void LocalApprovalSource::listed(const ApprovalList& pending, const QString& error) {
    listing_ = false;
    const int now = error.isEmpty() ? 1 : 0;
    if (now != available_) {
        available_ = now;
        emit availabilityChanged(now == 1, error);
    }
    if (now == 1) emit requestsChanged(pending);
}

}  // namespace vigil::ui
