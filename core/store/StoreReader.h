// Read access to a Vigil database on its own read-only connection (WAL lets it
// read while the writer thread commits). Each query sees one consistent
// snapshot. Not thread-safe: one reader per thread. Time ranges are half-open,
// [fromTs, toTs).
#pragma once

#include "record/Record.h"
#include "store/AuditEntry.h"
#include "store/ImportEntry.h"
#include "store/Database.h"
#include "store/Result.h"

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::store {

struct StoreCounts {
    std::array<std::int64_t, kRecordKindCount> perKind{};  // rows per RecordKind (incidents, actions: distinct ids)
    std::int64_t series = 0;
    std::int64_t audit = 0;
    std::int64_t records() const;  // sum of perKind
};

struct SeriesKey {
    std::string series;
    std::string target;
    bool operator==(const SeriesKey&) const = default;
};

struct MetricPoint {
    TimestampMs ts = 0;
    double value = 0.0;
    bool operator==(const MetricPoint&) const = default;
};

inline constexpr TimestampMs kBeginningOfTime = std::numeric_limits<TimestampMs>::min();
inline constexpr TimestampMs kEndOfTime = std::numeric_limits<TimestampMs>::max();

class StoreReader {
public:
    static Result<std::unique_ptr<StoreReader>> open(const std::string& path);
    ~StoreReader();

    const std::string& path() const { return db_.path(); }

    Result<StoreCounts> counts() const;
    Result<std::vector<SeriesKey>> series() const;  // ordered by series, target
    // Points of one series in time order (insertion order within a timestamp).
    Result<std::vector<MetricPoint>> metrics(const std::string& series, const std::string& target,
                                             TimestampMs fromTs = kBeginningOfTime, TimestampMs toTs = kEndOfTime) const;
    // Task, tx or log records, decoded from their stored NDJSON, in time order.
    Result<std::vector<Record>> events(RecordKind kind, TimestampMs fromTs = kBeginningOfTime,
                                       TimestampMs toTs = kEndOfTime) const;
    Result<std::vector<Anomaly>> anomalies(TimestampMs fromTs = kBeginningOfTime, TimestampMs toTs = kEndOfTime) const;
    // Latest state of every incident, most recently opened first.
    Result<std::vector<Incident>> incidents() const;
    // How many updates were folded into an incident's latest state (0 = unknown id).
    Result<std::int64_t> incidentUpdates(const std::string& id) const;
    Result<std::vector<Action>> actions() const;  // latest state, in time order
    // Every approval decision in the order it was written; actionId filters.
    Result<std::vector<Approval>> approvals(const std::string& actionId = {}) const;
    Result<std::vector<Outcome>> outcomes() const;
    // Audit entries with seq >= fromSeq in seq order; limit < 0 = all.
    Result<std::vector<AuditEntry>> audit(std::int64_t fromSeq = 1, std::int64_t limit = -1) const;
    Result<std::optional<AuditEntry>> lastAudit() const;
    // Imported log files in import order; the one with this content hash, if any.
    Result<std::vector<ImportEntry>> imports() const;
    Result<std::optional<ImportEntry>> importWithHash(const std::string& sha256) const;

private:
    explicit StoreReader(Database db);
    Database db_;
};

}  // namespace vigil::store
