// StoreWriter as an importer (singleTransaction): an import is all or nothing.
// Nothing is visible before commitImport(); closing without it, or one row that
// cannot be written, leaves the database exactly as it was; the import's row in
// `imports` commits with its data, and the same content hash cannot commit twice.
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/StoreTestData.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::store;
using namespace storetest;

namespace {

std::unique_ptr<StoreWriter> openWriter(const std::string& path, bool single) {
    StoreWriterOptions opts;
    opts.maxRowsPerTransaction = 50;  // many held-metric flushes inside the one transaction
    opts.singleTransaction = single;
    auto w = StoreWriter::open(path, opts);
    if (!w) qFatal("cannot open writer: %s", w.error().c_str());
    return std::move(w).value();
}

StoreCounts counts(const std::string& path) {
    auto r = StoreReader::open(path);
    if (!r) qFatal("cannot open reader: %s", r.error().c_str());
    auto c = r.value()->counts();
    if (!c) qFatal("cannot count: %s", c.error().c_str());
    return *c;
}

std::vector<Record> otherSeries(int n) {  // series the database has not seen yet
    std::vector<Record> out;
    for (int i = 0; i < n; ++i) out.push_back(metric(2'000'000 + i, "new.series", "t" + std::to_string(i % 7), i));
    return out;
}

ImportEntry entry(const std::string& sha) {
    ImportEntry e;
    e.sha256 = sha;
    e.path = "/logs/a.ndjson";
    e.bytes = 1234;
    e.modifiedMs = 42;
    e.records = 999;
    e.importedAtMs = 1'700'000'000'000;
    e.importedBy = "vigil test";
    return e;
}

// A database holding one earlier, ordinary write.
std::string seeded(QTemporaryDir& dir) {
    const std::string path = dir.filePath("vigil.db").toStdString();
    auto w = openWriter(path, false);
    w->append(everyKind(20));
    w->appendAudit({auditEntry(1, 10, "first")});
    w->close();
    return path;
}

bool sameCounts(const StoreCounts& a, const StoreCounts& b) {
    return a.perKind == b.perKind && a.series == b.series && a.audit == b.audit;
}

}  // namespace

class TestStoreImport : public QObject {
    Q_OBJECT

private slots:
    void importIsInvisibleUntilCommittedThenWhole() {
        QTemporaryDir dir;
        const std::string path = seeded(dir);
        const auto before = counts(path);
        auto w = openWriter(path, true);
        for (int b = 0; b < 10; ++b) QVERIFY(w->append(everyKind(10)));
        QVERIFY(w->append(otherSeries(300)));
        w->flush();
        QVERIFY(sameCounts(counts(path), before));  // written into the open transaction only
        const Status s = w->commitImport(entry("ab12"));
        QVERIFY2(s.ok(), s.error().c_str());
        const auto after = counts(path);
        QCOMPARE(after.perKind[int(RecordKind::Metric)], before.perKind[int(RecordKind::Metric)] + 100 + 300);
        QCOMPARE(after.perKind[int(RecordKind::Log)], before.perKind[int(RecordKind::Log)] + 100);
        QCOMPARE(after.series, before.series + 7);
        QCOMPARE(w->stats().recordsWritten(), 10 * 10 * kRecordKindCount + 300);
        QCOMPARE(w->stats().rowsFailed, 0);
        auto r = StoreReader::open(path);
        auto imports = r.value()->imports();
        QVERIFY(imports.ok());
        QCOMPARE(int(imports->size()), 1);
        QCOMPARE(imports->front().sha256, std::string("ab12"));
        QCOMPARE(imports->front().records, 999);
        QVERIFY(r.value()->importWithHash("ab12")->has_value());
        QVERIFY(!r.value()->importWithHash("ffff")->has_value());
        // Metric rows of the import read back through the block index.
        QCOMPARE(int(r.value()->metrics("new.series", "t3")->size()), 300 / 7 + (3 < 300 % 7 ? 1 : 0));
    }

    void closeWithoutCommitLeavesTheDatabaseAsItWas() {
        QTemporaryDir dir;
        const std::string path = seeded(dir);
        const auto before = counts(path);
        auto w = openWriter(path, true);
        for (int b = 0; b < 10; ++b) QVERIFY(w->append(everyKind(10)));
        QVERIFY(w->append(otherSeries(300)));
        w->flush();
        w->close();  // e.g. the log turned out corrupt, or SIGTERM
        QVERIFY(sameCounts(counts(path), before));
        const auto st = w->stats();
        QCOMPARE(st.recordsWritten(), 0);
        QCOMPARE(st.rowsFailed, 10 * 10 * kRecordKindCount + 300);
        QVERIFY2(QString::fromStdString(st.errors.front()).contains("import not committed"), st.errors.front().c_str());
        QVERIFY(StoreReader::open(path).value()->imports()->empty());
        QVERIFY(!w->commitImport(entry("ab12")).ok());  // already closed
    }

    void oneFailedRowRollsTheWholeImportBack() {
        QTemporaryDir dir;
        const std::string path = seeded(dir);
        const auto before = counts(path);
        auto w = openWriter(path, true);
        QVERIFY(w->append(everyKind(10)));
        QVERIFY(w->appendAudit({auditEntry(1, 11, "duplicate seq")}));  // seq 1 exists
        QVERIFY(w->append(otherSeries(100)));
        const Status s = w->commitImport(entry("ab12"));
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error()).contains("rolled back"), s.error().c_str());
        const auto st = w->stats();
        QCOMPARE(st.rowsFailed, 10 * kRecordKindCount + 1 + 100);
        QVERIFY2(QString::fromStdString(st.errors.front()).contains("cannot write audit entry (seq 1)"),
                 st.errors.front().c_str());
        QVERIFY(sameCounts(counts(path), before));
        QVERIFY(StoreReader::open(path).value()->imports()->empty());
    }

    void sameContentHashCannotCommitTwice() {
        QTemporaryDir dir;
        const std::string path = seeded(dir);
        {
            auto w = openWriter(path, true);
            QVERIFY(w->append(otherSeries(10)));
            QVERIFY(w->commitImport(entry("ab12")).ok());
        }
        const auto before = counts(path);
        auto w = openWriter(path, true);
        QVERIFY(w->append(otherSeries(10)));
        const Status s = w->commitImport(entry("ab12"));
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error()).contains("UNIQUE constraint failed: imports.sha256"), s.error().c_str());
        QVERIFY(sameCounts(counts(path), before));
    }
};

QTEST_GUILESS_MAIN(TestStoreImport)
#include "tst_storeimport.moc"
