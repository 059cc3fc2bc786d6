#include "ui/AnomalyListModel.h"

#include "ui/LocalizedText.h"
#include "ui/Palette.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace vigil::ui {

AnomalyListModel::AnomalyListModel(QObject* parent) : QAbstractTableModel(parent) {}

int AnomalyListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int AnomalyListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AnomalyListModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case TimeCol: return tr("Time");
    case DetectorCol: return tr("Detector");
    case SeriesCol: return tr("Series");
    case TargetCol: return tr("Target");
    case ScoreCol: return tr("Score");
    case ExplanationCol: return tr("Explanation");
    }
    return {};
}

QHash<int, QByteArray> AnomalyListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(ScoreRole, "score");
    names.insert(TimestampRole, "timestamp");
    names.insert(SilencedRole, "silenced");
    names.insert(OwnEffectRole, "ownEffectOf");
    return names;
}

QVariant AnomalyListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Anomaly& a = rows_[std::size_t(index.row())];
    switch (role) {
    case IdRole: return qs(a.id);
    case ScoreRole: return a.score;
    case TimestampRole: return qint64(a.ts);
    case SilencedRole: return a.silenced;
    case OwnEffectRole: return qs(a.own_effect_of);
    case Qt::ToolTipRole:
        if (a.silenced) return tr("%1 (silenced: recorded, no incident)").arg(explanationText(a));
        if (!a.own_effect_of.empty())
            return tr("%1 (Vigil's own action %2 taking effect: recorded, no incident)")
                .arg(explanationText(a), qs(a.own_effect_of));
        return explanationText(a);
    case Qt::ForegroundRole:
        if (a.silenced || !a.own_effect_of.empty()) return QVariant(palette::muted());
        return index.column() == ScoreCol && a.score >= 0.8 ? QVariant(palette::bad()) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeCol: return QDateTime::fromMSecsSinceEpoch(a.ts).toString(QStringLiteral("HH:mm:ss"));
        case DetectorCol: return qs(a.detector);
        case SeriesCol: return qs(a.series);
        case TargetCol: return qs(a.target);
        case ScoreCol: return QLocale().toString(a.score, 'f', 2);
        case ExplanationCol:
            if (!a.own_effect_of.empty())
                return tr("Vigil's own action %1: %2").arg(qs(a.own_effect_of), explanationText(a));
            return explanationText(a);
        }
    }
    return {};
}

void AnomalyListModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    const auto& recent = snapshot->recentAnomalies;  // newest last
    if (recent.empty()) {
        if (!rows_.empty()) {
            beginResetModel();
            rows_.clear();
            endResetModel();
        }
        return;
    }
    // Find our newest anomaly in the snapshot; everything after it is new.
    std::size_t firstNew = 0;
    if (!rows_.empty()) {
        const std::string& newest = rows_.front().id;
        std::size_t k = recent.size();
        while (k > 0 && recent[k - 1].id != newest) --k;
        if (k == 0) {  // lost track (engine restarted, or a long gap): start over
            beginResetModel();
            rows_.assign(recent.rbegin(), recent.rend());
            endResetModel();
            return;
        }
        firstNew = k;
    }
    const std::size_t added = recent.size() - firstNew;
    if (added > 0) {
        beginInsertRows({}, 0, int(added) - 1);
        rows_.insert(rows_.begin(), recent.rbegin(), recent.rbegin() + std::ptrdiff_t(added));
        endInsertRows();
    }
    // The engine keeps a bounded tail; drop what fell out of it.
    if (rows_.size() > recent.size()) {
        beginRemoveRows({}, int(recent.size()), int(rows_.size()) - 1);
        rows_.resize(recent.size());
        endRemoveRows();
    }
}

}  // namespace vigil::ui
