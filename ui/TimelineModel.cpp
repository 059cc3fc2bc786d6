#include "ui/TimelineModel.h"

#include "record/NarrativeText.h"
#include "remedy/ActionSummary.h"
#include "remedy/SimFleetActuator.h"
#include "ui/LocalizedText.h"
#include "ui/Palette.h"

#include <QCoreApplication>

#include <algorithm>

namespace vigil::ui {

namespace {

ItemState incidentState(IncidentState s) {
    switch (s) {
    case IncidentState::Open: return ItemState::IncidentOpen;
    case IncidentState::Mitigated: return ItemState::IncidentMitigated;
    case IncidentState::Resolved: return ItemState::IncidentResolved;
    }
    return ItemState::IncidentOpen;
}

}  // namespace

TimelineModel::TimelineModel(QObject* parent, std::size_t maxItems)
    : QAbstractListModel(parent), maxItems_(std::max<std::size_t>(maxItems, 16)) {
    qRegisterMetaType<std::vector<vigil::Record>>("std::vector<vigil::Record>");
}

int TimelineModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(items_.size()); }

QHash<int, QByteArray> TimelineModel::roleNames() const {
    QHash<int, QByteArray> n = QAbstractListModel::roleNames();
    n.insert(IdRole, "itemId");
    n.insert(LaneRole, "lane");
    n.insert(StateRole, "state");
    n.insert(StartRole, "start");
    n.insert(EndRole, "end");
    n.insert(MitigatedRole, "mitigated");
    n.insert(OngoingRole, "ongoing");
    n.insert(IncidentIdRole, "incidentId");
    n.insert(ColorRole, "color");
    return n;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const TimelineItem& it = items_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return it.title;
    case Qt::ToolTipRole: return it.summary;
    case IdRole: return qs(it.id);
    case LaneRole: return int(it.lane);
    case StateRole: return int(it.state);
    case StartRole: return qint64(it.start);
    case EndRole: return qint64(it.ongoing ? std::max(it.end, now_) : it.end);
    case MitigatedRole: return qint64(it.mitigated);
    case OngoingRole: return it.ongoing;
    case IncidentIdRole: return qs(it.incidentId);
    case ColorRole: return stateColor(it.state);
    }
    return {};
}

int TimelineModel::rowOf(const std::string& id) const {
    const auto it = rows_.find(id);
    return it == rows_.end() || std::size_t(it->second) >= items_.size() ? -1 : it->second;  // added_: no row yet
}

const std::vector<int>& TimelineModel::laneOrder(Lane lane) const {
    if (orderDirty_) {
        for (auto& v : laneOrder_) v.clear();
        for (int r = 0; r < int(items_.size()); ++r) laneOrder_[std::size_t(items_[std::size_t(r)].lane)].push_back(r);
        for (auto& v : laneOrder_)
            std::stable_sort(v.begin(), v.end(), [this](int a, int b) { return items_[std::size_t(a)].start < items_[std::size_t(b)].start; });
        rank_.assign(items_.size(), 0);
        for (const auto& v : laneOrder_)
            for (std::size_t k = 0; k < v.size(); ++k) rank_[std::size_t(v[k])] = int(k);
        orderDirty_ = false;
    }
    return laneOrder_[std::size_t(lane)];
}

int TimelineModel::rankInLane(int row) const {
    laneOrder(Lane::Anomalies);  // brings the orders and ranks up to date
    return row >= 0 && std::size_t(row) < rank_.size() ? rank_[std::size_t(row)] : 0;
}

TimestampMs TimelineModel::earliest() const {
    TimestampMs t = now_;
    for (const auto& it : items_) t = std::min(t, it.start);
    return t;
}

void TimelineModel::setNow(TimestampMs t) {
    if (t <= now_) return;
    now_ = t;
    emit nowAdvanced(qint64(now_));
}

void TimelineModel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    setNow(snapshot->engineTime);
    for (const Anomaly& a : snapshot->recentAnomalies) addAnomaly(a);
    for (const Incident& i : snapshot->incidents) addIncident(i);
    insertAdded();
    trim();
}

void TimelineModel::addRecords(const std::vector<vigil::Record>& records) {
    for (const Record& r : records) add(r);
    insertAdded();
    trim();
}

TimelineItem* TimelineModel::itemAt(int row) {
    if (row < 0) return nullptr;
    if (std::size_t(row) < items_.size()) return &items_[std::size_t(row)];
    const std::size_t k = std::size_t(row) - items_.size();
    return k < added_.size() ? &added_[k] : nullptr;
}

void TimelineModel::insertAdded() {
    if (added_.empty()) return;
    const int first = int(items_.size());
    beginInsertRows({}, first, first + int(added_.size()) - 1);
    items_.insert(items_.end(), std::make_move_iterator(added_.begin()), std::make_move_iterator(added_.end()));
    added_.clear();
    orderDirty_ = true;
    endInsertRows();
}

