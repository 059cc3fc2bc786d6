#include "ui/NotificationThrottle.h"

namespace vigil::ui {

std::optional<Notice> NotificationThrottle::add(NoticeKind kind, const QString& summary) {
    if (kind == NoticeKind::Approval) {
        ++approvals_;
        lastApproval_ = summary;
    } else {
        ++incidents_;
        lastIncident_ = summary;
    }
    return due();
}

std::optional<Notice> NotificationThrottle::due() {
    if (approvals_ == 0 && incidents_ == 0) return std::nullopt;
    if (last_ && clock_.now() < *last_ + minInterval_) return std::nullopt;
    return take();
}

TimestampMs NotificationThrottle::dueAt() const {
    if (approvals_ == 0 && incidents_ == 0) return 0;
    return last_ ? *last_ + minInterval_ : clock_.now();
}

Notice NotificationThrottle::take() {
    Notice n;
    n.critical = incidents_ > 0;
    const QString incidents = incidents_ == 1 ? lastIncident_ : tr("%n new critical incidents", "", incidents_);
    const QString approvals = approvals_ == 1 ? lastApproval_ : tr("%n new approval requests", "", approvals_);
    if (incidents_ > 0 && approvals_ > 0) {
        n.title = tr("Critical incident and approval needed");
        n.text = incidents_ == 1 && approvals_ == 1
                     ? incidents + QLatin1Char('\n') + approvals
                     : tr("%1 and %2")
                           .arg(incidents_ == 1 ? tr("1 new critical incident")
                                                : tr("%n new critical incidents", "", incidents_),
                                approvals_ == 1 ? tr("1 new approval request")
                                                : tr("%n new approval requests", "", approvals_));
    } else if (incidents_ > 0) {
        n.title = tr("Critical incident");
        n.text = incidents;
    } else {
        n.title = tr("Approval needed");
        n.text = approvals;
    }
    approvals_ = incidents_ = 0;
    lastApproval_.clear();
    lastIncident_.clear();
    last_ = clock_.now();
    ++messages_;
    return n;
}

}  // namespace vigil::ui
