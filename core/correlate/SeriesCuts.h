// Learned per-series score cuts (issue #12): an anomaly on a (series, target)
// whose score is below that series' cut is not evidence for an incident. The
// anomaly itself still flows to the store and the console, and is counted, so
// nothing is hidden; only the incident it would have opened is not.
// core/learn computes the cuts; the correlator reads them. SeriesCutBoard is
// the thread-safe hand-over: any thread publishes, the engine thread picks the
// new set up at its next anomaly.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace vigil {

struct SeriesCuts {
    std::map<std::pair<std::string, std::string>, double> cuts;  // (series, target) -> cut in [0, 1]
    // 0 when the series has no learned cut (every score counts).
    double cutFor(const std::string& series, const std::string& target) const {
        const auto it = cuts.find({series, target});
        return it == cuts.end() ? 0.0 : it->second;
    }
};

class SeriesCutBoard {
public:
    void publish(SeriesCuts next) {
        auto p = std::make_shared<const SeriesCuts>(std::move(next));
        std::lock_guard lock(mutex_);
        current_ = std::move(p);
        version_.fetch_add(1, std::memory_order_release);
    }
    // Bumps on every publish; a reader compares it before taking the lock.
    std::uint64_t version() const { return version_.load(std::memory_order_acquire); }
    std::shared_ptr<const SeriesCuts> current() const {
        std::lock_guard lock(mutex_);
        return current_;
    }

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const SeriesCuts> current_ = std::make_shared<const SeriesCuts>();
    std::atomic<std::uint64_t> version_{0};
};

}  // namespace vigil
