// How many workers a pool needs, measured from the records the planner sees,
// so a scale-up is sized to the load like Kubernetes' HPA (desired = what the
// load needs / target utilisation) instead of a fixed step that an overload of
// 1.5-1.8x outruns. Arrivals are counted by conservation since the queue last
// stood lowest within a short window (tasks started + growth of the queue),
// the work per task is the mean
// duration of finished tasks, and the backlog is to be drained within a set
// time. Engine thread only; deterministic (record time only).
#pragma once

#include "record/Record.h"

#include <deque>
#include <map>
#include <optional>
#include <string>

namespace vigil::remedy {

struct PoolSizing {
    int current = 0;         // workers now (latest worker.count)
    int desired = 0;         // workers that serve the arrivals and drain the backlog
    double arrivalsPerS = 0;
    double taskS = 0;        // mean busy time per task
    double backlog = 0;      // queued tasks
    std::string why;         // the arithmetic, in words
};

class PoolLoad {
public:
    static constexpr TimestampMs kWindowMs = 30'000;  // short: an overload is seen within seconds
    static constexpr TimestampMs kMinSpanMs = 10'000; // fewer seconds count too few tasks
    static constexpr double kTargetUtilisation = 0.8; // headroom for bursty arrivals

    void observe(const Record& r);
    // nullopt until the pool has a worker count, queue samples over most of the
    // window and finished tasks to time.
    std::optional<PoolSizing> sizing(const std::string& pool, double drainS) const;
    // The latest worker.count of the pool; -1 when none was seen.
    int workers(const std::string& pool) const {
        const auto it = pools_.find(pool);
        return it == pools_.end() ? -1 : it->second.workers;
    }

private:
    struct Pool {
        int workers = -1;
        std::deque<std::pair<TimestampMs, double>> depth;  // queue depth samples within the window
        std::deque<TimestampMs> starts;                     // task starts within the window
        double taskMs = 0;                                   // EWMA of finished tasks' durations
        int finished = 0;
    };
    static constexpr std::size_t kMaxPools = 1024;
    Pool* at(const std::string& pool);
    static void trim(Pool& p, TimestampMs now);
    std::map<std::string, Pool> pools_;  // "pool:<workflow>"
    std::string key_;                    // a task's "pool:<workflow>", in a reused buffer (every task event builds one)
};

}  // namespace vigil::remedy
