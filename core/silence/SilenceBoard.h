// The hand-over of silences to a running engine, like the live policy: a poller
// (or a test, or the console) publishes a new set; the engine thread takes the
// current one without ever waiting on the store (a pointer copy under a short
// lock, and only when the generation moved). Readers keep the set they took, so
// a publish never changes a set under a decision in progress.
#pragma once

#include "silence/SilenceMatch.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace vigil::silence {

class SilenceBoard {
public:
    SilenceBoard() : current_(std::make_shared<const SilenceSet>()) {}
    // Replaces the set; bumps the generation only when it differs.
    void publish(std::vector<Silence> silences);
    std::shared_ptr<const SilenceSet> current() const;
    std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const SilenceSet> current_;
    std::atomic<std::uint64_t> generation_{0};
};

// A reader's cached view of a board: refreshed only when the board's generation
// moved (one atomic load per look otherwise). One per reading thread.
class SilenceView {
public:
    explicit SilenceView(std::shared_ptr<const SilenceBoard> board) : board_(std::move(board)) {}
    const SilenceSet& set();

private:
    std::shared_ptr<const SilenceBoard> board_;
    std::shared_ptr<const SilenceSet> set_;
    std::uint64_t seen_ = ~std::uint64_t(0);
};

}  // namespace vigil::silence
