#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

namespace vigil::ui {

TrayNotifier::TrayNotifier(QObject* parent, int minIntervalMs, const Clock* clock)
    : QObject(parent), clock_(clock ? *clock : systemClock_), throttle_(clock_, minIntervalMs) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->show();
        connect(tray_, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
        connect(tray_, &QSystemTrayIcon::activated, this, [this] { emit activated(); });
    }
    updateToolTip();
    later_.setSingleShot(true);
    connect(&later_, &QTimer::timeout, this, &TrayNotifier::flush);
}

void TrayNotifier::setWaitingCount(int approvals) {
    approvals_ = approvals;
    updateToolTip();
}

void TrayNotifier::setOpenCriticalCount(int incidents) {
    incidents_ = incidents;
    updateToolTip();
}

void TrayNotifier::updateToolTip() {
    QStringList parts;
    if (approvals_ > 0) parts << tr("%n approval(s) waiting", "", approvals_);
    if (incidents_ > 0) parts << tr("%n open critical incident(s)", "", incidents_);
    toolTip_ = parts.isEmpty() ? tr("Vigil") : tr("Vigil — %1").arg(parts.join(QStringLiteral(" · ")));
    if (tray_) tray_->setToolTip(toolTip_);
}

void TrayNotifier::approvalArrived(const QString& summary) { show(throttle_.add(NoticeKind::Approval, summary)); }

void TrayNotifier::criticalIncidentOpened(const QString& summary) {
    show(throttle_.add(NoticeKind::CriticalIncident, summary));
}

void TrayNotifier::flush() { show(throttle_.due()); }

void TrayNotifier::show(const std::optional<Notice>& n) {
    if (n) {
        last_ = *n;
        if (tray_) {
            tray_->showMessage(n->title, n->text, n->critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning,
                               10'000);
            ++shown_;
        }
    }
    // Whatever is held comes out when the interval has passed.
    if (const TimestampMs at = throttle_.dueAt(); at > 0 && !later_.isActive())
        later_.start(int(std::max<TimestampMs>(0, at - clock_.now())));
}

}  // namespace vigil::ui
