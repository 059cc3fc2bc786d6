#include "ui/ActionLogModel.h"

#include "remedy/ActionSummary.h"
#include "ui/Palette.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::ui {

namespace {
QString param(const std::string& json, const char* key) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value(QLatin1String(key)).toString();
}
}  // namespace

ActionLogModel::ActionLogModel(QObject* parent) : QAbstractTableModel(parent) {
    qRegisterMetaType<std::vector<vigil::Record>>("std::vector<vigil::Record>");
}

int ActionLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int ActionLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int ActionLogModel::rowOf(const QString& id) const {
    const auto it = byId_.find(id.toStdString());
    return it == byId_.end() || std::size_t(it->second) >= rows_.size() ? -1 : it->second;  // added_: no row yet
}

QString ActionLogModel::statusName(ActionStatus s) {
    switch (s) {
    case ActionStatus::Proposed: return tr("proposed");
    case ActionStatus::AwaitingApproval: return tr("awaiting approval");
    case ActionStatus::Executing: return tr("executing");
    case ActionStatus::Succeeded: return tr("succeeded");
    case ActionStatus::Failed: return tr("failed");
    case ActionStatus::Rejected: return tr("rejected");
    case ActionStatus::Suppressed: return tr("held back");
    }
    return {};
}

QVariant ActionLogModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case TimeCol: return tr("Time");
    case TargetCol: return tr("Target");
    case KindCol: return tr("Kind");
    case StatusCol: return tr("State");
    case TitleCol: return tr("Summary");
    }
    return {};
}

QHash<int, QByteArray> ActionLogModel::roleNames() const {
    QHash<int, QByteArray> n = QAbstractTableModel::roleNames();
    n.insert(IdRole, "actionId");
    n.insert(TargetRole, "target");
    n.insert(KindRole, "kind");
    n.insert(IncidentIdRole, "incidentId");
    n.insert(TitleRole, "title");
    n.insert(SummaryRole, "summary");
    n.insert(StatusRole, "status");
    n.insert(CriticalRole, "critical");
    n.insert(TimeRole, "time");
    n.insert(UpdatedRole, "updated");
    return n;
}

// The planner files an action as executing and reports how it ended in a separate
// Outcome record; the row shows how it ended, not the state it was filed in.
ActionStatus ActionLogModel::shownStatus(const Row& r) {
    const ActionStatus s = r.action.status;
    if (!r.outcome || (s != ActionStatus::Executing && s != ActionStatus::Proposed && s != ActionStatus::AwaitingApproval))
        return s;
    return r.outcome->success ? ActionStatus::Succeeded : ActionStatus::Failed;
}

QVariant ActionLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = rows_[std::size_t(index.row())];
    const Action& a = r.action;
    const ActionStatus status = shownStatus(r);
    switch (role) {
    case IdRole: return qs(a.id);
    case TargetRole: return qs(a.target);
    case KindRole: return qs(a.kind);
    case IncidentIdRole: return qs(a.incident_id);
    case TitleRole: return r.title;
    case SummaryRole:
    case Qt::ToolTipRole: return r.summary;
    case StatusRole: return int(status);
    case CriticalRole: return a.critical;
    case TimeRole: return qint64(r.firstSeen);
    case UpdatedRole: return qint64(a.ts);
    case Qt::ForegroundRole:
        if (index.column() != StatusCol) return {};
        if (status == ActionStatus::Failed) return palette::bad();
        if (status == ActionStatus::Succeeded) return palette::good();
        if (status == ActionStatus::AwaitingApproval) return palette::warning();
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeCol: return QDateTime::fromMSecsSinceEpoch(r.firstSeen).toString(QStringLiteral("HH:mm:ss"));
        case TargetCol: return qs(a.target);
        case KindCol: return qs(a.kind);
        case StatusCol: return statusName(status);
        case TitleCol: return r.title;
        }
    }
    return {};
}

