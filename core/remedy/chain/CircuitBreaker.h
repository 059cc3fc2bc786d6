// One endpoint's circuit breaker (closed / open / half-open). Closed: calls
// pass; `failureThreshold` transport failures in a row open it. Open: no calls
// for `openMs`; after that the next caller gets a trial call (half-open), one
// at a time. `trialSuccesses` trials in a row close it; a failed trial opens it
// again for another `openMs`. Time comes in as an argument (the pool's
// injected clock), so the state machine is deterministic under test.
#pragma once

#include "record/Record.h"

#include <string_view>

namespace vigil::remedy {

struct BreakerConfig {
    int failureThreshold = 2;     // consecutive transport failures that open it
    TimestampMs openMs = 1000;    // how long it stays open before a trial
    int trialSuccesses = 2;       // successful trials in a row that close it
};

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };

    explicit CircuitBreaker(BreakerConfig config = {}) : config_(config) {}

    // May a call go to this endpoint now? In half-open it admits one trial at a
    // time: true here reserves the trial until onSuccess/onFailure.
    bool allow(TimestampMs now);
    // Would allow() say yes, without reserving a trial (for ranking)?
    bool wouldAllow(TimestampMs now) const;
    void onSuccess(TimestampMs now);
    void onFailure(TimestampMs now);

    State state() const { return state_; }
    int consecutiveFailures() const { return consecutiveFailures_; }
    int timesOpened() const { return timesOpened_; }
    TimestampMs openedAt() const { return openedAt_; }

private:
    void open(TimestampMs now);

    BreakerConfig config_;
    State state_ = State::Closed;
    int consecutiveFailures_ = 0;
    int trialOks_ = 0;
    bool trialInFlight_ = false;
    int timesOpened_ = 0;
    TimestampMs openedAt_ = 0;
};

std::string_view breakerStateName(CircuitBreaker::State s);

}  // namespace vigil::remedy
