#include "collect/IngestStats.h"

namespace vigil::collect {

void IngestStats::noteError(std::string what) {
    std::lock_guard lk(m_);
    if (errors_.size() < kKeptErrors) errors_.push_back(std::move(what));
}

IngestCounts IngestStats::counts() const {
    IngestCounts c;
    for (int i = 0; i < kIngestSourceCount; ++i) c.records[i] = records_[i].load(std::memory_order_relaxed);
    c.malformed = malformed.load();
    c.oversizedLines = oversizedLines.load();
    c.cutLines = cutLines.load();
    c.authFailures = authFailures.load();
    c.bodyTooLarge = bodyTooLarge.load();
    c.badRequests = badRequests.load();
    c.idleDrops = idleDrops.load();
    c.connectionsRefused = connectionsRefused.load();
    c.connectionsTotal = connectionsTotal.load();
    c.connectionsOpen = connectionsOpen.load();
    c.sinkRefusals = sinkRefusals.load();
    return c;
}

std::vector<std::string> IngestStats::errors() const {
    std::lock_guard lk(m_);
    return errors_;
}

}  // namespace vigil::collect
