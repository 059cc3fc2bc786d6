#include "store/StoreWriter.h"

#include "record/ThreadName.h"
#include "store/Database.h"
#include "store/RecordInserter.h"

#include <algorithm>
#include <numeric>

namespace vigil::store {

struct StoreWriter::Impl {
    Database db;            // declared first: destroyed after the statements
    RecordInserter inserter;
    std::once_flag closeOnce;
    bool threadDone = false;  // guarded by StoreWriter::m_
};

std::int64_t StoreWriterStats::recordsWritten() const {
    return std::accumulate(rowsWritten.begin(), rowsWritten.end(), std::int64_t{0});
}

Result<std::unique_ptr<StoreWriter>> StoreWriter::open(const std::string& path, StoreWriterOptions opts) {
    auto db = Database::open(path, OpenMode::ReadWrite);
    if (!db) return Status::failure(db.error());
    auto impl = std::make_unique<Impl>();
    impl->db = std::move(db).value();
    if (Status s = impl->inserter.prepare(impl->db.handle(), path); !s) return s;
    opts.queueCapacity = std::max<std::size_t>(opts.queueCapacity, 1);
    opts.maxRowsPerTransaction = std::max<std::size_t>(opts.maxRowsPerTransaction, 1);
    return std::unique_ptr<StoreWriter>(new StoreWriter(path, opts, std::move(impl)));
}

StoreWriter::StoreWriter(std::string path, StoreWriterOptions opts, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), opts_(opts), impl_(std::move(impl)) {
    thread_ = std::thread([this] {
        nameThisThread("vigil-store");
        run();
    });
}

StoreWriter::~StoreWriter() { close(); }

bool StoreWriter::append(std::vector<Record> batch) {
    Item item;
    item.records = std::move(batch);
    return enqueue(std::move(item));
}

bool StoreWriter::appendAudit(std::vector<AuditEntry> entries) {
    Item item;
    item.audit = std::move(entries);
    return enqueue(std::move(item));
}

bool StoreWriter::enqueue(Item item) {
    std::unique_lock lk(m_);
    if (closing_) return false;
    if (item.rows() == 0) return true;
    if (queue_.size() >= opts_.queueCapacity) ++stats_.producerWaits;
    notFull_.wait(lk, [&] { return queue_.size() < opts_.queueCapacity || closing_; });
    if (closing_) return false;
    item.seq = ++appendedSeq_;
    queue_.push_back(std::move(item));
    notEmpty_.notify_one();
    return true;
}

void StoreWriter::flush() {
    std::unique_lock lk(m_);
    const std::uint64_t target = appendedSeq_;
    committed_.wait(lk, [&] { return doneSeq_ >= target || impl_->threadDone; });
}

void StoreWriter::close() {
    std::call_once(impl_->closeOnce, [this] { finish(nullptr, nullptr); });
}

Status StoreWriter::commitImport(const ImportEntry& import) {
    if (!opts_.singleTransaction) return Status::failure(path_ + ": commitImport() needs a single-transaction writer");
    Status result = Status::failure(path_ + ": the writer was already closed, nothing committed");
    std::call_once(impl_->closeOnce, [&] { finish(&import, &result); });
    return result;
}

void StoreWriter::finish(const ImportEntry* import, Status* result) {
    // An import closed without commitImport() is abandoned: what is still
    // queued is not worth writing into a transaction that will be rolled back.
    const bool abandon = opts_.singleTransaction && !import;
    std::int64_t dropped = 0;
    {
        std::lock_guard lk(m_);
        closing_ = true;
        if (abandon) {
            for (const Item& it : queue_) dropped += static_cast<std::int64_t>(it.rows());
            queue_.clear();
        }
    }
    notEmpty_.notify_all();
    notFull_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (abandon) committed_.notify_all();

    if (opts_.singleTransaction) {  // the writer thread is gone: this thread owns the connection now
        RecordInserter& ins = impl_->inserter;
        std::string err;
        if (import && !importFailed_) {
            bool ok = ins.inTransaction() || ins.begin(err);
            ok = ok && ins.insertImport(*import, err) && ins.commit(err);
            if (ok) {
                std::lock_guard lk(m_);
                for (int k = 0; k < kRecordKindCount; ++k) stats_.rowsWritten[k] += heldPerKind_[k];
                stats_.auditWritten += heldAudit_;
                ++stats_.transactions;
                *result = Status();
            } else {
                ins.rollback();
                const std::string why = path_ + ": cannot commit the import of " + import->path + ", " +
                                        std::to_string(heldRows_) + " rows rolled back: " + err;
                fail(why, heldRows_);
                *result = Status::failure(why);
            }
        } else {
            ins.rollback();
            const std::int64_t lost = heldRows_ + dropped;
            if (lost > 0) fail(path_ + ": import not committed, " + std::to_string(lost) + " rows rolled back", lost);
            if (result)
                *result = Status::failure(path_ + ": the import was rolled back, the database is as it was before");
        }
        heldPerKind_.fill(0);
        heldAudit_ = heldRows_ = 0;
    }
    impl_->inserter = RecordInserter();  // finalize statements before the connection closes
    impl_->db.close();
}

StoreWriterStats StoreWriter::stats() const {
    std::lock_guard lk(m_);
    return stats_;
}

std::size_t StoreWriter::queueDepth() const {
    std::lock_guard lk(m_);
    return queue_.size();
}

void StoreWriter::run() {
    std::vector<Item> work;
    for (;;) {
        {
            std::unique_lock lk(m_);
            notEmpty_.wait(lk, [&] { return !queue_.empty() || closing_; });
            if (queue_.empty()) break;  // closing, and everything queued is written
            // Take what is waiting, up to one transaction's worth of rows; a
            // transaction ends when the queue runs dry, so latency stays low
            // when the load is light.
            std::size_t rows = 0;
            while (!queue_.empty() && (work.empty() || rows + queue_.front().rows() <= opts_.maxRowsPerTransaction)) {
                rows += queue_.front().rows();
                work.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        notFull_.notify_all();
        writeItems(work);
        {
            std::lock_guard lk(m_);
            doneSeq_ = work.back().seq;
        }
        committed_.notify_all();
        work.clear();
    }
    {
        std::lock_guard lk(m_);
        impl_->threadDone = true;
    }
    committed_.notify_all();
}

void StoreWriter::fail(std::string reason, std::int64_t rows) {
    std::lock_guard lk(m_);
    ++stats_.errorCount;
    stats_.rowsFailed += rows;
    if (stats_.errors.size() < StoreWriterStats::kMaxKeptErrors) stats_.errors.push_back(std::move(reason));
}

void StoreWriter::writeItems(std::vector<Item>& items) {
    RecordInserter& ins = impl_->inserter;
    std::int64_t remaining = 0;
    for (const Item& it : items) remaining += static_cast<std::int64_t>(it.rows());
    const bool single = opts_.singleTransaction;
    if (single && importFailed_) {  // already rolled back and reported: these rows are not kept either
        std::lock_guard lk(m_);
        stats_.rowsFailed += remaining;
        return;
    }

    std::array<std::int64_t, kRecordKindCount> pending{};
    std::int64_t pendingAudit = 0, inTxn = 0;
    bool open = single && ins.inTransaction();
    std::string err;

    auto dropPending = [&] {
        pending.fill(0);
        pendingAudit = 0;
        inTxn = 0;
        open = false;
    };
    // An import that cannot write a row is rolled back whole: a partial import
    // would be garbage no one can tell from real data.
    auto abandonImport = [&](const std::string& why, std::int64_t rows) {
        ins.rollback();
        importFailed_ = true;
        const std::int64_t lost = heldRows_ + inTxn + rows + remaining;
        fail(path_ + ": " + why + "; the import is rolled back, " + std::to_string(lost) + " rows not written", lost);
        heldPerKind_.fill(0);
        heldAudit_ = heldRows_ = 0;
        dropPending();
    };
    auto commit = [&] {
        if (!open) return;
        if (single) {  // bound memory: write the held metrics, keep the transaction open
            if (!ins.writeHeldMetrics(err)) {
                abandonImport("cannot write metric rows: " + err, 0);
                return;
            }
            for (int k = 0; k < kRecordKindCount; ++k) heldPerKind_[k] += pending[k];
            heldAudit_ += pendingAudit;
            heldRows_ += inTxn;
            pending.fill(0);
            pendingAudit = inTxn = 0;
            return;
        }
        if (ins.commit(err)) {
            std::lock_guard lk(m_);
            for (int k = 0; k < kRecordKindCount; ++k) stats_.rowsWritten[k] += pending[k];
            stats_.auditWritten += pendingAudit;
            ++stats_.transactions;
        } else {
            ins.rollback();
            fail(path_ + ": commit failed, " + std::to_string(inTxn) + " rows not written: " + err, inTxn);
        }
        dropPending();
    };
    enum class Row { Written, Failed, Abort };
    // Opens the transaction on first use.
    auto ensureOpen = [&] {
        if (open) return true;
        if (!ins.begin(err)) {
            fail(path_ + ": cannot begin a transaction, " + std::to_string(remaining) + " rows not written: " + err,
                 remaining);
            if (single) importFailed_ = true;
            return false;  // every row of this work list is counted as failed
        }
        open = true;
        return true;
    };
    // Writes one row; `what` describes it for an error message.
    auto write = [&](auto&& insertRow, auto&& what) -> Row {
        if (!ensureOpen()) return Row::Abort;
        --remaining;
        if (insertRow()) {
            ++inTxn;
            return Row::Written;
        }
        if (single) {
            abandonImport("cannot write " + what() + ": " + err, 1);
            return Row::Abort;
        }
        if (!ins.inTransaction()) {  // SQLite rolled the whole transaction back (I/O error, disk full)
            ins.rollback();
            fail(path_ + ": cannot write " + what() + ", transaction rolled back, " + std::to_string(inTxn + 1) +
                     " rows not written: " + err,
                 inTxn + 1);
            dropPending();
        } else {
            fail(path_ + ": cannot write " + what() + ": " + err, 1);
        }
        return Row::Failed;
    };
    const auto maxRows = static_cast<std::int64_t>(opts_.maxRowsPerTransaction);

    for (Item& item : items) {
        for (const Record& r : item.records) {
            const Row res = write([&] { return ins.insert(r, err); },
                                  [&] {
                                      return std::string(kindName(kindOf(r))) + " record (ts " +
                                             std::to_string(timestampOf(r)) + ")";
                                  });
            if (res == Row::Abort) return;
            if (res == Row::Written) ++pending[static_cast<int>(kindOf(r))];
            if (inTxn >= maxRows) commit();
            if (importFailed_) return;  // rolled back and counted by abandonImport
        }
        const bool chained = opts_.chainAudit && !item.audit.empty();
        if (chained) {
            // The hook reads the log's head inside this transaction (BEGIN IMMEDIATE
            // holds the write lock), so the batch chains onto what is stored, even
            // when another process appended meanwhile; the batch stays in one transaction.
            if (!ensureOpen()) return;
            if (!opts_.chainAudit(ins.handle(), item.audit, err)) {
                if (single) {
                    abandonImport("cannot chain audit entries: " + err, 0);
                    return;
                }
                const auto n = static_cast<std::int64_t>(item.audit.size());
                remaining -= n;
                if (!ins.inTransaction()) {
                    ins.rollback();
                    fail(path_ + ": cannot chain " + std::to_string(n) + " audit entries, transaction rolled back, " +
                             std::to_string(inTxn + n) + " rows not written: " + err,
                         inTxn + n);
                    dropPending();
                } else {
                    fail(path_ + ": cannot chain " + std::to_string(n) + " audit entries: " + err, n);
                }
                continue;
            }
        }
        for (const AuditEntry& e : item.audit) {
            const Row res = write([&] { return ins.insertAudit(e, err); },
                                  [&] { return "audit entry (seq " + std::to_string(e.seq) + ")"; });
            if (res == Row::Abort) return;
            if (res == Row::Written) ++pendingAudit;
            if (inTxn >= maxRows && !chained) commit();
            if (importFailed_) return;
        }
        if (chained && inTxn >= maxRows) commit();
        if (importFailed_) return;
    }
    commit();
}

}  // namespace vigil::store
