#include "ui/LearningWorker.h"

#include "audit/AuditKey.h"

#include <QDateTime>

namespace vigil::ui {

LearningWorker::~LearningWorker() = default;

bool LearningWorker::open() {
    if (store_) return true;
    auto key = audit::loadOrCreateKey(audit::defaultKeyPath());
    if (!key) {
        emit failed(tr("Audit key: %1").arg(QString::fromStdString(key.error())));
        return false;
    }
    auto s = learn::LearnStore::open(path_.toStdString(), std::move(key).value());
    if (!s) {
        emit failed(QString::fromStdString(s.error()));
        return false;
    }
    store_ = std::move(s).value();
    return true;
}

void LearningWorker::refresh() {
    if (!open()) return;
    auto all = store_->changes();
    if (!all) {
        emit failed(QString::fromStdString(all.error()));
        store_.reset();
        return;
    }
    emit changes(*all);
}

void LearningWorker::giveFeedback(const QString& incidentId, int verdict, const QString& user, const QString& comment) {
    if (!open()) return;
    learn::Feedback f;
    f.ts = QDateTime::currentMSecsSinceEpoch();  // people decide in wall-clock time
    f.incidentId = incidentId.toStdString();
    f.verdict = static_cast<learn::Verdict>(verdict);
    f.user = user.toStdString();
    f.comment = comment.toStdString();
    const auto r = store_->addFeedback(f);
    if (!r) {
        emit failed(QString::fromStdString(r.error()));
        return;
    }
    emit done(tr("Feedback on %1 stored: %2").arg(incidentId, QString::fromStdString(std::string(learn::toString(f.verdict)))));
}

void LearningWorker::revert(qint64 id, const QString& user) {
    if (!open()) return;
    const auto r = store_->revert(id, QDateTime::currentMSecsSinceEpoch(), user.toStdString());
    if (!r) {
        emit failed(QString::fromStdString(r.error()));
        return;
    }
    emit done(tr("Learned change %1 reverted").arg(id));
    refresh();
}

}  // namespace vigil::ui
