#include "ui/IncidentListModel.h"

#include "record/NarrativeText.h"
#include "ui/LocalizedText.h"
#include "ui/Palette.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace vigil::ui {

namespace {
bool isActive(const Incident& i) { return i.state != IncidentState::Resolved; }

// Display order: active before resolved, newest opened first; the id breaks ties so
// the order never depends on the snapshot's.
bool displayedBefore(const Incident& a, const Incident& b) {
    if (isActive(a) != isActive(b)) return isActive(a);
    if (a.opened != b.opened) return a.opened > b.opened;
    return a.id < b.id;
}

QStringList targetsOf(const Incident& i) {
    QStringList out;
    out.reserve(qsizetype(i.targets.size()));
    for (const auto& t : i.targets) out << qs(t);
    return out;
}
}  // namespace

IncidentListModel::IncidentListModel(QObject* parent) : QAbstractTableModel(parent) {}

int IncidentListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int IncidentListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QColor IncidentListModel::colorOf(Severity s) { return palette::of(s); }

QString IncidentListModel::nameOf(Severity s) {
    switch (s) {
    case Severity::Info: return tr("Info");
    case Severity::Warning: return tr("Warning");
    case Severity::Critical: return tr("Critical");
    }
    return {};
}

QString IncidentListModel::nameOf(IncidentState s) {
    switch (s) {
    case IncidentState::Open: return tr("Open");
    case IncidentState::Mitigated: return tr("Mitigated");
    case IncidentState::Resolved: return tr("Resolved");
    }
    return {};
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case OpenedCol: return tr("Opened");
    case SeverityCol: return tr("Severity");
    case StateCol: return tr("State");
    case CauseCol: return tr("Cause");
    case AnomaliesCol: return tr("Anomalies");
    case NarrativeCol: return tr("Narrative");
    }
    return {};
}

QHash<int, QByteArray> IncidentListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "incidentId");
    names.insert(StateRole, "state");
    names.insert(SeverityRole, "severity");
    names.insert(SeverityColorRole, "severityColor");
    names.insert(OpenedRole, "opened");
    names.insert(UpdatedRole, "updated");
    names.insert(TargetsRole, "targets");
    names.insert(CauseRole, "cause");
    names.insert(NarrativeRole, "narrative");
    names.insert(AnomalyCountRole, "anomalyCount");
    names.insert(SilencedRole, "silenced");
    return names;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Incident& i = rows_[std::size_t(index.row())];
    switch (role) {
    case IdRole: return qs(i.id);
    case StateRole: return int(i.state);
    case SeverityRole: return int(i.severity);
    case SeverityColorRole: return colorOf(i.severity);
    case OpenedRole: return qint64(i.opened);
    case UpdatedRole: return qint64(i.ts);
    case TargetsRole: return targetsOf(i);
    case CauseRole: return qs(i.cause);
    case NarrativeRole: return narrativeText(i);
    case AnomalyCountRole: return qint64(i.anomaly_count);
    case Qt::ToolTipRole: return narrativeText(i);
    case Qt::DecorationRole: return index.column() == SeverityCol ? QVariant(colorOf(i.severity)) : QVariant();
    case SilencedRole: return i.silenced;
    case Qt::ForegroundRole: return isActive(i) && !i.silenced ? QVariant() : QVariant(palette::muted());
    case Qt::TextAlignmentRole:
        return index.column() == AnomaliesCol ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case OpenedCol: return QDateTime::fromMSecsSinceEpoch(i.opened).toString(QStringLiteral("HH:mm:ss"));
        case SeverityCol: return nameOf(i.severity);
        case StateCol: return nameOf(i.state);
        case CauseCol: return qs(i.cause);
        case AnomaliesCol: return QLocale().toString(qint64(i.anomaly_count));
        case NarrativeCol: return narrativeText(i);
        }
    }
    return {};
}

void IncidentListModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    std::vector<const Incident*> wanted;
    wanted.reserve(snapshot->incidents.size());
    for (const Incident& i : snapshot->incidents) wanted.push_back(&i);
    std::stable_sort(wanted.begin(), wanted.end(), [](auto* a, auto* b) { return displayedBefore(*a, *b); });

    // Walk the wanted order; rows_[0, r) already match it. Each step updates, moves
    // or inserts one row, so views see fine-grained changes and keep selections.
    // Incidents are few (the correlator caps the active ones), so linear finds are fine.
    for (std::size_t r = 0; r < wanted.size(); ++r) {
        const Incident& want = *wanted[r];
        std::size_t at = r;
        while (at < rows_.size() && rows_[at].id != want.id) ++at;
        if (at == rows_.size()) {
            beginInsertRows({}, int(r), int(r));
            rows_.insert(rows_.begin() + std::ptrdiff_t(r), want);
            endInsertRows();
            continue;
        }
        if (at != r) {
            beginMoveRows({}, int(at), int(at), {}, int(r));
            std::rotate(rows_.begin() + std::ptrdiff_t(r), rows_.begin() + std::ptrdiff_t(at),
                        rows_.begin() + std::ptrdiff_t(at) + 1);
            endMoveRows();
        }
        if (!(rows_[r] == want)) {
            rows_[r] = want;
            emit dataChanged(index(int(r), 0), index(int(r), ColumnCount - 1));
        }
    }
    // What is left at the end is no longer in the snapshot.
    if (rows_.size() > wanted.size()) {
        beginRemoveRows({}, int(wanted.size()), int(rows_.size()) - 1);
        rows_.resize(wanted.size());
        endRemoveRows();
    }
}

}  // namespace vigil::ui
