#include "ui/SignoffWorker.h"

namespace vigil::ui {

namespace {
bool reachedService(const signoff::SignoffResult& r) {
    return r.failure == signoff::SignoffFailure::None || r.failure == signoff::SignoffFailure::Answer;
}
}  // namespace

void SignoffWorker::list() {
    ApprovalList all;
    TimestampMs serverNow = 0;
    const signoff::SignoffResult r = client_->list(false, all, &serverNow);
    ApprovalList pending;
    for (auto& a : all)
        if (a.state == approve::RequestState::Pending) pending.push_back(std::move(a));
    emit listed(pending, serverNow, bool(r), reachedService(r), QString::fromStdString(r.message));
}

void SignoffWorker::whoami() {
    std::string who;
    const signoff::SignoffResult r = client_->whoami(who);
    emit identified(QString::fromStdString(who), bool(r), reachedService(r), QString::fromStdString(r.message));
}

void SignoffWorker::show(const QString& id) {
    approve::ApprovalRequest r;
    if (client_->show(id.toStdString(), r)) emit shown(r);
}

void SignoffWorker::decide(const QString& id, const QString& comment, bool approve) {
    GateAnswer a;
    a.requestId = id;
    a.approve = approve;
    approve::ApprovalRequest after;
    const signoff::SignoffResult r = approve ? client_->approve(id.toStdString(), comment.toStdString(), after)
                                             : client_->reject(id.toStdString(), comment.toStdString(), after);
    a.ok = bool(r);
    a.message = QString::fromStdString(r.message);  // the service's words (its "error" text) verbatim
    a.haveAfter = a.ok && !after.id.empty();
    a.after = std::move(after);
    emit answered(a, reachedService(r));
}

}  // namespace vigil::ui
