// StoreWriter: every record kind lands and reads back equal; flush semantics;
// backpressure (a tiny queue blocks a fast producer and loses nothing);
// failed rows are reported, not lost silently.
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/StoreTestData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace vigil;
using namespace vigil::store;
using namespace storetest;

namespace {

std::unique_ptr<StoreWriter> openWriter(const std::string& path, StoreWriterOptions opts = {}) {
    auto w = StoreWriter::open(path, opts);
    if (!w) qFatal("cannot open writer: %s", w.error().c_str());
    return std::move(w).value();
}

std::unique_ptr<StoreReader> openReader(const std::string& path) {
    auto r = StoreReader::open(path);
    if (!r) qFatal("cannot open reader: %s", r.error().c_str());
    return std::move(r).value();
}

std::string firstError(const StoreWriterStats& s) { return s.errors.empty() ? std::string() : s.errors.front(); }

}  // namespace

class TestStoreWriter : public QObject {
    Q_OBJECT

private slots:
    void everyKindReadsBackEqual() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        const auto records = everyKind(30);
        auto w = openWriter(path);
        // Several batches of different sizes, like the engine's sink makes.
        QVERIFY(w->append({records.begin(), records.begin() + 7}));
        QVERIFY(w->append({records.begin() + 7, records.begin() + 100}));
        QVERIFY(w->append({records.begin() + 100, records.end()}));
        w->flush();
        const auto st = w->stats();
        QVERIFY2(st.errors.empty(), firstError(st).c_str());
        QCOMPARE(st.rowsFailed, 0);
        for (int k = 0; k < kRecordKindCount; ++k) QCOMPARE(st.rowsWritten[k], 30);
        QVERIFY(st.transactions >= 1 && st.transactions <= 3);

        auto r = openReader(path);
        std::vector<MetricSample> metrics;
        auto series = r->series();
        QVERIFY(series.ok());
        QCOMPARE(int(series->size()), 3);
        for (const auto& s : *series) {
            auto pts = r->metrics(s.series, s.target);
            QVERIFY(pts.ok());
            for (const auto& p : *pts) metrics.push_back({p.ts, s.series, s.target, p.value});
        }
        std::sort(metrics.begin(), metrics.end(), [](auto& a, auto& b) { return a.ts < b.ts; });
        QVERIFY(metrics == only<MetricSample>(records));