void TimelineModel::add(const Record& r) {
    std::visit(
        [this](const auto& rec) {
            using T = std::decay_t<decltype(rec)>;
            if constexpr (std::is_same_v<T, Anomaly>) addAnomaly(rec);
            else if constexpr (std::is_same_v<T, Incident>) addIncident(rec);
            else if constexpr (std::is_same_v<T, Action>) addAction(rec);
            else if constexpr (std::is_same_v<T, Approval>) addApproval(rec);
            else if constexpr (std::is_same_v<T, Outcome>) addOutcome(rec);
        },
        r);
}

void TimelineModel::put(TimelineItem item, const std::function<void(TimelineItem&)>& update) {
    const auto found = rows_.find(item.id);
    if (found == rows_.end()) {  // a row once the batch is in (insertAdded)
        rows_.emplace(item.id, int(items_.size() + added_.size()));
        added_.push_back(std::move(item));
        return;
    }
    TimelineItem& it = *itemAt(found->second);
    const TimestampMs oldStart = it.start;
    if (update) update(it);
    else it = std::move(item);
    if (std::size_t(found->second) >= items_.size()) return;  // not a row yet: nobody to tell
    if (it.start != oldStart) orderDirty_ = true;
    const QModelIndex i = index(found->second);
    emit dataChanged(i, i);
}

void TimelineModel::addAnomaly(const Anomaly& a) {
    if (rows_.count(a.id)) return;  // anomalies never change
    TimelineItem it;
    it.id = a.id;
    it.lane = Lane::Anomalies;
    it.state = a.silenced                 ? ItemState::AnomalySilenced
               : !a.own_effect_of.empty() ? ItemState::AnomalyOwnEffect
                                          : ItemState::Anomaly;
    it.start = it.end = a.ts;
    if (a.silenced) it.title = tr("%1 on %2 (silenced)").arg(qs(a.detector), qs(a.target));
    else if (!a.own_effect_of.empty())
        it.title = tr("%1 on %2 (Vigil's own action %3)").arg(qs(a.detector), qs(a.target), qs(a.own_effect_of));
    else it.title = tr("%1 on %2").arg(qs(a.detector), qs(a.target));
    it.summary = tr("%1 — %2 on %3 (score %4): %5")
                     .arg(qs(utcTime(a.ts)), qs(a.series.empty() ? a.detector : a.series), qs(a.target))
                     .arg(a.score, 0, 'f', 2)
                     .arg(explanationText(a));
    setNow(a.ts);
    put(std::move(it));
}

void TimelineModel::addIncident(const Incident& i) {
    TimelineItem it;
    it.id = i.id;
    it.lane = Lane::Incidents;
    it.state = incidentState(i.state);
    it.start = i.opened;
    it.end = i.ts;
    it.ongoing = i.state != IncidentState::Resolved;
    it.incidentId = i.id;
    it.mitigated = i.state == IncidentState::Mitigated ? i.ts : 0;
    it.title = tr("%1 (%2): %3").arg(qs(i.id), stateName(it.state), qs(i.cause));
    it.summary =
        tr("%1 — %2, opened %3\n%4").arg(qs(i.id), stateName(it.state), qs(utcTime(i.opened)), narrativeText(i));
    setNow(i.ts);
    put(it, [&](TimelineItem& old) {
        if (old.end > i.ts) return;  // an older update arriving late changes nothing
        const TimestampMs mitigated = old.mitigated ? old.mitigated : it.mitigated;
        old = it;
        old.mitigated = mitigated;
    });
}

void TimelineModel::addAction(const Action& a) {
    if (!a.incident_id.empty()) actionIncident_[a.id] = a.incident_id;
    const bool viaPeople = approvalActions_.count(a.id) || a.status == ActionStatus::AwaitingApproval;
    ItemState s = ItemState::ActionAutomatic;
    switch (a.status) {
    case ActionStatus::Proposed: s = ItemState::ActionProposed; break;
    case ActionStatus::AwaitingApproval: s = ItemState::ActionAwaitingApproval; break;
    case ActionStatus::Executing:
    case ActionStatus::Succeeded: s = viaPeople ? ItemState::ActionApproved : ItemState::ActionAutomatic; break;
    case ActionStatus::Failed: s = ItemState::ActionFailed; break;
    case ActionStatus::Rejected: s = expiredActions_.count(a.id) ? ItemState::ActionExpired : ItemState::ActionRejected; break;
    case ActionStatus::Suppressed: s = ItemState::ActionHeldBack; break;
    }
    if (a.status == ActionStatus::AwaitingApproval) approvalActions_.insert(a.id);
    TimelineItem it;
    it.id = a.id;
    it.lane = Lane::Actions;
    it.state = s;
    it.start = it.end = a.ts;
    it.ongoing = a.status == ActionStatus::AwaitingApproval || a.status == ActionStatus::Executing;
    it.incidentId = a.incident_id;
    it.title = tr("%1 (%2)").arg(qs(remedy::describeAction(a)), stateName(s));
    it.summary = tr("%1 — %2: %3%4")
                     .arg(qs(utcTime(a.ts)), stateName(s), qs(remedy::describeAction(a)),
                          a.incident_id.empty() ? QString() : tr(" (incident %1)").arg(qs(a.incident_id)));
    if (remedy::jsonField(a.params, "replay") == "true") {  // EngineActivityFeed marks them
        it.title = tr("%1 — simulated").arg(it.title);
        it.summary += tr(" — simulated in a replay: nothing was sent");
    }
    setNow(a.ts);
    put(it, [&](TimelineItem& old) {
        if (a.ts < old.end) return;
        const TimestampMs start = old.start;
        old = it;
        old.start = std::min(start, a.ts);
    });
}

