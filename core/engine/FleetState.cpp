#include "engine/FleetState.h"

#include "record/Target.h"

#include <algorithm>

namespace vigil {

namespace {
constexpr TimestampMs kMarkEveryMs = 1000;
}  // namespace

void FleetState::add(const TaskEvent& t) {
    auto it = agents_.find(t.agent);
    if (it == agents_.end()) {
        if (agents_.size() >= max_) {
            agents_.erase(agents_.find(recency_.leastRecent(agents_)));
            recency_.forgetLeastRecent();
            ++evicted_;
        }
        it = agents_.emplace(t.agent, Tracked{}).first;
        recency_.added(it->first, it->second.recency);
    } else {
        recency_.touched(it->second.recency);
    }
    Tracked& tr = it->second;
    AgentStatus& a = tr.status;
    // First sight: a zero baseline, so the first minute counts everything so far.
    if (tr.marks.empty() || t.ts - tr.marks.back().time >= kMarkEveryMs)
        tr.marks.push_back({t.ts, a.succeeded, a.failed});
    while (tr.marks.size() > 1 && t.ts - tr.marks[1].time >= rules_.recentWindowMs) tr.marks.pop_front();

    a.agent = t.agent;
    if (!t.workflow.empty()) a.workflow = t.workflow;
    if (!t.endpoint.empty()) a.endpoint = t.endpoint;
    a.lastSeen = t.ts;
    a.retiredAt = t.state == TaskState::Retired ? t.ts : 0;
    if (t.state == TaskState::Succeeded) ++a.succeeded;
    if (t.state == TaskState::Failed) {
        ++a.failed;
        a.lastError = t.error;
    }
}

std::vector<AgentStatus> FleetState::agents(TimestampMs now, const std::vector<SeriesTail>& series) const {
    std::map<std::string_view, TimestampMs> lastSample;
    for (const SeriesTail& t : series) {
        if (t.points.empty() || targetKind(t.target) != "agent") continue;
        TimestampMs& ts = lastSample[targetName(t.target)];
        ts = std::max(ts, t.points.back().ts);
    }
    std::vector<AgentStatus> out;
    out.reserve(agents_.size());
    for (const auto& [name, tr] : agents_) {
        auto it = lastSample.find(name);
        const TimestampMs sampled = it == lastSample.end() ? TimestampMs(0) : it->second;
        // Retired (its last task event said so) and nothing since but stragglers, metrics
        // already on their way when it left: only a sign of life a silence's length
        // after it retired brings it back. It left on purpose, which is not silence.
        const TimestampMs retiredAt = tr.status.retiredAt;
        const bool retired = retiredAt > 0 && sampled < retiredAt + rules_.silentAfterMs;
        if (retired && now - retiredAt > rules_.listRetiredForMs) continue;  // long gone
        AgentStatus a = tr.status;
        // The baseline is the newest mark at least a window old (or the oldest kept).
        std::size_t b = 0;
        while (b + 1 < tr.marks.size() && now - tr.marks[b + 1].time >= rules_.recentWindowMs) ++b;
        a.recentFailed = a.failed - tr.marks[b].failed;
        a.recentFinished = a.recentFailed + a.succeeded - tr.marks[b].succeeded;
        const TimestampMs lastSign = std::max(a.lastSeen, sampled);
        a.health =
            retired ? AgentHealth::Retired : classifyAgent(a.recentFailed, a.recentFinished, now - lastSign, rules_);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace vigil
