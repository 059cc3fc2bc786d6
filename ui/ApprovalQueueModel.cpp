#include "ui/ApprovalQueueModel.h"

#include "remedy/Wei.h"
#include "ui/Palette.h"

#include <QDateTime>

#include <algorithm>

namespace vigil::ui {

namespace {
bool queuedBefore(const approve::ApprovalRequest& a, const approve::ApprovalRequest& b) {
    if (a.expires != b.expires) return a.expires < b.expires;
    return a.id < b.id;
}

bool sameRequest(const approve::ApprovalRequest& a, const approve::ApprovalRequest& b) {
    return a.id == b.id && a.state == b.state && a.updated == b.updated && a.votes.size() == b.votes.size();
}
}  // namespace

ApprovalQueueModel::ApprovalQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

int ApprovalQueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int ApprovalQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int ApprovalQueueModel::rowOf(const QString& id) const {
    const std::string key = id.toStdString();
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].id == key) return int(r);
    return -1;
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case CreatedCol: return tr("Requested");
    case ActionCol: return tr("Action");
    case TargetCol: return tr("Target");
    case ValueCol: return tr("Value (ETH)");
    case ApprovalsCol: return tr("Approvals");
    case ExpiresCol: return tr("Expires");
    case RequesterCol: return tr("Requester");
    }
    return {};
}

QHash<int, QByteArray> ApprovalQueueModel::roleNames() const {
    QHash<int, QByteArray> n = QAbstractTableModel::roleNames();
    n.insert(IdRole, "requestId");
    n.insert(ActionIdRole, "actionId");
    n.insert(ActionKindRole, "actionKind");
    n.insert(TargetRole, "target");
    n.insert(IncidentIdRole, "incidentId");
    n.insert(RuleRole, "rule");
    n.insert(RequesterRole, "requester");
    n.insert(NarrativeRole, "narrative");
    n.insert(ContentRole, "content");
    n.insert(ValueEthRole, "valueEth");
    n.insert(ApprovalsRole, "approvals");
    n.insert(ApproversNeededRole, "approversNeeded");
    n.insert(CreatedRole, "created");
    n.insert(ExpiresRole, "expires");
    n.insert(RequestRole, "request");
    return n;
}

QVariant ApprovalQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const approve::ApprovalRequest& r = rows_[std::size_t(index.row())];
    switch (role) {
    case IdRole: return qs(r.id);
    case ActionIdRole: return qs(r.what.actionId);
    case ActionKindRole: return qs(r.what.actionKind);
    case TargetRole: return qs(r.what.target);
    case IncidentIdRole: return qs(r.what.incidentId);
    case RuleRole: return qs(r.what.rule);
    case RequesterRole: return qs(r.what.requester);
    case NarrativeRole:
    case Qt::ToolTipRole: return qs(r.what.narrative);
    case ContentRole: return qs(r.what.content);
    case ValueEthRole: return qs(remedy::formatEth(r.what.value));
    case ApprovalsRole: return r.approvals();
    case ApproversNeededRole: return r.what.approversNeeded;
    case CreatedRole: return qint64(r.created);
    case ExpiresRole: return qint64(r.expires);
    case RequestRole: return QVariant::fromValue(r);
    case Qt::TextAlignmentRole:
        return index.column() == ValueCol ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case CreatedCol: return QDateTime::fromMSecsSinceEpoch(r.created).toString(QStringLiteral("HH:mm:ss"));
        case ActionCol: return qs(r.what.actionKind);
        case TargetCol: return qs(r.what.target);
        case ValueCol: return qs(remedy::formatEth(r.what.value));
        case ApprovalsCol: return tr("%1 of %2").arg(r.approvals()).arg(r.what.approversNeeded);
        case ExpiresCol: return QDateTime::fromMSecsSinceEpoch(r.expires).toString(QStringLiteral("HH:mm:ss"));
        case RequesterCol: return qs(r.what.requester);
        }
    }
    return {};
}

void ApprovalQueueModel::setRequests(const ApprovalList& pending) {
    std::vector<const approve::ApprovalRequest*> wanted;
    wanted.reserve(pending.size());
    for (const auto& r : pending) wanted.push_back(&r);
    std::stable_sort(wanted.begin(), wanted.end(), [](auto* a, auto* b) { return queuedBefore(*a, *b); });

    // Drop what left the queue first, then walk the wanted order inserting,
    // moving and updating (as IncidentListModel does), so selections survive.
    for (int r = int(rows_.size()) - 1; r >= 0; --r) {
        const bool kept = std::any_of(wanted.begin(), wanted.end(), [&](auto* w) { return w->id == rows_[std::size_t(r)].id; });
        if (kept) continue;
        beginRemoveRows({}, r, r);
        rows_.erase(rows_.begin() + r);
        endRemoveRows();
    }
    QStringList arrivals;
    for (std::size_t r = 0; r < wanted.size(); ++r) {
        const approve::ApprovalRequest& want = *wanted[r];
        std::size_t at = r;
        while (at < rows_.size() && rows_[at].id != want.id) ++at;
        if (at == rows_.size()) {
            beginInsertRows({}, int(r), int(r));
            rows_.insert(rows_.begin() + std::ptrdiff_t(r), want);
            endInsertRows();
            arrivals << qs(want.id);
            continue;
        }
        if (at != r) {
            beginMoveRows({}, int(at), int(at), {}, int(r));
            std::rotate(rows_.begin() + std::ptrdiff_t(r), rows_.begin() + std::ptrdiff_t(at),
                        rows_.begin() + std::ptrdiff_t(at) + 1);
            endMoveRows();
        }
        if (!sameRequest(rows_[r], want)) {
            rows_[r] = want;
            emit dataChanged(index(int(r), 0), index(int(r), ColumnCount - 1));
        }
    }
    for (const QString& id : arrivals) emit arrived(id);
}

}  // namespace vigil::ui
