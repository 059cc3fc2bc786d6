#include "ui/FleetStatusModel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>
#include <limits>

namespace vigil::ui {

namespace {
constexpr TimestampMs kMarkEveryMs = 1000;
constexpr double kFailingRatio = 0.5, kDegradedRatio = 0.1;
constexpr std::int64_t kFailingMinFailures = 3;

QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

FleetStatusModel::FleetStatusModel(QObject* parent) : QAbstractTableModel(parent) {}

int FleetStatusModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FleetStatusModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QColor FleetStatusModel::colorOf(Health h) {
    switch (h) {
    case Health::Healthy: return QColor(0x2e, 0x9d, 0x4f);
    case Health::Degraded: return QColor(0xe0, 0xa1, 0x00);
    case Health::Failing: return QColor(0xd6, 0x45, 0x41);
    case Health::Silent: return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

QString FleetStatusModel::nameOf(Health h) {
    switch (h) {
    case Health::Healthy: return tr("Healthy");
    case Health::Degraded: return tr("Degraded");
    case Health::Failing: return tr("Failing");
    case Health::Silent: return tr("Silent");
    }
    return {};
}

std::array<int, 4> FleetStatusModel::healthCounts() const {
    std::array<int, 4> n{};
    for (const Row& r : rows_) ++n[static_cast<int>(r.health)];
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
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const AgentStatus& a = r.status;
    const double ratio = r.recentFinished > 0 ? r.recentRatio : std::numeric_limits<double>::quiet_NaN();
    switch (role) {
    case AgentRole: return qs(a.agent);
    case WorkflowRole: return qs(a.workflow);
    case EndpointRole: return qs(a.endpoint);
    case SucceededRole: return qint64(a.succeeded);
    case FailedRole: return qint64(a.failed);
    case LastErrorRole: return qs(a.lastError);
    case HealthRole: return static_cast<int>(r.health);
    case HealthColorRole: return colorOf(r.health);
    case RecentFailureRatioRole: return ratio;
    case Qt::ToolTipRole:
        return tr("%1 — %2\nworkflow %3, endpoint %4\n%5 succeeded, %6 failed; last error: %7")
            .arg(qs(a.agent), nameOf(r.health), qs(a.workflow), qs(a.endpoint))
            .arg(a.succeeded)
            .arg(a.failed)
            .arg(a.lastError.empty() ? tr("none") : qs(a.lastError));
    case Qt::DecorationRole:
        return index.column() == AgentCol ? QVariant(colorOf(r.health)) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == HealthCol ? QVariant(colorOf(r.health).lighter(160)) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SucceededCol || index.column() == FailedCol || index.column() == FailureRateCol)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentCol: return qs(a.agent);
        case HealthCol: return nameOf(r.health);
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

void FleetStatusModel::refresh(Row& row, TimestampMs now, TimestampMs lastSample) const {
    const AgentStatus& a = row.status;
    // First sight: a zero baseline, so the first minute counts everything so far.
    if (row.marks.empty()) row.marks.push_back({now, 0, 0});
    if (now - row.marks.back().time >= kMarkEveryMs || row.marks.size() == 1) row.marks.push_back({now, a.succeeded, a.failed});
    // The baseline is the newest mark at least a window old (or the oldest kept).
    while (row.marks.size() > 1 && now - row.marks[1].time >= kRecentWindowMs) row.marks.pop_front();
    const auto& base = row.marks.front();
    row.recentFailed = a.failed - base.failed;
    row.recentFinished = row.recentFailed + a.succeeded - base.succeeded;
    row.recentRatio = row.recentFinished > 0 ? double(row.recentFailed) / double(row.recentFinished) : 0.0;

    if (now - std::max(a.lastSeen, lastSample) > kSilentAfterMs) row.health = Health::Silent;
    else if (row.recentFailed >= kFailingMinFailures && row.recentRatio >= kFailingRatio) row.health = Health::Failing;
    else if (row.recentFailed >= 1 && row.recentRatio >= kDegradedRatio) row.health = Health::Degraded;
    else row.health = Health::Healthy;
}

void FleetStatusModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    const TimestampMs now = snapshot->engineTime;
    const auto& agents = snapshot->agents;  // sorted by agent name

    // An idle agent still reports metrics about itself (target "agent:<name>"):
    // it is alive, just not busy.
    std::map<std::string, TimestampMs, std::less<>> lastSample;
    for (const SeriesTail& t : snapshot->series) {
        if (t.points.empty() || !t.target.starts_with("agent:")) continue;
        TimestampMs& ts = lastSample[t.target.substr(6)];
        ts = std::max(ts, t.points.back().ts);
    }
    auto sampleOf = [&](const std::string& agent) {
        auto it = lastSample.find(agent);
        return it == lastSample.end() ? TimestampMs(0) : it->second;
    };

    // Merge the sorted lists: agents that left are removed, new ones inserted in
    // place, so views keep their selection and scroll position.
    std::size_t i = 0, j = 0;
    while (i < rows_.size() || j < agents.size()) {
        if (j >= agents.size() || (i < rows_.size() && rows_[i].status.agent < agents[j].agent)) {
            beginRemoveRows({}, int(i), int(i));
            rows_.erase(rows_.begin() + std::ptrdiff_t(i));
            endRemoveRows();
            continue;
        }
        if (i >= rows_.size() || agents[j].agent < rows_[i].status.agent) {
            beginInsertRows({}, int(i), int(i));
            Row row;
            row.status = agents[j];
            refresh(row, now, sampleOf(row.status.agent));
            rows_.insert(rows_.begin() + std::ptrdiff_t(i), std::move(row));
            endInsertRows();
            ++i, ++j;
            continue;
        }
        Row& row = rows_[i];
        const Health before = row.health;
        const double ratioBefore = row.recentRatio;
        const bool changed = !(row.status.succeeded == agents[j].succeeded && row.status.failed == agents[j].failed &&
                               row.status.workflow == agents[j].workflow && row.status.endpoint == agents[j].endpoint &&
                               row.status.lastError == agents[j].lastError);
        row.status = agents[j];
        refresh(row, now, sampleOf(row.status.agent));
        if (changed || row.health != before || row.recentRatio != ratioBefore)
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        ++i, ++j;
    }
}

}  // namespace vigil::ui
