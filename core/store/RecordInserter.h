// Writes records into their tables with statements prepared once. Used by the
// writer thread only (one connection, one thread). Transactions are explicit:
// begin(), insert..., commit() or rollback(); the series-id cache forgets ids
// created by a transaction that did not commit.
//
// Metric samples are held until commit() and then inserted grouped by series
// (stable, so each series keeps its order), one metric_blocks row per series
// describing the rowid and time range it occupies. Appending to a plain rowid
// table plus a few block rows is about twice as fast as maintaining a per-row
// (series_id, ts) index (docs/storage.md).
#pragma once

#include "record/Record.h"
#include "store/AuditEntry.h"
#include "store/ImportEntry.h"
#include "store/Result.h"
#include "store/Statement.h"

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil::store {

class RecordInserter {
public:
    // Prepares every statement and loads the existing series dictionary.
    Status prepare(sqlite3* db, const std::string& path);

    bool begin(std::string& error);
    // Writes the held metric samples, then commits. On failure the caller
    // rolls back: every row of the transaction is lost and must be reported.
    bool commit(std::string& error);
    void rollback();
    // True while a transaction is open (SQLite may roll one back by itself on
    // I/O errors; the caller checks this after a failed insert).
    bool inTransaction() const;

    // False with a reason on failure; the transaction stays usable unless
    // inTransaction() turns false.
    bool insert(const Record& r, std::string& error);
    bool insertAudit(const AuditEntry& e, std::string& error);
    bool insertImport(const ImportEntry& e, std::string& error);
    // Writes the held metric samples without committing: a long transaction
    // (an import) calls it per work list so memory stays bounded.
    bool writeHeldMetrics(std::string& error);

    sqlite3* handle() const { return db_; }

private:
    struct HeldMetric {
        std::int64_t seriesId;
        TimestampMs ts;
        double value;
    };
    bool insertMetric(const MetricSample& m, std::string& error);
    bool seriesId(const MetricSample& m, std::int64_t& id, std::string& error);
    bool insertEvent(std::string_view kind, std::string_view agent, std::string_view subject, std::string_view state,
                     const Record& r, std::string& error);
    bool insertIncident(const Incident& i, std::string& error);

    sqlite3* db_ = nullptr;
    Statement begin_, commit_, rollback_;
    Statement series_, seriesLookup_, metric_, block_, event_, anomaly_, incident_, targetsDelete_, target_, action_,
        approval_, outcome_, auditAuto_, audit_, import_;
    std::unordered_map<std::string, std::int64_t> seriesIds_;
    std::vector<std::string> newSeries_;  // keys added since begin()
    std::vector<HeldMetric> held_;        // metric samples of the open transaction
    std::string key_, body_, messages_;   // scratch, reused to avoid allocations
};

}  // namespace vigil::store
