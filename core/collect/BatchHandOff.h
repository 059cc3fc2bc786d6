// The RecordSink contract on a source's side: offer a batch; if the sink is
// full keep it and offer it again on a timer until it is taken, and only then
// let the source go on (its `then`). While a batch waits, busy() is true and a
// source reads nothing new, so a slow engine slows the source instead of
// growing a buffer. Used on one strand (the source's); not thread-safe.
#pragma once

#include "collect/RecordSink.h"
#include "collect/SourceCounters.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace vigil::collect {

class BatchHandOff {
public:
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

    BatchHandOff(Strand& strand, RecordSink& sink, SourceCounters& counters, std::chrono::milliseconds retry)
        : timer_(strand), sink_(sink), counters_(counters), retry_(retry) {}

    bool busy() const { return !pending_.empty(); }

    // An empty batch calls `then` at once. Otherwise `then` runs once the sink took it.
    void offer(std::vector<Record> batch, std::function<void()> then) {
        if (batch.empty()) {
            if (then) then();
            return;
        }
        pending_ = std::move(batch);
        then_ = std::move(then);
        tryOffer();
    }

    // Drops a waiting batch (the source is stopping); its records are counted as dropped.
    void cancel() {
        timer_.cancel();
        if (!pending_.empty()) SourceCounters::bump(counters_.dropped, pending_.size());
        pending_.clear();
        then_ = nullptr;
    }

private:
    void tryOffer() {
        const std::size_t n = pending_.size();
        if (sink_.offer(pending_)) {
            SourceCounters::bump(counters_.recordsOffered, n);
            pending_.clear();
            auto then = std::move(then_);
            then_ = nullptr;
            if (then) then();
            return;
        }
        SourceCounters::bump(counters_.offersRefused);
        timer_.expires_after(retry_);
        timer_.async_wait([this](const boost::system::error_code& ec) {
            if (!ec && !pending_.empty()) tryOffer();
        });
    }

    boost::asio::steady_timer timer_;
    RecordSink& sink_;
    SourceCounters& counters_;
    std::chrono::milliseconds retry_;
    std::vector<Record> pending_;
    std::function<void()> then_;
};

}  // namespace vigil::collect
