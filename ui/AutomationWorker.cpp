#include "ui/AutomationWorker.h"

#include "approve/AutomationSwitch.h"
#include "audit/AuditChain.h"
#include "audit/AuditKey.h"
#include "remedy/LivePolicy.h"
#include "store/Database.h"

#include <QFile>

#include <optional>

namespace vigil::ui {

struct AutomationWorker::Store {
    std::optional<store::Database> db;
    SystemClock clock;  // people's time, as approvals use
    std::optional<approve::AutomationSwitch> sw;
};

AutomationWorker::AutomationWorker(QString dbPath, remedy::LivePolicy* policy, QString policyFile)
    : path_(std::move(dbPath)), policy_(policy), policyFile_(std::move(policyFile)) {}

AutomationWorker::~AutomationWorker() = default;

bool AutomationWorker::open(QString& why) {
    if (store_) return true;
    auto db = store::Database::open(QFile::encodeName(path_).toStdString(), store::OpenMode::ReadWrite);
    if (!db.ok()) {
        why = QString::fromStdString(db.error());
        return false;
    }
    auto s = std::make_unique<Store>();
    s->db.emplace(std::move(db).value());
    s->sw.emplace(*s->db, s->clock);
    store_ = std::move(s);
    return true;
}

void AutomationWorker::read() {
    QString why;
    approve::AutomationState st;
    if (!open(why)) return;  // the engine creates the file; the next poll tries again
    if (const auto r = store_->sw->read(st); !r) return;
    // Unset: the policy file decides (its kill_switch / dry_run, as in force now).
    const auto p = policy_ ? policy_->current() : nullptr;
    AutomationStatus out;
    out.known = true;
    out.paused = st.paused.value_or(p && p->killSwitch);
    out.dryRun = st.dryRun.value_or(p && p->dryRun);
    out.by = QString::fromStdString(st.by);
    out.reason = QString::fromStdString(st.reason);
    if (st.ts > 0) out.since = QDateTime::fromMSecsSinceEpoch(st.ts);
    emit status(out);
}

void AutomationWorker::change(int change, const QString& who, const QString& reason) {
    QString why;
    if (!open(why)) {
        emit refused(tr("Cannot open %1: %2").arg(path_, why));
        return;
    }
    // The key first: a switch that cannot be audited is not flipped.
    auto key = audit::loadOrCreateKey(audit::defaultKeyPath());
    if (!key) {
        emit refused(tr("Audit key: %1").arg(QString::fromStdString(key.error())));
        return;
    }
    auto log = audit::AuditLog::open(QFile::encodeName(path_).toStdString(), std::move(key).value());
    if (!log) {
        emit refused(tr("Audit log: %1").arg(QString::fromStdString(log.error())));
        return;
    }
    approve::AutomationState after;
    store::AuditEntry entry;
    if (const auto s = store_->sw->change(static_cast<approve::AutomationChange>(change), who.toStdString(),
                                           reason.toStdString(), after, entry);
        !s) {
        emit refused(QString::fromStdString(s.error()));
        return;
    }
    if (const auto appended = log.value()->append({entry}); !appended)
        emit refused(tr("Changed, but not audited: %1").arg(QString::fromStdString(appended.error())));
    read();
}

void AutomationWorker::reload() {
    if (!policy_) {
        emit reloaded(false, tr("This console runs no engine: there is no policy to reload."));
        return;
    }
    if (policyFile_.isEmpty()) {
        emit reloaded(false, tr("The shipped policy is in force; choose a policy file in File → Settings to reload one."));
        return;
    }
    std::string error;
    if (policy_->reload(QFile::encodeName(policyFile_).toStdString(), error)) emit reloaded(true, policyFile_);
    else emit reloaded(false, QString::fromStdString(error));
    read();
}

}  // namespace vigil::ui
