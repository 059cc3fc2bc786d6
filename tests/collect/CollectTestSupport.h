// Test doubles for the collectors: a RecordSink that keeps what it is offered
// (thread-safe: the source offers on its io thread, the test reads on its own)
// and can refuse the first N offers, and an io_context run on a thread.
#pragma once

#include "collect/RecordSink.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace collecttest {

class VectorSink final : public vigil::collect::RecordSink {
public:
    bool offer(std::vector<vigil::Record>& batch) override {
        std::lock_guard lock(mutex_);
        ++offers_;
        if (refuse_ > 0) {
            --refuse_;
            return false;
        }
        for (auto& r : batch) records_.push_back(std::move(r));
        batch.clear();
        ++accepted_;
        return true;
    }
    void refuseNext(int n) {
        std::lock_guard lock(mutex_);
        refuse_ = n;
    }
    std::vector<vigil::Record> records() const {
        std::lock_guard lock(mutex_);
        return records_;
    }
    int offers() const {
        std::lock_guard lock(mutex_);
        return offers_;
    }
    int accepted() const {
        std::lock_guard lock(mutex_);
        return accepted_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<vigil::Record> records_;
    int refuse_ = 0, offers_ = 0, accepted_ = 0;
};

// An io_context on its own thread, as the apps run collectors; joined on destruction.
class IoThread {
public:
    IoThread() : guard_(boost::asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}
    ~IoThread() { join(); }
    void join() {
        if (!thread_.joinable()) return;
        guard_.reset();
        io_.stop();
        thread_.join();
    }
    boost::asio::io_context& io() { return io_; }

private:
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::thread thread_;
};

// Metric values of `series` on `target`, in order.
inline std::vector<std::pair<vigil::TimestampMs, double>> values(const std::vector<vigil::Record>& rs,
                                                                  const std::string& series,
                                                                  const std::string& target) {
    std::vector<std::pair<vigil::TimestampMs, double>> out;
    for (const auto& r : rs)
        if (const auto* m = std::get_if<vigil::MetricSample>(&r); m && m->series == series && m->target == target)
            out.emplace_back(m->ts, m->value);
    return out;
}

}  // namespace collecttest
