// The skeleton of the interval sources (RpcProber, PrometheusScraper, PromQuery):
// a strand of the collectors' io_context, a fixed-rate timer from start(), stop(),
// counters, and the hand-over of each round's batch (BatchHandOff). Rounds never
// overlap: a round still running, or its batch still refused by the sink, when the
// next is due makes that one start late (when the first is through), never twice.
// A source derives from it, implements startRound() and calls roundDone(batch)
// once every request of the round has answered or hit its deadline.
#pragma once

#include "collect/BatchHandOff.h"

#include <boost/asio/dispatch.hpp>

#include <atomic>
#include <chrono>
#include <memory>

namespace vigil::collect {

class PeriodicRounds : public std::enable_shared_from_this<PeriodicRounds> {
public:
    using Strand = BatchHandOff::Strand;

    PeriodicRounds(boost::asio::io_context& io, std::chrono::milliseconds interval, std::chrono::milliseconds offerRetry,
                   RecordSink& sink)
        : io_(io), strand_(boost::asio::make_strand(io)), timer_(strand_), interval_(interval),
          handOff_(strand_, sink, counters_, offerRetry) {}
    virtual ~PeriodicRounds() = default;

    void start() {  // the first round at once, then every interval
        boost::asio::dispatch(strand_, [self = shared_from_this()] {
            if (self->stopped_ || self->started_) return;
            self->started_ = true;
            self->next_ = std::chrono::steady_clock::now();
            self->onTick();
        });
    }
    void stop() {  // no further rounds or offers; requests in flight end within their deadline
        boost::asio::dispatch(strand_, [self = shared_from_this()] {
            self->stopped_ = true;
            self->timer_.cancel();
            self->handOff_.cancel();
        });
    }

    SourceCounters counters_;
    std::atomic<std::uint64_t> rounds_{0};  // rounds completed and handed to the sink

protected:
    virtual void startRound() = 0;

    // The round's records, in order; the next round may start once the sink took them.
    void roundDone(std::vector<Record> batch) {
        inRound_ = false;
        if (stopped_) return;
        rounds_.fetch_add(1, std::memory_order_relaxed);
        handOff_.offer(std::move(batch), [this] {
            if (due_ && !stopped_) beginRound();
        });
    }

    // shared_from_this() as the source's own type, for its callbacks.
    template <class Source>
    std::shared_ptr<Source> self() {
        return std::static_pointer_cast<Source>(shared_from_this());
    }

    boost::asio::io_context& io_;
    Strand strand_;
    bool stopped_ = false;

private:
    void onTick() {
        if (stopped_) return;
        next_ += interval_;
        timer_.expires_at(next_);
        timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
            if (!ec) self->onTick();
        });
        if (inRound_ || handOff_.busy()) {
            due_ = true;
            return;
        }
        beginRound();
    }
    void beginRound() {
        due_ = false;
        inRound_ = true;
        startRound();
    }

    boost::asio::steady_timer timer_;
    std::chrono::milliseconds interval_;
    BatchHandOff handOff_;
    std::chrono::steady_clock::time_point next_;
    bool started_ = false, due_ = false, inRound_ = false;
};

}  // namespace vigil::collect
