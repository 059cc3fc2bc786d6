#include "remedy/PoolLoad.h"
#include "record/SameText.h"
#include "record/TaskOutcome.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil::remedy {

PoolLoad::Pool* PoolLoad::at(const std::string& pool) {
    if (pools_.size() >= kMaxPools && !pools_.count(pool)) return nullptr;  // bounded: records name the pools
    return &pools_[pool];
}

void PoolLoad::trim(Pool& p, TimestampMs now) {
    // Keep one depth sample at or before the window's start, as the baseline.
    while (p.depth.size() > 1 && p.depth[1].first <= now - kWindowMs) p.depth.pop_front();
    while (!p.starts.empty() && p.starts.front() <= now - kWindowMs) p.starts.pop_front();
}

void PoolLoad::observe(const Record& r) {
    if (const auto* m = std::get_if<MetricSample>(&r)) {
        if (!m->target.starts_with("pool:") || !std::isfinite(m->value) || m->value < 0) return;
        const bool count = sameText(m->series, "worker.count");
        if (!count && !sameText(m->series, "worker.queue_depth")) return;
        Pool* p = at(m->target);
        if (!p) return;
        if (count) {
            p->workers = static_cast<int>(m->value);
        } else {
            if (!p->depth.empty() && m->ts <= p->depth.back().first) return;  // out of order: ignore
            p->depth.emplace_back(m->ts, m->value);
            trim(*p, m->ts);
        }
    } else if (const auto* t = std::get_if<TaskEvent>(&r)) {
        if (t->workflow.empty()) return;
        key_.assign("pool:");
        key_ += t->workflow;
        Pool* p = at(key_);
        if (!p) return;
        if (t->state == TaskState::Started) {
            p->starts.push_back(t->ts);
            trim(*p, t->ts);
        } else if (isOutcome(t->state) && std::isfinite(t->duration_ms) && t->duration_ms > 0) {
            // EWMA over about the last 20 tasks: follows a slower endpoint, ignores one outlier.
            p->taskMs = p->finished == 0 ? t->duration_ms : p->taskMs + (t->duration_ms - p->taskMs) / 20.0;
            ++p->finished;
        }
    }
}

std::optional<PoolSizing> PoolLoad::sizing(const std::string& pool, double drainS) const {
    const auto it = pools_.find(pool);
    if (it == pools_.end()) return std::nullopt;
    const Pool& p = it->second;
    if (p.workers < 1 || p.depth.size() < 2 || p.finished < 3) return std::nullopt;
    const auto& [t1, d1] = p.depth.back();
    if (t1 - p.depth.front().first < kWindowMs / 2) return std::nullopt;
    // Count from where the queue last stood lowest (at least kMinSpanMs back):
    // an overload found seconds after it began is measured on its own arrivals,
    // not averaged with the calm before it.
    auto base = p.depth.begin();
    for (auto it = p.depth.begin(); it != p.depth.end() && it->first <= t1 - kMinSpanMs; ++it)
        if (it->second <= base->second) base = it;
    const auto& [t0, d0] = *base;
    const double spanS = static_cast<double>(t1 - t0) / 1000.0;
    // Every task that arrived in the span either started or is still queued.
    std::size_t started = 0;
    for (const TimestampMs s : p.starts) started += (s > t0 && s <= t1) ? 1 : 0;
    PoolSizing z;
    z.current = p.workers;
    z.arrivalsPerS = std::max(0.0, (static_cast<double>(started) + d1 - d0) / spanS);
    z.taskS = p.taskMs / 1000.0;
    z.backlog = d1;
    // Little's law: busy workers = arrivals x time per task; the backlog adds
    // backlog / drainS arrivals until it is gone.
    const double busy = (z.arrivalsPerS + z.backlog / std::max(1.0, drainS)) * z.taskS;
    z.desired = static_cast<int>(std::ceil(busy / kTargetUtilisation));
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%.2f tasks/s arriving and %.0f queued (drained within %.0f s) at %.1f s per task need %.1f busy workers, "
                  "%d at %.0f %% utilisation",
                  z.arrivalsPerS, z.backlog, drainS, z.taskS, busy, z.desired, kTargetUtilisation * 100);
    z.why = buf;
    return z;
}

}  // namespace vigil::remedy
