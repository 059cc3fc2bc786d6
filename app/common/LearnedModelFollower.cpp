#include "common/LearnedModelFollower.h"

#include "learn/Adaptation.h"

namespace vigil::app {

LearnedModelFollower::LearnedModelFollower(std::string dbPath, remedy::LivePolicy* policy,
                                           std::chrono::milliseconds interval)
    : policy_(policy),
      handOver_(std::move(dbPath), board_,
                [this](const learn::LearnedModel& m) {
                    // The orders as the policy's Adjust: re-applied to every reload of the file.
                    if (policy_) policy_->setAdjust([m](const remedy::Policy& p) { return learn::applyOrders(p, m); });
                }),
      thread_(interval, [this] {
          pollOnce();  // an unreadable database keeps the model in force; retried at the next tick
          return true;
      }) {}

LearnedModelFollower::~LearnedModelFollower() { stop(); }

bool LearnedModelFollower::pollOnce() {
    std::lock_guard poll(pollMutex_);
    auto r = handOver_.refresh();
    std::lock_guard lk(mutex_);
    if (!r) {
        lastError_ = r.error();
        return false;
    }
    lastError_.clear();
    if (*r) {
        model_ = handOver_.model();
        ++handOvers_;
    }
    return true;
}

void LearnedModelFollower::start() { thread_.start(); }

void LearnedModelFollower::stop() { thread_.stop(); }

learn::LearnedModel LearnedModelFollower::model() const {
    std::lock_guard lk(mutex_);
    return model_;
}

std::int64_t LearnedModelFollower::handOvers() const {
    std::lock_guard lk(mutex_);
    return handOvers_;
}

std::string LearnedModelFollower::lastError() const {
    std::lock_guard lk(mutex_);
    return lastError_;
}

std::string describeModel(const learn::LearnedModel& m) {
    const auto n = [](std::size_t k, const char* one, const char* many) {
        return std::to_string(k) + ' ' + (k == 1 ? one : many);
    };
    return n(m.cuts.size(), "series cut", "series cuts") + ", " +
           n(m.orders.size(), "playbook order", "playbook orders");
}

}  // namespace vigil::app
