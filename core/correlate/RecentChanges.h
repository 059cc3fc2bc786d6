// "What changed?" — the first question on call. Remembers the last few log lines per
// source that announce a change (a deploy, an upgrade, a config reload, a restart, a
// rollback) so an incident's narrative can name the change that preceded it. Only
// record times are used, and memory is bounded (sources and lines per source).
#pragma once

#include "record/Recency.h"

#include "record/Record.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

struct Change {
    TimestampMs ts = 0;
    std::string source;   // the log line's source, a bare name ("agent-11")
    std::string message;
};

class RecentChanges {
public:
    // Copies point their entries at their own recency list (record/Recency.h); every member listed.
    RecentChanges(const RecentChanges& o)
        : maxSources_(o.maxSources_),
          perSource_(o.perSource_),
          bySource_(o.bySource_),
          recency_(o.recency_),
          evicted_(o.evicted_) {
        recency_.relink(bySource_);
    }
    RecentChanges& operator=(const RecentChanges& o) { return *this = RecentChanges(o); }
    RecentChanges(RecentChanges&&) = default;
    RecentChanges& operator=(RecentChanges&&) = default;
    explicit RecentChanges(std::size_t maxSources = 1024, std::size_t perSource = 4)
        : maxSources_(maxSources), perSource_(perSource) {}

    // True when the message announces a change (whole words, any case).
    static bool announcesChange(std::string_view message);

    void observe(const LogLine& line);
    // The newest change of `source` in [from, to], if any.
    const Change* latest(std::string_view source, TimestampMs from, TimestampMs to) const;
    std::size_t sources() const { return bySource_.size(); }
    std::uint64_t evicted() const { return evicted_; }  // sources forgotten to stay within maxSources

private:
    struct Entry {
        std::deque<Change> changes;
        Recency<std::string>::Mark recency;
    };
    std::size_t maxSources_, perSource_;
    std::map<std::string, Entry, std::less<>> bySource_;
    Recency<std::string> recency_;  // which source announced a change least recently
    std::uint64_t evicted_ = 0;
};

}  // namespace vigil
