// The learned model in a running engine (issue #12): `vigilctl learn
// update|revert|import` (or the console's Learning panel) writes learn_changes
// from any process; this follower reads them at start (pollOnce() before
// engine.start()) and then every interval on its own thread and read-only
// connection (learn::ModelHandOver). The cuts go to the correlator's board
// (pipeline.correlate.learnedCuts = board()), the playbook orders onto the
// LivePolicy as its Adjust, so a later policy reload re-applies them. The
// engine never waits on it; an unreadable database keeps the model in force
// and its reason is kept.
#pragma once

#include "learn/ModelHandOver.h"
#include "record/PeriodicThread.h"
#include "remedy/LivePolicy.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace vigil::app {

class LearnedModelFollower {
public:
    // policy: null when nothing is healed (live sources): cuts only.
    LearnedModelFollower(std::string dbPath, remedy::LivePolicy* policy,
                         std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~LearnedModelFollower();  // stops
    LearnedModelFollower(const LearnedModelFollower&) = delete;
    LearnedModelFollower& operator=(const LearnedModelFollower&) = delete;

    bool pollOnce();  // on the caller's thread; false: the database could not be read
    void start();
    void stop();

    std::shared_ptr<SeriesCutBoard> board() const { return board_; }
    learn::LearnedModel model() const;
    std::int64_t handOvers() const;  // models handed over so far (the first at start)
    std::string lastError() const;

private:
    std::shared_ptr<SeriesCutBoard> board_ = std::make_shared<SeriesCutBoard>();
    remedy::LivePolicy* policy_;
    learn::ModelHandOver handOver_;  // touched under pollMutex_ only
    std::mutex pollMutex_;
    mutable std::mutex mutex_;
    learn::LearnedModel model_;
    std::int64_t handOvers_ = 0;
    std::string lastError_;
    PeriodicThread thread_;  // last: stopped before the members its ticks use go
};

// "2 series cuts, 1 playbook order": for status lines.
std::string describeModel(const learn::LearnedModel& m);

}  // namespace vigil::app
