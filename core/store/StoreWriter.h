// The store's one writer: a thread that owns the read-write connection and
// commits record batches in batched transactions with prepared statements.
// Producers hand it batches through a bounded queue: append() blocks while the
// queue is full (backpressure), so nothing is dropped and memory stays bounded.
// A row that fails to write is counted and reported in stats(), never lost
// silently.
#pragma once

#include "record/Record.h"
#include "store/AuditEntry.h"
#include "store/ImportEntry.h"
#include "store/Result.h"

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace vigil::store {

// Chains one appended batch of audit entries onto the log as stored: called by
// the writer thread inside its open write transaction, just before the rows are
// inserted; sets seq, prev_hash and hash, and may write meta rows (the seal).
// core/audit provides it, so the store knows no hashing. False with a reason:
// the batch is not written and is counted as failed.
using AuditChainHook = std::function<bool(sqlite3* db, std::vector<AuditEntry>& entries, std::string& error)>;

struct StoreWriterOptions {
    std::size_t queueCapacity = 64;               // batches waiting for the writer
    std::size_t maxRowsPerTransaction = 65536;    // a transaction also ends when the queue runs dry
    AuditChainHook chainAudit;                    // unset: audit entries are written as given
    // An import: everything appended goes into ONE transaction that only
    // commitImport() commits. close() without it, a failed row, a signal or
    // kill -9 leave the database as it was (docs/storage.md, "Imports").
    bool singleTransaction = false;
};

struct StoreWriterStats {
    std::array<std::int64_t, kRecordKindCount> rowsWritten{};  // committed, per RecordKind
    std::int64_t auditWritten = 0;
    std::int64_t transactions = 0;     // committed
    std::int64_t rowsFailed = 0;       // rows that are not in the database, each counted once
    std::int64_t errorCount = 0;       // failures (one may cover many rows, e.g. a failed commit)
    std::vector<std::string> errors;   // the first kMaxKeptErrors reasons, each naming the path
    std::int64_t producerWaits = 0;    // append() calls that found the queue full
    static constexpr std::size_t kMaxKeptErrors = 100;

    std::int64_t recordsWritten() const;  // sum of rowsWritten
};

class StoreWriter {
public:
    // Opens (creating or migrating) the database on the caller's thread, so the
    // error comes back at once, then starts the writer thread.
    static Result<std::unique_ptr<StoreWriter>> open(const std::string& path, StoreWriterOptions opts = {});

    ~StoreWriter();  // close()
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    // Queues a batch; blocks while the queue is full. False (batch not taken)
    // only after close().
    bool append(std::vector<Record> batch);
    bool appendAudit(std::vector<AuditEntry> entries);

    // Returns once everything appended before the call is committed (or has
    // failed and been counted in stats()).
    void flush();
    // Writes what is queued, stops the thread, closes the connection. Idempotent.
    // With singleTransaction it rolls the import back instead (queued rows are
    // dropped), counting the rows not kept in stats().rowsFailed.
    void close();
    // singleTransaction only: writes what is queued, records `import` (table
    // imports) and commits everything as one transaction, then closes. Fails,
    // rolling everything back, when any row failed or the commit fails (e.g.
    // the same sha256 is already imported).
    Status commitImport(const ImportEntry& import);

    StoreWriterStats stats() const;
    std::size_t queueDepth() const;
    const std::string& path() const { return path_; }

private:
    struct Impl;
    struct Item {
        std::vector<Record> records;
        std::vector<AuditEntry> audit;
        std::uint64_t seq = 0;
        std::size_t rows() const { return records.size() + audit.size(); }
    };

    StoreWriter(std::string path, StoreWriterOptions opts, std::unique_ptr<Impl> impl);
    bool enqueue(Item item);
    void run();
    void writeItems(std::vector<Item>& items);
    void fail(std::string reason, std::int64_t rows);
    void finish(const ImportEntry* import, Status* result);

    const std::string path_;
    StoreWriterOptions opts_;
    std::unique_ptr<Impl> impl_;  // connection + prepared statements, writer thread only

    mutable std::mutex m_;
    std::condition_variable notFull_, notEmpty_, committed_;
    std::deque<Item> queue_;
    std::uint64_t appendedSeq_ = 0, doneSeq_ = 0;
    bool closing_ = false;
    StoreWriterStats stats_;
    std::thread thread_;

    // singleTransaction: rows in the open transaction (writer thread, then the
    // closing thread after the join) and whether the import already failed.
    std::array<std::int64_t, kRecordKindCount> heldPerKind_{};
    std::int64_t heldAudit_ = 0, heldRows_ = 0;
    bool importFailed_ = false;
};

}  // namespace vigil::store