void TimelineModel::addApproval(const Approval& a) {
    ItemState s = ItemState::ApprovalRequested;
    QString who;
    switch (a.decision) {
    case ApprovalDecision::Requested: s = ItemState::ApprovalRequested; who = tr("requested by %1").arg(qs(a.requester)); break;
    case ApprovalDecision::Approved: s = ItemState::ApprovalApproved; who = tr("approved by %1").arg(qs(a.approver)); break;
    case ApprovalDecision::Rejected: s = ItemState::ApprovalRejected; who = tr("rejected by %1").arg(qs(a.approver)); break;
    case ApprovalDecision::Expired: s = ItemState::ApprovalExpired; who = tr("expired unanswered"); break;
    }
    approvalActions_.insert(a.action_id);
    if (a.decision == ApprovalDecision::Expired) {
        expiredActions_.insert(a.action_id);
        const auto known = rows_.find(a.action_id);  // the action, if seen, shows it expired
        const int row = known == rows_.end() ? -1 : known->second;
        TimelineItem* action = itemAt(row);
        if (action && action->state == ItemState::ActionRejected) {
            action->state = ItemState::ActionExpired;
            if (std::size_t(row) < items_.size()) emit dataChanged(index(row), index(row));
        }
    }
    TimelineItem it;
    it.id = a.id + "/" + std::string(toString(a.decision)) + "/" + a.approver + "/" + std::to_string(a.ts);
    it.lane = Lane::Approvals;
    it.state = s;
    it.start = it.end = a.ts;
    const auto inc = actionIncident_.find(a.action_id);
    if (inc != actionIncident_.end()) it.incidentId = inc->second;
    it.title = tr("%1: %2").arg(qs(a.id), who);
    it.summary = tr("%1 — approval %2 for action %3: %4%5")
                     .arg(qs(utcTime(a.ts)), qs(a.id), qs(a.action_id), who,
                          a.reason.empty() ? QString() : QStringLiteral(" — “%1”").arg(qs(a.reason)));
    setNow(a.ts);
    if (!rows_.count(it.id)) put(std::move(it));
}

void TimelineModel::addOutcome(const Outcome& o) {
    TimelineItem it;
    it.id = "outcome/" + o.action_id + "/" + std::to_string(o.ts);
    if (rows_.count(it.id)) return;
    it.lane = Lane::Outcomes;
    it.state = o.success ? ItemState::OutcomeSuccess : ItemState::OutcomeFailure;
    it.start = it.end = o.ts;
    const auto inc = actionIncident_.find(o.action_id);
    if (inc != actionIncident_.end()) it.incidentId = inc->second;
    it.title = tr("%1: %2").arg(qs(o.action_id), stateName(it.state));
    it.summary = tr("%1 — action %2 %3%4")
                     .arg(qs(utcTime(o.ts)), qs(o.action_id), stateName(it.state),
                          o.detail.empty() ? QString() : QStringLiteral(": ") + qs(o.detail));
    setNow(o.ts);
    put(std::move(it));
}

void TimelineModel::trim() {
    if (items_.size() <= maxItems_) return;
    // Drop the oldest quarter by start time in one go: rows shift once, not per item.
    std::vector<TimestampMs> starts;
    starts.reserve(items_.size());
    for (const auto& it : items_) starts.push_back(it.start);
    const std::size_t drop = items_.size() - maxItems_ * 3 / 4;
    std::nth_element(starts.begin(), starts.begin() + std::ptrdiff_t(drop), starts.end());
    const TimestampMs cut = starts[drop];
    beginResetModel();
    std::vector<TimelineItem> kept;
    kept.reserve(maxItems_);
    for (auto& it : items_)
        if (it.start >= cut || it.ongoing) kept.push_back(std::move(it));
    items_ = std::move(kept);
    rows_.clear();
    for (int r = 0; r < int(items_.size()); ++r) rows_.emplace(items_[std::size_t(r)].id, r);
    orderDirty_ = true;
    endResetModel();
}

}  // namespace vigil::ui
