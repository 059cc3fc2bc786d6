#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

namespace vigil::ui {

TrayNotifier::TrayNotifier(QObject* parent, int minIntervalMs) : QObject(parent), minIntervalMs_(minIntervalMs) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->setToolTip(tr("Vigil"));
        tray_->show();
        connect(tray_, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
        connect(tray_, &QSystemTrayIcon::activated, this, [this] { emit activated(); });
    }
    later_.setSingleShot(true);
    connect(&later_, &QTimer::timeout, this, &TrayNotifier::flush);
}

void TrayNotifier::setWaitingCount(int approvals) {
    if (tray_) tray_->setToolTip(approvals == 0 ? tr("Vigil") : tr("Vigil — %n approval(s) waiting", "", approvals));
}

void TrayNotifier::approvalArrived(const QString& summary) {
    ++heldApprovals_;
    lastSummary_ = summary;
    if (!sinceLast_.isValid() || sinceLast_.elapsed() >= minIntervalMs_) flush();
    else if (!later_.isActive()) later_.start(int(minIntervalMs_ - sinceLast_.elapsed()));
}

void TrayNotifier::flush() {
    if (heldApprovals_ == 0) return;
    const QString text = heldApprovals_ == 1 ? lastSummary_ : tr("%n new approval requests", "", heldApprovals_);
    if (tray_) {
        tray_->showMessage(tr("Approval needed"), text, QSystemTrayIcon::Warning, 10'000);
        ++shown_;
    }
    heldApprovals_ = 0;
    sinceLast_.start();
}

}  // namespace vigil::ui
