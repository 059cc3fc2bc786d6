#include "ui/FleetStatusModel.h"

#include "ui/Palette.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace vigil::ui {

FleetStatusModel::FleetStatusModel(QObject* parent) : QAbstractTableModel(parent) {}

int FleetStatusModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FleetStatusModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QColor FleetStatusModel::colorOf(Health h) { return palette::of(h); }

QString FleetStatusModel::nameOf(Health h) {
    switch (h) {
    case Health::Healthy: return tr("Healthy");
    case Health::Degraded: return tr("Degraded");
    case Health::Failing: return tr("Failing");
    case Health::Silent: return tr("Silent");
    case Health::Retired: return tr("Retired");
    }
    return {};
}

std::array<int, kAgentHealthCount> FleetStatusModel::healthCounts() const {
    std::array<int, kAgentHealthCount> n{};
    for (const AgentStatus& a : rows_) ++n[static_cast<int>(a.health)];
    return n;
}

QVariant FleetStatusModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case AgentCol: return tr("Agent");
    case HealthCol: return tr("Health");
    case WorkflowCol: return tr("Workflow");
    case EndpointCol: return tr("Endpoint");
    case SucceededCol: return tr("Succeeded");
    case FailedCol: return tr("Failed");
    case FailureRateCol: return tr("Failures (1 min)");
    case LastErrorCol: return tr("Last error");
    }
    return {};
}

QHash<int, QByteArray> FleetStatusModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(AgentRole, "agent");
    names.insert(WorkflowRole, "workflow");
    names.insert(EndpointRole, "endpoint");
    names.insert(SucceededRole, "succeeded");
    names.insert(FailedRole, "failed");
    names.insert(LastErrorRole, "lastError");
    names.insert(HealthRole, "health");
    names.insert(HealthColorRole, "healthColor");
    names.insert(RecentFailureRatioRole, "recentFailureRatio");
    return names;
}

QVariant FleetStatusModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const AgentStatus& a = rows_[static_cast<std::size_t>(index.row())];
    const double ratio = a.recentFinished > 0 ? double(a.recentFailed) / double(a.recentFinished)
                                              : std::numeric_limits<double>::quiet_NaN();
    switch (role) {
    case AgentRole: return qs(a.agent);
    case WorkflowRole: return qs(a.workflow);
    case EndpointRole: return qs(a.endpoint);
    case SucceededRole: return qint64(a.succeeded);
    case FailedRole: return qint64(a.failed);
    case LastErrorRole: return qs(a.lastError);
    case HealthRole: return static_cast<int>(a.health);
    case HealthColorRole: return colorOf(a.health);
    case RecentFailureRatioRole: return ratio;
    case Qt::ToolTipRole:
        return tr("%1 — %2\nworkflow %3, endpoint %4\n%5 succeeded, %6 failed; last error: %7")
            .arg(qs(a.agent), nameOf(a.health), qs(a.workflow), qs(a.endpoint))
            .arg(a.succeeded)
            .arg(a.failed)
            .arg(a.lastError.empty() ? tr("none") : qs(a.lastError));
    case Qt::DecorationRole:
        return index.column() == AgentCol ? QVariant(colorOf(a.health)) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == HealthCol ? QVariant(colorOf(a.health).lighter(160)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SucceededCol || index.column() == FailedCol || index.column() == FailureRateCol)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentCol: return qs(a.agent);
        case HealthCol: return nameOf(a.health);
        case WorkflowCol: return qs(a.workflow);
        case EndpointCol: return qs(a.endpoint);
        case SucceededCol: return QLocale().toString(qint64(a.succeeded));
        case FailedCol: return QLocale().toString(qint64(a.failed));
        case FailureRateCol:
            return std::isnan(ratio) ? QStringLiteral("–") : QLocale().toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
        case LastErrorCol: return qs(a.lastError);
        }
        return {};
    }
    return {};
}

void FleetStatusModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    const auto& agents = snapshot->agents;  // sorted by agent name

    // Merge the sorted lists: agents that left are removed, new ones inserted in
    // place, so views keep their selection and scroll position.
    // Changed rows are announced in one dataChanged over their span, not one per
    // row: each signal makes a resize-to-contents table measure every row again,
    // which held the GUI for tens of ms a snapshot in a fast replay.
    std::size_t i = 0, j = 0;
    int firstChanged = -1, lastChanged = -1;
    while (i < rows_.size() || j < agents.size()) {
        if (j >= agents.size() || (i < rows_.size() && rows_[i].agent < agents[j].agent)) {
            beginRemoveRows({}, int(i), int(i));
            rows_.erase(rows_.begin() + std::ptrdiff_t(i));
            endRemoveRows();
            continue;
        }
        if (i >= rows_.size() || agents[j].agent < rows_[i].agent) {
            beginInsertRows({}, int(i), int(i));
            rows_.insert(rows_.begin() + std::ptrdiff_t(i), agents[j]);
            endInsertRows();
            ++i, ++j;
            continue;
        }
        AgentStatus& row = rows_[i];
        const AgentStatus& now = agents[j];
        const bool changed = !(row.succeeded == now.succeeded && row.failed == now.failed && row.workflow == now.workflow &&
                               row.endpoint == now.endpoint && row.lastError == now.lastError && row.health == now.health &&
                               row.recentFailed == now.recentFailed && row.recentFinished == now.recentFinished);
        row = now;
        if (changed) {
            if (firstChanged < 0) firstChanged = int(i);
            lastChanged = int(i);
        }
        ++i, ++j;
    }
    // Rows inserted or removed after a changed one sit after it: the span still holds.
    if (firstChanged >= 0) emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

}  // namespace vigil::ui
