// A bounded multi-producer, single-consumer hand-over queue. When it is full,
// push() blocks the producer (backpressure): nothing is ever dropped, and memory
// never grows without bound. close() wakes everybody; pop() then drains what is left.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace vigil {

template <class T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : cap_(capacity ? capacity : 1) {}

    // Blocks while full. Returns false (and keeps nothing) only after close().
    bool push(T item) {
        std::unique_lock lk(m_);
        if (items_.size() >= cap_) ++producerWaits_;
        notFull_.wait(lk, [&] { return items_.size() < cap_ || closed_; });
        if (closed_) return false;
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
        return true;
    }

    bool tryPush(T& item) {
        std::lock_guard lk(m_);
        if (closed_ || items_.size() >= cap_) return false;
        items_.push_back(std::move(item));
        notEmpty_.notify_one();
        return true;
    }

    // Blocks until an item arrives; nullopt once closed and empty.
    std::optional<T> pop() {
        std::unique_lock lk(m_);
        notEmpty_.wait(lk, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return std::nullopt;
        T v = std::move(items_.front());
        items_.pop_front();
        notFull_.notify_one();
        return v;
    }

    void close() {
        std::lock_guard lk(m_);
        closed_ = true;
        notEmpty_.notify_all();
        notFull_.notify_all();
    }

    std::size_t size() const {
        std::lock_guard lk(m_);
        return items_.size();
    }
    std::size_t capacity() const { return cap_; }
    // How many push() calls found the queue full and had to wait.
    std::size_t producerWaits() const {
        std::lock_guard lk(m_);
        return producerWaits_;
    }

private:
    const std::size_t cap_;
    mutable std::mutex m_;
    std::condition_variable notEmpty_, notFull_;
    std::deque<T> items_;
    std::size_t producerWaits_ = 0;
    bool closed_ = false;
};

}  // namespace vigil
