#include "ui/SilenceModel.h"

#include "silence/SilenceMatch.h"
#include "ui/Palette.h"

#include <QDateTime>

namespace vigil::ui {

namespace {
QString when(TimestampMs ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")); }
}  // namespace

SilenceModel::SilenceModel(QObject* parent) : QAbstractTableModel(parent) {}

int SilenceModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int SilenceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString SilenceModel::stateOf(const silence::Silence& s, TimestampMs now) {
    if (s.ends <= now) return s.expiredBy.empty() ? QStringLiteral("ended") : QStringLiteral("expired");
    return s.starts > now ? QStringLiteral("pending") : QStringLiteral("active");
}

QVariant SilenceModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case IdCol: return tr("ID");
    case StateCol: return tr("State");
    case MatchersCol: return tr("Matches");
    case StartsCol: return tr("Starts");
    case EndsCol: return tr("Ends");
    case ByCol: return tr("Set by");
    case ReasonCol: return tr("Reason");
    }
    return {};
}

QHash<int, QByteArray> SilenceModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(StateRole, "state");
    names.insert(StartsRole, "starts");
    names.insert(EndsRole, "ends");
    names.insert(CreatedByRole, "createdBy");
    names.insert(ExpiredByRole, "expiredBy");
    names.insert(MatchersRole, "matchers");
    names.insert(ReasonRole, "reason");
    return names;
}

QVariant SilenceModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const silence::Silence& s = rows_[std::size_t(index.row())];
    const QString state = stateOf(s, now_);
    switch (role) {
    case IdRole: return qint64(s.id);
    case StateRole: return state;
    case StartsRole: return qint64(s.starts);
    case EndsRole: return qint64(s.ends);
    case CreatedByRole: return qs(s.createdBy);
    case ExpiredByRole: return qs(s.expiredBy);
    case MatchersRole: return qs(silence::describeMatchers(s));
    case ReasonRole: return qs(s.reason);
    case Qt::ForegroundRole:
        return state == QLatin1String("active") ? QVariant() : QVariant(palette::muted());
    case Qt::ToolTipRole:
        return s.expiredBy.empty() ? tr("Set by %1: %2").arg(qs(s.createdBy), qs(s.reason))
                                   : tr("Set by %1: %2 — expired early by %3").arg(qs(s.createdBy), qs(s.reason), qs(s.expiredBy));
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdCol: return qint64(s.id);
        case StateCol: {
            if (state == QLatin1String("active")) return tr("active");
            if (state == QLatin1String("pending")) return tr("pending");
            if (state == QLatin1String("expired")) return tr("expired");
            return tr("ended");
        }
        case MatchersCol: return qs(silence::describeMatchers(s));
        case StartsCol: return when(s.starts);
        case EndsCol: return when(s.ends);
        case ByCol: return s.expiredBy.empty() ? qs(s.createdBy) : tr("%1 (expired by %2)").arg(qs(s.createdBy), qs(s.expiredBy));
        case ReasonCol: return qs(s.reason);
        }
    }
    return {};
}

void SilenceModel::setSilences(std::vector<silence::Silence> silences, TimestampMs now) {
    const bool statesMove = [&] {
        for (const auto& s : rows_)
            if (stateOf(s, now_) != stateOf(s, now)) return true;
        return false;
    }();
    if (silences == rows_ && !statesMove) {
        now_ = now;
        return;
    }
    beginResetModel();
    rows_ = std::move(silences);
    now_ = now;
    endResetModel();
}

const silence::Silence* SilenceModel::at(int row) const {
    return row >= 0 && row < int(rows_.size()) ? &rows_[std::size_t(row)] : nullptr;
}

}  // namespace vigil::ui
