#include "remedy/chain/CircuitBreaker.h"

namespace vigil::remedy {

bool CircuitBreaker::wouldAllow(TimestampMs now) const {
    switch (state_) {
    case State::Closed: return true;
    case State::Open: return now - openedAt_ >= config_.openMs;
    case State::HalfOpen: return !trialInFlight_;
    }
    return false;
}

bool CircuitBreaker::allow(TimestampMs now) {
    if (!wouldAllow(now)) return false;
    if (state_ == State::Open) {
        state_ = State::HalfOpen;
        trialOks_ = 0;
    }
    if (state_ == State::HalfOpen) trialInFlight_ = true;
    return true;
}

void CircuitBreaker::onSuccess(TimestampMs) {
    consecutiveFailures_ = 0;
    if (state_ != State::HalfOpen) return;
    trialInFlight_ = false;
    if (++trialOks_ >= config_.trialSuccesses) state_ = State::Closed;
}

void CircuitBreaker::onFailure(TimestampMs now) {
    ++consecutiveFailures_;
    if (state_ == State::HalfOpen) {
        trialInFlight_ = false;
        open(now);
    } else if (state_ == State::Closed && consecutiveFailures_ >= config_.failureThreshold) {
        open(now);
    }
}

void CircuitBreaker::open(TimestampMs now) {
    state_ = State::Open;
    openedAt_ = now;
    trialOks_ = 0;
    ++timesOpened_;
}

std::string_view breakerStateName(CircuitBreaker::State s) {
    switch (s) {
    case CircuitBreaker::State::Closed: return "closed";
    case CircuitBreaker::State::Open: return "open";
    case CircuitBreaker::State::HalfOpen: return "half-open";
    }
    return "?";
}

}  // namespace vigil::remedy
