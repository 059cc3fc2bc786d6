// One engine records into a database at a time. Two engines (replays, `vigilctl
// run`, consoles) appending to one file would interleave their streams and each
// believe it owns the data; so each takes an exclusive advisory lock (flock) on
// "<database>.lock" for as long as it records, and writes its PID and command
// line into that file so the one refused can say who holds it. The kernel drops
// an flock when its process dies, kill -9 included: no stale lock to clean up.
// Readers and commands that record one decision do not take it.
#pragma once

#include "store/Result.h"

#include <string>

namespace vigil::store {

class EngineLock {
public:
    // Locks "<dbPath>.lock" (created if missing). Fails, without waiting, with
    // "<dbPath>: another engine is recording into this database: pid N (command)".
    static Result<EngineLock> acquire(const std::string& dbPath);

    EngineLock() = default;
    ~EngineLock();  // releases
    EngineLock(EngineLock&& o) noexcept;
    EngineLock& operator=(EngineLock&& o) noexcept;
    EngineLock(const EngineLock&) = delete;
    EngineLock& operator=(const EngineLock&) = delete;

    bool held() const { return fd_ >= 0; }
    const std::string& lockPath() const { return lockPath_; }
    void release();

private:
    int fd_ = -1;
    std::string lockPath_;
};

}  // namespace vigil::store
