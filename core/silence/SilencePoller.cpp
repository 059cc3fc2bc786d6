#include "silence/SilencePoller.h"

#include "silence/SilenceTable.h"

#include <limits>

namespace vigil::silence {

SilencePoller::SilencePoller(std::string dbPath, std::shared_ptr<SilenceBoard> board, std::chrono::milliseconds interval)
    : dbPath_(std::move(dbPath)), board_(std::move(board)), thread_(interval, [this] {
          pollOnce();  // a failed poll is kept in lastError() and retried at the next tick
          return true;
      }) {}

SilencePoller::~SilencePoller() { stop(); }

bool SilencePoller::pollOnce() {
    // A fresh connection each time: cheap at 1 Hz, and a database created or
    // migrated after we started is simply picked up.
    std::string error;
    auto db = store::Database::open(dbPath_, store::OpenMode::ReadOnly);
    if (db) {  // read-only opens only a database at the current schema
        SilenceTable table(*db);
        // Every silence: engine time is the records' time (a replay runs in the
        // past, a fast demo ahead of the wall clock), so the engine decides.
        auto rows = table.list(std::numeric_limits<TimestampMs>::min());
        if (rows) board_->publish(std::move(rows.value()));
        else error = rows.error();
    } else {
        error = db.error();
    }
    std::lock_guard lk(mutex_);
    ++polls_;
    lastError_ = error;
    return error.empty();
}

void SilencePoller::start() { thread_.start(); }

void SilencePoller::stop() { thread_.stop(); }

std::string SilencePoller::lastError() const {
    std::lock_guard lk(mutex_);
    return lastError_;
}

std::int64_t SilencePoller::polls() const {
    std::lock_guard lk(mutex_);
    return polls_;
}

}  // namespace vigil::silence
