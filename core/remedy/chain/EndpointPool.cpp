#include "remedy/chain/EndpointPool.h"

#include <algorithm>
#include <cmath>

namespace vigil::remedy {

EndpointPool::EndpointPool(std::string chain, std::vector<PoolEndpoint> endpoints, const Clock& clock,
                           PoolConfig config)
    : chain_(std::move(chain)), clock_(clock), config_(config) {
    for (auto& e : endpoints) {
        Slot s{std::move(e), CircuitBreaker(config_.breaker), {}};
        s.stats.name = s.endpoint.name;
        slots_.push_back(std::move(s));
    }
}

bool EndpointPool::isEndpointFailure(const net::RpcResponse& r) {
    return net::isTransportFailure(r.error) || (r.error == net::NetError::RpcError && r.code == -32005);
}

double EndpointPool::errorRateAt(const EndpointStatus& s, TimestampMs now) const {
    if (s.errorRate == 0 || now <= s.errorAt) return s.errorRate;
    return s.errorRate * std::exp2(-static_cast<double>(now - s.errorAt) / config_.errorHalfLifeMs);
}

std::vector<std::size_t> EndpointPool::rankLocked(TimestampMs now) const {
    std::vector<std::size_t> order(slots_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto score = [&](std::size_t i) {
        const auto& s = slots_[i].stats;
        return s.latencyMs + errorRateAt(s, now) * config_.errorPenaltyMs +
               static_cast<double>(i) * config_.preferencePenaltyMs;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool oa = slots_[a].breaker.wouldAllow(now), ob = slots_[b].breaker.wouldAllow(now);
        if (oa != ob) return oa;
        return score(a) < score(b);
    });
    return order;
}

net::RpcResponse EndpointPool::attempt(std::size_t i, std::string_view method, std::string_view params) {
    const TimestampMs start = clock_.now();
    auto r = slots_[i].endpoint.caller->call(method, params);  // outside the lock: may take a deadline
    const TimestampMs end = clock_.now();
    std::lock_guard lock(mutex_);
    auto& slot = slots_[i];
    auto& st = slot.stats;
    ++st.calls;
    const bool failed = isEndpointFailure(r);
    const double rate = errorRateAt(st, end);
    st.errorAt = end;
    if (failed) {
        ++st.transportFailures;
        st.errorRate = rate + config_.errorAlpha * (1.0 - rate);
        slot.breaker.onFailure(end);
    } else {
        ++st.answers;
        st.rpcErrors += r.error == net::NetError::RpcError;
        const double ms = static_cast<double>(end - start);
        st.latencyMs = st.answers == 1 ? ms : st.latencyMs + config_.latencyAlpha * (ms - st.latencyMs);
        st.errorRate = rate * (1.0 - config_.errorAlpha);
        const bool wasTrial = slot.breaker.state() == CircuitBreaker::State::HalfOpen;
        slot.breaker.onSuccess(end);
        // Trials passed: the endpoint has proved itself, its old failures no
        // longer rank it down (this is what makes fail-back happen).
        if (wasTrial && slot.breaker.state() == CircuitBreaker::State::Closed) st.errorRate = 0;
    }
    st.state = slot.breaker.state();
    st.timesOpened = slot.breaker.timesOpened();
    if (r.endpoint.empty()) r.endpoint = slot.endpoint.name;
    return r;
}

net::RpcResponse EndpointPool::call(std::string_view method, std::string_view params) {
    std::vector<std::size_t> order;
    {
        std::lock_guard lock(mutex_);
        order = rankLocked(clock_.now());
    }
    net::RpcResponse last;
    bool anyFailed = false;
    std::vector<bool> tried(slots_.size(), false);
    // First pass: endpoints whose breaker admits a call. Second pass (all
    // breakers open): the rest anyway, best first, so no call is dropped
    // while any endpoint might answer.
    for (int pass = 0; pass < 2; ++pass) {
        for (const std::size_t i : order) {
            if (tried[i]) continue;
            if (pass == 0) {
                std::lock_guard lock(mutex_);
                if (!slots_[i].breaker.allow(clock_.now())) continue;
            }
            tried[i] = true;
            auto r = attempt(i, method, params);
            if (!isEndpointFailure(r)) {
                std::lock_guard lock(mutex_);
                lastServedBy_ = i;
                failovers_ += anyFailed;
                return r;
            }
            anyFailed = true;
            last = std::move(r);
        }
        if (anyFailed) break;  // every admitted endpoint failed: report, don't hammer open ones
    }
    std::lock_guard lock(mutex_);
    ++failedCalls_;
    if (!anyFailed) {
        last.error = net::NetError::Network;
        last.message = chain_ + ": no endpoint configured";
    } else {
        last.message = chain_ + ": every endpoint failed; last: " + last.message;
    }
    return last;
}

std::vector<EndpointStatus> EndpointPool::status() const {
    std::lock_guard lock(mutex_);
    std::vector<EndpointStatus> out;
    const TimestampMs now = clock_.now();
    for (const auto& s : slots_) {
        out.push_back(s.stats);
        out.back().state = s.breaker.state();
        out.back().errorRate = errorRateAt(s.stats, now);
        out.back().errorAt = now;
    }
    return out;
}

std::size_t EndpointPool::preferred() const {
    std::lock_guard lock(mutex_);
    return slots_.empty() ? 0 : rankLocked(clock_.now()).front();
}

std::size_t EndpointPool::lastServedBy() const {
    std::lock_guard lock(mutex_);
    return lastServedBy_;
}

std::uint64_t EndpointPool::failovers() const {
    std::lock_guard lock(mutex_);
    return failovers_;
}

std::uint64_t EndpointPool::failedCalls() const {
    std::lock_guard lock(mutex_);
    return failedCalls_;
}

}  // namespace vigil::remedy
