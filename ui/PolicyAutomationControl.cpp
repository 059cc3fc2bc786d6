#include "ui/PolicyAutomationControl.h"

#include "remedy/LivePolicy.h"

#include <QFile>
#include <QPointer>
#include <QThread>

namespace vigil::ui {

namespace {
// Runs `work` on a short-lived thread and `done` back on `ctx`'s thread.
template <class Work, class Done>
void offGuiThread(QObject* ctx, Work work, Done done) {
    QThread* t = QThread::create([ctx = QPointer<QObject>(ctx), work, done]() mutable {
        auto result = work();
        if (ctx) QMetaObject::invokeMethod(ctx, [done, result]() mutable { done(result); }, Qt::QueuedConnection);
    });
    QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
}
}  // namespace

PolicyAutomationControl::PolicyAutomationControl(remedy::LivePolicy& policy, const QString& policyFile, QObject* parent)
    : AutomationControl(parent), policy_(policy), policyFile_(policyFile) {
    connect(&poll_, &QTimer::timeout, this, &PolicyAutomationControl::refresh);
    poll_.start(1000);
    refresh();
}

void PolicyAutomationControl::refresh() {
    const auto p = policy_.current();
    AutomationStatus s = status_;
    s.known = true;
    if (s.paused != p->killSwitch) {  // changed elsewhere (a reloaded file): not by whoever paused here
        s.by.clear();
        s.reason.clear();
        s.since = {};
    }
    s.paused = p->killSwitch;
    s.dryRun = p->dryRun;
    if (s == status_) return;
    status_ = s;
    emit statusChanged(s);
}

void PolicyAutomationControl::flip(bool paused, const QString& who, const QString& reason) {
    if (who.isEmpty() || who.contains(QLatin1Char(' '))) {
        emit refused(tr("'%1' is not an operator identity (one word, not empty)").arg(who));
        return;
    }
    remedy::LivePolicy* policy = &policy_;
    offGuiThread(
        this, [policy, paused] { policy->setKillSwitch(paused); return paused; },
        [this, who, reason](bool) {
            status_.by = who;
            status_.reason = reason;
            status_.since = QDateTime::currentDateTime();
            status_.paused = policy_.current()->killSwitch;
            emit statusChanged(status_);
        });
}

void PolicyAutomationControl::pause(const QString& who, const QString& reason) { flip(true, who, reason); }
void PolicyAutomationControl::resume(const QString& who, const QString& reason) { flip(false, who, reason); }

void PolicyAutomationControl::setDryRun(bool, const QString&, const QString&) {
    emit refused(tr("Dry-run mode follows the policy file's dry_run here; set it there and reload the policy."));
}

void PolicyAutomationControl::reloadPolicy() {
    if (policyFile_.isEmpty()) {
        emit policyReloaded(false, tr("The shipped policy is in force; choose a policy file in File → Settings to reload one."));
        return;
    }
    remedy::LivePolicy* policy = &policy_;
    const std::string path = QFile::encodeName(policyFile_).toStdString();
    offGuiThread(
        this,
        [policy, path] {
            std::string error;
            const bool ok = policy->reload(path, error);
            return std::make_pair(ok, error);
        },
        [this](std::pair<bool, std::string> r) {
            emit policyReloaded(r.first, r.first ? policyFile_ : QString::fromStdString(r.second));
            refresh();
        });
}

}  // namespace vigil::ui
