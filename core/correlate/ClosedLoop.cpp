#include "correlate/ClosedLoop.h"

#include <algorithm>
#include <set>

namespace vigil {

StageRunner::StageRunner(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}

Stage* StageRunner::find(const std::string& name) const {
    for (const auto& s : stages_)
        if (name == s->name()) return s.get();
    return nullptr;
}

void StageRunner::collect(std::vector<Record>& emitted, LoopOutput& out) {
    for (auto& r : emitted) {
        if (auto* a = std::get_if<Anomaly>(&r)) {
            ++out.anomaliesByDetector[a->detector];
            out.anomalies.push_back(std::move(*a));
        } else if (auto* i = std::get_if<Incident>(&r)) {
            out.incidentUpdates.push_back(std::move(*i));
        }
    }
}

void StageRunner::feed(const std::vector<Record>& batch, LoopOutput& out) {
    for (const Record& in : batch) {
        ++out.inputs;
        time_ = std::max(time_, timestampOf(in));
        pending_.clear();
        pending_.push_back(in);
        for (auto& stage : stages_) {
            scratch_.clear();
            for (const Record& r : pending_)
                if (!stage->process(r, scratch_)) ++out.refused;
            for (auto& r : scratch_) pending_.push_back(std::move(r));
        }
        pending_.erase(pending_.begin());
        collect(pending_, out);
    }
    tick(time_, out);
}

void StageRunner::tick(TimestampMs now, LoopOutput& out) {
    time_ = std::max(time_, now);
    // What a stage emits on a tick (a stuck transaction noticed in a quiet
    // second) flows through the stages after it, like any other output.
    std::vector<Record> emitted;
    for (std::size_t i = 0; i < stages_.size(); ++i) {
        const std::size_t from = emitted.size();
        stages_[i]->tick(time_, emitted);
        for (std::size_t j = i + 1; j < stages_.size(); ++j) {
            scratch_.clear();
            for (std::size_t k = from; k < emitted.size(); ++k)
                if (!stages_[j]->process(emitted[k], scratch_)) ++out.refused;
            for (auto& r : scratch_) emitted.push_back(std::move(r));
        }
    }
    collect(emitted, out);
}

std::optional<TimestampMs> median(std::vector<TimestampMs> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

ScenarioResult scoreRun(const std::string& scenario, const std::vector<FaultWindow>& faults, const LoopOutput& run,
                        const Topology* topology, TimestampMs graceMs) {
    ScenarioResult res;
    res.scenario = scenario;
    res.anomalies = static_cast<std::int64_t>(run.anomalies.size());
    res.incidentRecords = static_cast<std::int64_t>(run.incidentUpdates.size());
    std::set<std::string> ids;
    for (const auto& i : run.incidentUpdates) ids.insert(i.id);
    res.incidents = static_cast<std::int64_t>(ids.size());
    res.reduction = res.anomalies > 0 ? 1.0 - static_cast<double>(res.incidents) / res.anomalies : 0.0;

    auto relates = [&](const std::string& t, const std::string& fault) {
        return t == fault || (topology && topology->linked(t, fault));
    };
    std::vector<TimestampMs> ttd;
    int covered = 0;
    for (const FaultWindow& f : faults) {
        FaultResult fr;
        fr.fault = f;
        for (const Incident& inc : run.incidentUpdates) {
            if (inc.state == IncidentState::Resolved || inc.ts < f.start || inc.ts > f.end + graceMs) continue;
            bool rel = relates(inc.cause, f.target);
            for (const auto& t : inc.targets) rel = rel || relates(t, f.target);
            if (!rel) continue;
            fr.covered = true;
            fr.incident = inc.id;
            fr.detectMs = inc.ts - f.start;
            break;
        }
        if (fr.covered) {
            ++covered;
            ttd.push_back(fr.detectMs);
        }
        res.faults.push_back(std::move(fr));
    }
    res.coverage = faults.empty() ? 1.0 : static_cast<double>(covered) / static_cast<double>(faults.size());
    res.medianDetectMs = median(std::move(ttd));
    return res;
}

}  // namespace vigil