        auto sameEvents = [&](RecordKind k, auto tag) {
            using T = decltype(tag);
            auto got = r->events(k);
            return got.ok() && only<T>(*got) == only<T>(records) && got->size() == only<T>(records).size();
        };
        QVERIFY(sameEvents(RecordKind::Task, TaskEvent{}));
        QVERIFY(sameEvents(RecordKind::Tx, TxEvent{}));
        QVERIFY(sameEvents(RecordKind::Log, LogLine{}));
        QVERIFY(*r->anomalies() == only<Anomaly>(records));
        QVERIFY(*r->actions() == only<Action>(records));
        QVERIFY(*r->approvals() == only<Approval>(records));
        QVERIFY(*r->outcomes() == only<Outcome>(records));
        auto incidents = *r->incidents();  // most recently opened first; all opened at 1000, then by id
        auto expected = only<Incident>(records);
        std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return a.id < b.id; });
        QVERIFY(incidents == expected);
    }

    void flushMakesEverythingAppendedVisible() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path);
        auto r = openReader(path);  // opened before any data: WAL readers see later commits
        w->flush();                 // nothing appended: returns at once
        QCOMPARE(r->counts()->records(), 0);

        // Two producers; after each one's flush, at least its own rows are visible.
        std::atomic<int> bad{0};
        auto produce = [&](const std::string& target) {
            auto reader = openReader(path);
            for (int b = 0; b < 20; ++b) {
                std::vector<Record> batch;
                for (int i = 0; i < 250; ++i) batch.push_back(storetest::metric(b * 1000 + i, "s", target, i));
                w->append(std::move(batch));
                w->flush();
                if (int(reader->metrics("s", target)->size()) != (b + 1) * 250) ++bad;
            }
        };
        std::thread a(produce, "a"), b(produce, "b");
        a.join();
        b.join();
        QCOMPARE(bad.load(), 0);
        QCOMPARE(r->counts()->perKind[int(RecordKind::Metric)], 2 * 20 * 250);
        QCOMPARE(w->stats().rowsWritten[int(RecordKind::Metric)], 2 * 20 * 250);
    }

    void tinyQueueBlocksAFastProducerAndLosesNothing() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path, {.queueCapacity = 1, .maxRowsPerTransaction = 500});
        constexpr int kBatches = 400, kRows = 250;
        std::vector<std::vector<Record>> batches(kBatches);  // built up front: the producer only hands over
        for (int b = 0; b < kBatches; ++b)
            for (int i = 0; i < kRows; ++i)
                batches[b].push_back(storetest::metric(b * kRows + i, "queue.depth", "pool:" + std::to_string(i % 5), b));
        std::size_t maxDepth = 0;
        for (auto& batch : batches) {
            QVERIFY(w->append(std::move(batch)));
            maxDepth = std::max(maxDepth, w->queueDepth());
        }
        w->close();  // writes what is still queued
        const auto st = w->stats();
        QVERIFY2(st.producerWaits > 0, "a producer this fast must have found the queue full");
        QVERIFY(maxDepth <= 1);
        QCOMPARE(st.rowsFailed, 0);
        QCOMPARE(st.rowsWritten[int(RecordKind::Metric)], kBatches * kRows);
        QVERIFY(st.transactions >= kBatches * kRows / 500);  // never more than 500 rows per transaction
        auto r = openReader(path);
        QCOMPARE(r->counts()->perKind[int(RecordKind::Metric)], kBatches * kRows);
        QCOMPARE(int(r->metrics("queue.depth", "pool:3")->size()), kBatches * kRows / 5);
    }

    void bigBatchIsSplitIntoTransactions() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path, {.queueCapacity = 4, .maxRowsPerTransaction = 100});
        std::vector<Record> batch;
        for (int i = 0; i < 1000; ++i) batch.push_back(storetest::metric(i, "gas", "chain:eth", i));
        QVERIFY(w->append(std::move(batch)));
        w->flush();
        QCOMPARE(w->stats().transactions, 10);
        QCOMPARE(w->stats().recordsWritten(), 1000);
    }

    void incidentsKeepTheirLatestState() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path);
        QVERIFY(w->append({incident(100, "inc-7", IncidentState::Open, {"a", "b", "c"})}));
        QVERIFY(w->append({incident(300, "inc-7", IncidentState::Resolved, {"b"})}));
        QVERIFY(w->append({incident(200, "inc-7", IncidentState::Mitigated, {"x", "y"})}));  // late, older: ignored
        w->flush();
        QCOMPARE(w->stats().rowsWritten[int(RecordKind::Incident)], 3);
        auto r = openReader(path);
        auto inc = r->incidents();
        QVERIFY(inc.ok());
        QCOMPARE(int(inc->size()), 1);
        QVERIFY(inc->front() == incident(300, "inc-7", IncidentState::Resolved, {"b"}));
        QCOMPARE(*r->incidentUpdates("inc-7"), 2);
        QCOMPARE(r->counts()->perKind[int(RecordKind::Incident)], 1);
    }

    void auditEntriesAppendInOrder() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path);
        QVERIFY(w->appendAudit({auditEntry(1, 10, "anom-1"), auditEntry(2, 11, "act-1")}));
        QVERIFY(w->appendAudit({auditEntry(0, 12, "appr-1")}));  // seq 0: the store assigns 3
        w->flush();
        QCOMPARE(w->stats().auditWritten, 3);
        auto r = openReader(path);
        auto all = r->audit();
        QVERIFY(all.ok());
        QCOMPARE(int(all->size()), 3);
        QCOMPARE(all->at(2).seq, 3);
        QCOMPARE(all->at(2).subject, std::string("appr-1"));
        QVERIFY(all->at(0) == auditEntry(1, 10, "anom-1"));
    }

    void failedRowsAreReportedAndTheRestIsWritten() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path);
        QVERIFY(w->appendAudit({auditEntry(5, 10, "first")}));
        QVERIFY(w->append({storetest::metric(1, "s", "t", 1.0)}));
        QVERIFY(w->appendAudit({auditEntry(5, 11, "duplicate seq"), auditEntry(6, 12, "after")}));
        QVERIFY(w->append({storetest::metric(2, "s", "t", 2.0)}));
        w->flush();
        const auto st = w->stats();
        QCOMPARE(st.errorCount, 1);
        QCOMPARE(st.rowsFailed, 1);
        QCOMPARE(int(st.errors.size()), 1);
        const QString e = QString::fromStdString(st.errors.front());
        QVERIFY2(e.startsWith(QString::fromStdString(path) + ": cannot write audit entry (seq 5): "), qPrintable(e));
        QVERIFY2(e.contains("UNIQUE constraint failed"), qPrintable(e));
        QCOMPARE(st.auditWritten, 2);
        QCOMPARE(st.rowsWritten[int(RecordKind::Metric)], 2);
        auto r = openReader(path);
        QCOMPARE(r->counts()->audit, 2);
        QCOMPARE(r->audit()->at(0).subject, std::string("first"));
        QCOMPARE(r->counts()->perKind[int(RecordKind::Metric)], 2);
    }

    void closeWritesWhatIsQueuedAndRefusesMore() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        auto w = openWriter(path, {.queueCapacity = 1000, .maxRowsPerTransaction = 10});
        for (int b = 0; b < 200; ++b) QVERIFY(w->append(everyKind(2)));
        w->close();
        w->close();  // idempotent
        QVERIFY(!w->append(everyKind(1)));
        QVERIFY(!w->appendAudit({auditEntry(1, 1, "late")}));
        w->flush();  // returns at once after close
        QCOMPARE(w->stats().recordsWritten(), 200 * 2 * kRecordKindCount);
        auto r = openReader(path);
        auto c = r->counts();
        QCOMPARE(c->perKind[int(RecordKind::Log)], 400);
        QCOMPARE(c->perKind[int(RecordKind::Approval)], 400);
        QCOMPARE(c->perKind[int(RecordKind::Incident)], 2);  // inc-0, inc-1 upserted
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
