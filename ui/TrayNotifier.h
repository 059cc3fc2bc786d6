// Desktop notifications through the system tray, when there is one: new
// approval requests and new critical incidents, rate-limited and coalesced by
// NotificationThrottle (at most one message per minInterval; a burst becomes
// "3 new approval requests"). The icon's tooltip carries the counts (approvals
// waiting, open critical incidents). Without a system tray (offscreen, some
// desktops) it decides the same and shows nothing.
#pragma once

#include "record/Clock.h"
#include "ui/NotificationThrottle.h"

#include <QObject>
#include <QTimer>

class QSystemTrayIcon;

namespace vigil::ui {

class TrayNotifier : public QObject {
    Q_OBJECT
public:
    // `clock` (null: the system clock) must outlive the notifier.
    explicit TrayNotifier(QObject* parent = nullptr, int minIntervalMs = 30'000, const Clock* clock = nullptr);

    bool available() const { return tray_ != nullptr; }
    // At most one message per `ms` from now on (File → Settings, applied at once).
    void setMinIntervalMs(int ms) { throttle_.setMinInterval(ms); }
    int minIntervalMs() const { return int(throttle_.minInterval()); }
    int messagesShown() const { return shown_; }
    int approvalsHeld() const { return throttle_.held(NoticeKind::Approval); }
    int incidentsHeld() const { return throttle_.held(NoticeKind::CriticalIncident); }
    // "Vigil — 2 approvals waiting · 1 open critical incident" (the icon's tooltip).
    QString toolTip() const { return toolTip_; }
    // The last message decided (shown when there is a tray).
    Notice lastNotice() const { return last_; }

public slots:
    void approvalArrived(const QString& summary);
    void criticalIncidentOpened(const QString& summary);
    void setWaitingCount(int approvals);
    void setOpenCriticalCount(int incidents);

signals:
    void activated();  // the message or the icon was clicked

private:
    void show(const std::optional<Notice>& n);
    void flush();
    void updateToolTip();

    SystemClock systemClock_;
    const Clock& clock_;
    NotificationThrottle throttle_;
    QSystemTrayIcon* tray_ = nullptr;
    QTimer later_;
    int approvals_ = 0, incidents_ = 0;
    QString toolTip_;
    Notice last_;
    int shown_ = 0;
};

}  // namespace vigil::ui