void ActionLogModel::summarize(Row& row) const {
    remedy::ActionContext ctx;
    ctx.action = row.action;
    if (const auto it = incidents_.find(row.action.incident_id); it != incidents_.end()) ctx.incident = it->second;
    const auto rule = rules_.find(row.action.id);
    ctx.rule = rule != rules_.end() ? rule->second : param(row.action.params, "rule").toStdString();
    ctx.why = param(row.action.params, "why").toStdString();
    if (row.action.kind == "escalate") ctx.note = param(row.action.params, "reason").toStdString();
    else if (param(row.action.params, "simulated") == QLatin1String("true")) ctx.note = "dry-run: nothing was sent";
    if (param(row.action.params, "replay") == QLatin1String("true"))  // EngineActivityFeed marks them
        ctx.note += std::string(ctx.note.empty() ? "" : "; ") + "replay: simulated, nothing was sent";
    ctx.approval = row.approval;
    ctx.outcome = row.outcome;
    const remedy::ActionSummary s = remedy::summarizeAction(ctx);
    row.title = qs(s.title);
    row.summary = qs(s.text);
}

ActionLogModel::Row& ActionLogModel::rowAt(int row) {
    return std::size_t(row) < rows_.size() ? rows_[std::size_t(row)] : added_[std::size_t(row) - rows_.size()];
}

void ActionLogModel::changed(int row) {
    summarize(rowAt(row));
    if (std::size_t(row) < rows_.size()) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ActionLogModel::insertAdded() {
    if (added_.empty()) return;
    const int first = int(rows_.size());
    beginInsertRows({}, first, first + int(added_.size()) - 1);
    rows_.insert(rows_.end(), std::make_move_iterator(added_.begin()), std::make_move_iterator(added_.end()));
    added_.clear();
    endInsertRows();
}

void ActionLogModel::addRecords(const std::vector<vigil::Record>& records) {
    for (const Record& rec : records) {
        if (const auto* a = std::get_if<Action>(&rec)) {
            const auto it = byId_.find(a->id);
            if (it == byId_.end()) {
                Row row;
                row.action = *a;
                row.firstSeen = a->ts;
                summarize(row);
                byId_.emplace(a->id, int(rows_.size() + added_.size()));  // a row at insertAdded()
                added_.push_back(std::move(row));
            } else if (a->ts >= rowAt(it->second).action.ts) {
                rowAt(it->second).action = *a;
                changed(it->second);
            }
        } else if (const auto* ap = std::get_if<Approval>(&rec)) {
            if (ap->decision == ApprovalDecision::Requested && !ap->reason.empty()) rules_[ap->action_id] = ap->reason;
            if (const auto it = byId_.find(ap->action_id); it != byId_.end()) {
                rowAt(it->second).approval = *ap;
                changed(it->second);
            } else {
                pendingApprovals_[ap->action_id] = *ap;
            }
        } else if (const auto* o = std::get_if<Outcome>(&rec)) {
            if (const auto it = byId_.find(o->action_id); it != byId_.end()) {
                rowAt(it->second).outcome = *o;
                changed(it->second);
            }
        }
    }
    // Approval decisions that came before their action (a batch's approvals go first).
    for (auto it = pendingApprovals_.begin(); it != pendingApprovals_.end();) {
        const auto row = byId_.find(it->first);
        if (row == byId_.end()) {
            ++it;
            continue;
        }
        rowAt(row->second).approval = it->second;
        changed(row->second);
        it = pendingApprovals_.erase(it);
    }
    insertAdded();
}

void ActionLogModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    for (const Incident& i : snapshot->incidents) {
        auto& known = incidents_[i.id];
        if (known == i) continue;
        known = i;
        for (int r = 0; r < int(rows_.size()); ++r)
            if (rows_[std::size_t(r)].action.incident_id == i.id) changed(r);
    }
}

}  // namespace vigil::ui
