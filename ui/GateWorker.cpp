#include "ui/GateWorker.h"

#include <QFileInfo>

namespace vigil::ui {

GateWorker::~GateWorker() = default;

QString GateWorker::open() {
    if (gate_) return {};
    // Never create the database here: an empty new file would "approve" nothing.
    if (!QFileInfo(path_).isFile()) return tr("%1: no such database file").arg(path_);
    auto db = store::Database::open(path_.toStdString(), store::OpenMode::ReadWrite);
    if (!db.ok()) return QString::fromStdString(db.error());
    db_ = std::make_unique<store::Database>(std::move(db.value()));
    gate_ = std::make_unique<approve::ApprovalGate>(*db_, clock_);
    return {};
}

void GateWorker::list() {
    ApprovalList pending;
    QString error = open();
    if (error.isEmpty()) {
        const approve::GateStatus s = gate_->list({approve::RequestState::Pending}, pending);
        if (!s) {
            error = QString::fromStdString(s.message);
            gate_.reset();  // reopen next time: the file may have been replaced
            db_.reset();
        }
    }
    emit listed(pending, error);
}

void GateWorker::find(const QString& id) {
    approve::ApprovalRequest r;
    if (open().isEmpty() && gate_->find(id.toStdString(), r)) emit found(r);
}

void GateWorker::decide(const QString& id, const QString& who, const QString& comment, bool approve) {
    GateAnswer a;
    a.requestId = id;
    a.approve = approve;
    if (const QString error = open(); !error.isEmpty()) {
        a.message = error;
        emit answered(a);
        return;
    }
    approve::ApprovalRequest after;
    const approve::GateStatus s = approve ? gate_->approve(id.toStdString(), who.toStdString(), comment.toStdString(), &after)
                                          : gate_->reject(id.toStdString(), who.toStdString(), comment.toStdString(), &after);
    a.ok = bool(s);
    a.message = QString::fromStdString(s.message);
    a.haveAfter = !after.id.empty();
    a.after = std::move(after);
    emit answered(a);
}

}  // namespace vigil::ui
