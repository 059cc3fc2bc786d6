// The rate limit and coalescing of desktop notifications, as pure logic on an
// injected clock (TrayNotifier shows what it decides): at most one message per
// minimum interval; what arrives in between is held and summed into the next
// message ("3 new approval requests", "2 new critical incidents and 1 new
// approval request"), so a burst is one message, never a flood, and nothing
// is dropped: held events always come out in the next message.
#pragma once

#include "record/Clock.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vigil::ui {

enum class NoticeKind { Approval, CriticalIncident };

struct Notice {
    QString title;
    QString text;
    bool critical = false;  // at least one critical incident in it (a warning icon, not information)
};

class NotificationThrottle {
    Q_DECLARE_TR_FUNCTIONS(NotificationThrottle)
public:
    // `clock` must outlive this.
    NotificationThrottle(const Clock& clock, TimestampMs minIntervalMs) : clock_(clock), minInterval_(minIntervalMs) {}

    // One event; the message to show now when the interval allows, else held.
    std::optional<Notice> add(NoticeKind kind, const QString& summary);
    // The held events as one message, once the interval since the last has passed.
    std::optional<Notice> due();
    // When due() will answer (0 when nothing is held).
    TimestampMs dueAt() const;
    // A new interval (the settings changed): held events wait for the new one.
    void setMinInterval(TimestampMs ms) { minInterval_ = ms; }
    TimestampMs minInterval() const { return minInterval_; }
    int held(NoticeKind kind) const { return kind == NoticeKind::Approval ? approvals_ : incidents_; }
    int messages() const { return messages_; }

private:
    Notice take();

    const Clock& clock_;
    TimestampMs minInterval_;
    std::optional<TimestampMs> last_;  // when the last message went out
    int approvals_ = 0, incidents_ = 0;
    QString lastApproval_, lastIncident_;
    int messages_ = 0;
};

}  // namespace vigil::ui
