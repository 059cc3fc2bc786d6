// Desktop notifications through the system tray, when there is one: new approval
// requests (and later critical incidents). Rate-limited: at most one message per
// minInterval; what arrives in between is summed into the next one, so a burst
// is one message ("3 new approval requests"), never a flood. Without a system
// tray (offscreen, some desktops) it counts and shows nothing.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QSystemTrayIcon;

namespace vigil::ui {

class TrayNotifier : public QObject {
    Q_OBJECT
public:
    explicit TrayNotifier(QObject* parent = nullptr, int minIntervalMs = 30'000);

    bool available() const { return tray_ != nullptr; }
    int messagesShown() const { return shown_; }
    int approvalsHeld() const { return heldApprovals_; }

public slots:
    void approvalArrived(const QString& summary);
    void setWaitingCount(int approvals);

signals:
    void activated();  // the message or the icon was clicked

private:
    void flush();

    QSystemTrayIcon* tray_ = nullptr;
    QElapsedTimer sinceLast_;
    QTimer later_;
    int minIntervalMs_;
    int heldApprovals_ = 0;
    QString lastSummary_;
    int shown_ = 0;
};

}  // namespace vigil::ui
