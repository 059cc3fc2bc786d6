#include "ui/StoreAutomationControl.h"

#include "approve/AutomationSwitch.h"
#include "ui/AutomationWorker.h"

namespace vigil::ui {

StoreAutomationControl::StoreAutomationControl(const QString& dbPath, remedy::LivePolicy* policy,
                                               const QString& policyFile, int pollMs, QObject* parent)
    : AutomationControl(parent), path_(dbPath) {
    qRegisterMetaType<vigil::ui::AutomationStatus>();
    worker_ = new AutomationWorker(dbPath, policy, policyFile);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &AutomationWorker::status, this, [this](const AutomationStatus& s) {
        if (s == status_) return;
        status_ = s;
        emit statusChanged(s);
    });
    connect(worker_, &AutomationWorker::refused, this, &AutomationControl::refused);
    connect(worker_, &AutomationWorker::reloaded, this, &AutomationControl::policyReloaded);
    thread_.setObjectName(QStringLiteral("automation"));
    thread_.start();
    connect(&poll_, &QTimer::timeout, worker_, &AutomationWorker::read);
    poll_.start(pollMs);
    QMetaObject::invokeMethod(worker_, &AutomationWorker::read, Qt::QueuedConnection);
}

StoreAutomationControl::~StoreAutomationControl() {
    poll_.stop();
    thread_.quit();
    thread_.wait();
}

void StoreAutomationControl::changed(int change, const QString& who, const QString& reason) {
    QMetaObject::invokeMethod(worker_, [w = worker_, change, who, reason] { w->change(change, who, reason); },
                              Qt::QueuedConnection);
}

void StoreAutomationControl::pause(const QString& who, const QString& reason) {
    changed(int(approve::AutomationChange::Pause), who, reason);
}
void StoreAutomationControl::resume(const QString& who, const QString& reason) {
    changed(int(approve::AutomationChange::Resume), who, reason);
}
void StoreAutomationControl::setDryRun(bool on, const QString& who, const QString& reason) {
    changed(int(on ? approve::AutomationChange::DryRunOn : approve::AutomationChange::DryRunOff), who, reason);
}
void StoreAutomationControl::reloadPolicy() {
    QMetaObject::invokeMethod(worker_, &AutomationWorker::reload, Qt::QueuedConnection);
}

}  // namespace vigil::ui
