// Database: create, WAL, identity checks, versioned migrations, clear errors.
#include "store/Database.h"
#include "store/Schema.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/StoreTestData.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace vigil;
using namespace vigil::store;
using namespace storetest;

namespace {

// What a version-1 build of Vigil wrote, spelled out by hand (not taken from
// Schema.cpp) so the test notices if step 1 is ever edited after release.
constexpr const char* kHandBuiltV1 = R"sql(
PRAGMA application_id = 1447512396;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE series(id INTEGER PRIMARY KEY, series TEXT NOT NULL, target TEXT NOT NULL, UNIQUE(series, target));
CREATE TABLE metrics(ts INTEGER NOT NULL, series_id INTEGER NOT NULL REFERENCES series(id), value REAL NOT NULL);
CREATE TABLE events(seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('task', 'tx', 'log')), agent TEXT NOT NULL, subject TEXT NOT NULL,
  state TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE anomalies(id TEXT PRIMARY KEY, ts INTEGER NOT NULL, detector TEXT NOT NULL, series TEXT NOT NULL,
  target TEXT NOT NULL, score REAL NOT NULL, observed REAL NOT NULL, expected_low REAL NOT NULL,
  expected_high REAL NOT NULL, explanation TEXT NOT NULL);
CREATE TABLE incidents(id TEXT PRIMARY KEY, ts INTEGER NOT NULL, state TEXT NOT NULL, severity TEXT NOT NULL,
  opened INTEGER NOT NULL, cause TEXT NOT NULL, narrative TEXT NOT NULL, anomaly_count INTEGER NOT NULL);
CREATE TABLE incident_targets(incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL, target TEXT NOT NULL, PRIMARY KEY(incident_id, pos)) WITHOUT ROWID;
CREATE TABLE actions(id TEXT PRIMARY KEY, ts INTEGER NOT NULL, incident_id TEXT NOT NULL, kind TEXT NOT NULL,
  target TEXT NOT NULL, params TEXT NOT NULL, status TEXT NOT NULL, critical INTEGER NOT NULL);
CREATE TABLE approvals(seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, id TEXT NOT NULL, action_id TEXT NOT NULL,
  requester TEXT NOT NULL, approver TEXT NOT NULL, decision TEXT NOT NULL, expires INTEGER NOT NULL,
  reason TEXT NOT NULL);
CREATE TABLE outcomes(seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, action_id TEXT NOT NULL,
  success INTEGER NOT NULL, detail TEXT NOT NULL);
CREATE TABLE audit(seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL,
  body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
INSERT INTO meta VALUES ('created_by', 'vigil 0.0.1'), ('migrated_to_1_by', 'vigil 0.0.1');
INSERT INTO series VALUES (1, 'gas.price_gwei', 'chain:ethereum'), (2, 'queue.depth', 'pool:claims');
INSERT INTO metrics VALUES (100, 1, 31.5), (200, 1, 33.25), (150, 2, 7), (300, 1, 40.0);
INSERT INTO incidents VALUES ('inc-1', 500, 'open', 'critical', 400, 'chain:ethereum', 'gas spike', 3);
INSERT INTO incident_targets VALUES ('inc-1', 0, 'chain:ethereum'), ('inc-1', 1, 'agent-03');
INSERT INTO audit VALUES (1, 450, 'anomaly', 'anom-1', '{}', '', 'h1');
PRAGMA user_version = 1;
)sql";

std::int64_t pragmaInt(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void createsFolderAndFileInWalMode() {
        QTemporaryDir dir;
        const QString path = dir.filePath("nested/folder/vigil.db");
        auto db = Database::open(path.toStdString(), OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        QVERIFY(QFile::exists(path));
        QCOMPARE(db->openedAtVersion(), 0);
        QCOMPARE(db->schemaVersion(), kSchemaVersion);

        sqlite3* h = db->handle();
        QCOMPARE(rawText(path, "PRAGMA journal_mode"), std::string("wal"));  // persistent in the file
        QCOMPARE(pragmaInt(h, "PRAGMA synchronous"), 1);                    // NORMAL
        QCOMPARE(pragmaInt(h, "PRAGMA foreign_keys"), 1);
        QCOMPARE(pragmaInt(h, "PRAGMA application_id"), std::int64_t{kApplicationId});
        QCOMPARE(pragmaInt(h, "PRAGMA user_version"), std::int64_t{kSchemaVersion});
        QVERIFY(rawText(path, "SELECT value FROM meta WHERE key = 'created_by'").rfind("vigil ", 0) == 0);
        // Foreign keys are enforced: a metric row needs its series.
        QVERIFY(!db->exec("INSERT INTO metrics VALUES (1, 999, 1.0)").ok());
    }

    void reopenKeepsDataOfAnEarlierRun() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        const auto first = everyKind(20);
        {
            auto w = StoreWriter::open(path);
            QVERIFY2(w.ok(), w.error().c_str());
            QVERIFY((*w)->append(first));
            (*w)->close();
            const auto st = (*w)->stats();
            QVERIFY2(st.errors.empty(), st.errors.empty() ? "" : st.errors.front().c_str());
            QCOMPARE(st.recordsWritten(), std::int64_t(first.size()));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(path + "-wal")));  // clean close checkpointed the WAL
        {
            auto db = Database::open(path, OpenMode::ReadWrite);
            QVERIFY2(db.ok(), db.error().c_str());
            QCOMPARE(db->openedAtVersion(), kSchemaVersion);  // nothing to migrate
        }
        auto w = StoreWriter::open(path);
        QVERIFY2(w.ok(), w.error().c_str());
        QVERIFY((*w)->append({storetest::metric(5, "rpc.latency_ms", "rpc:eth-main-a", 1.0)}));
        (*w)->close();

        auto r = StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        auto c = (*r)->counts();
        QVERIFY2(c.ok(), c.error().c_str());
        QCOMPARE(c->perKind[int(RecordKind::Metric)], 21);
        QCOMPARE(c->perKind[int(RecordKind::Log)], 20);
        QCOMPARE(c->series, 3);  // the reused series kept its id, no duplicate
        auto pts = (*r)->metrics("rpc.latency_ms", "rpc:eth-main-a");
        QVERIFY(pts.ok());
        QCOMPARE(pts->front().ts, 5);
        QCOMPARE(int(pts->size()), 8);  // i = 0, 3, ..., 18 plus the new one
    }

    void migratesAHandBuiltVersion1File() {
        QTemporaryDir dir;
        const QString path = dir.filePath("v1.db");
        std::string err;
        QVERIFY2(rawExec(path, kHandBuiltV1, &err), err.c_str());
        QCOMPARE(rawText(path, "PRAGMA user_version"), std::string("1"));

        {
            auto db = Database::open(path.toStdString(), OpenMode::ReadWrite);
            QVERIFY2(db.ok(), db.error().c_str());
            QCOMPARE(db->openedAtVersion(), 1);
            QCOMPARE(db->schemaVersion(), kSchemaVersion);
        }
        QCOMPARE(rawText(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
        QCOMPARE(rawText(path, "SELECT count(*) FROM metric_blocks"), std::string("2"));  // one per v1 series
        QCOMPARE(rawText(path, "SELECT count(*) FROM meta WHERE key = 'migrated_to_2_by'"), std::string("1"));
        QCOMPARE(rawText(path, "SELECT value FROM meta WHERE key = 'created_by'"), std::string("vigil 0.0.1"));

        // The old rows read back through the current API.
        auto r = StoreReader::open(path.toStdString());
        QVERIFY2(r.ok(), r.error().c_str());
        auto pts = (*r)->metrics("gas.price_gwei", "chain:ethereum");
        QVERIFY(pts.ok());
        QCOMPARE(*pts, (std::vector<MetricPoint>{{100, 31.5}, {200, 33.25}, {300, 40.0}}));
        auto inc = (*r)->incidents();
        QVERIFY(inc.ok());
        QCOMPARE(int(inc->size()), 1);
        QCOMPARE(inc->front().targets, (std::vector<std::string>{"chain:ethereum", "agent-03"}));
        QCOMPARE(toString(inc->front().severity), "critical");
        QCOMPARE(*(*r)->incidentUpdates("inc-1"), 1);  // the new column's default for old rows
        auto last = (*r)->lastAudit();
        QVERIFY(last.ok() && last->has_value());
        QCOMPARE((*last)->hash, std::string("h1"));

        // A writer continues the migrated file: new series ids, new incident update.
        auto w = StoreWriter::open(path.toStdString());
        QVERIFY2(w.ok(), w.error().c_str());
        QVERIFY((*w)->append({storetest::metric(400, "gas.price_gwei", "chain:ethereum", 45.0),
                              incident(600, "inc-1", IncidentState::Mitigated, {"chain:ethereum"})}));
        (*w)->flush();
        QCOMPARE((*w)->stats().rowsFailed, 0);
        QCOMPARE(int((*r)->metrics("gas.price_gwei", "chain:ethereum")->size()), 4);
        QCOMPARE(*(*r)->incidentUpdates("inc-1"), 2);
        QCOMPARE(toString((*r)->incidents()->front().state), "mitigated");
    }

    void newerSchemaIsAClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath("future.db");
        QVERIFY(Database::open(path.toStdString(), OpenMode::ReadWrite).ok());
        const std::string bump = "PRAGMA user_version = " + std::to_string(kSchemaVersion + 5);
        QVERIFY(rawExec(path, bump.c_str()));
        const QByteArray before = fileBytes(path);

        for (auto mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto db = Database::open(path.toStdString(), mode);
            QVERIFY(!db.ok());
            const QString e = QString::fromStdString(db.error());
            QVERIFY2(e.startsWith(path + ": "), qPrintable(e));
            QVERIFY2(e.contains("schema version " + QString::number(kSchemaVersion + 5) + " is newer"), qPrintable(e));
        }
        QVERIFY(!StoreWriter::open(path.toStdString()).ok());
        QCOMPARE(fileBytes(path), before);  // refused files are left untouched
    }

    void corruptFileIsAClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath("garbage.db");
        QByteArray junk(16384, '\0');
        QRandomGenerator gen(42);
        for (auto& c : junk) c = char(gen.bounded(256));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(junk);
        f.close();

        for (auto mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto db = Database::open(path.toStdString(), mode);
            QVERIFY(!db.ok());
            QCOMPARE(QString::fromStdString(db.error()), path + ": file is not a database");
        }
        auto w = StoreWriter::open(path.toStdString());
        QVERIFY(!w.ok());
        QVERIFY(w.error().find("file is not a database") != std::string::npos);
        QCOMPARE(fileBytes(path), junk);
    }

    void foreignSqliteFileIsAClearError_data() {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no application_id") << "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                                           << "not a Vigil database (application_id 0x00000000, tables: moz_places)";
        QTest::newRow("GeoPackage") << "PRAGMA application_id = 1196444487; CREATE TABLE gpkg_contents(t TEXT); "
                                       "CREATE TABLE meta(key TEXT);"
                                    << "not a Vigil database (application_id 0x47504B47, tables: gpkg_contents, meta)";
        QTest::newRow("claimed but empty") << "PRAGMA application_id = 1196444487;"
                                           << "not a Vigil database (application_id 0x47504B47)";
    }

    void foreignSqliteFileIsAClearError() {
        QFETCH(QString, setup);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("other.sqlite");
        QVERIFY(rawExec(path, setup.toUtf8().constData()));
        const QByteArray before = fileBytes(path);
        for (auto mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto db = Database::open(path.toStdString(), mode);
            QVERIFY(!db.ok());
            QCOMPARE(QString::fromStdString(db.error()), path + ": " + expected);
        }
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(rawText(path, "PRAGMA journal_mode"), std::string("delete"));  // not switched to WAL
    }

    void unusablePathsAreClearErrors() {
        QTemporaryDir dir;
        auto e = [](const QString& p, OpenMode m) { return QString::fromStdString(Database::open(p.toStdString(), m).error()); };
        QCOMPARE(e(dir.path(), OpenMode::ReadWrite), dir.path() + ": is a directory, not a database file");
        QCOMPARE(e(dir.filePath("missing.db"), OpenMode::ReadOnly), dir.filePath("missing.db") + ": no such file");
        QVERIFY(!QFile::exists(dir.filePath("missing.db")));  // read-only never creates
        QCOMPARE(e("", OpenMode::ReadWrite), QString("database path is empty"));

        QFile plain(dir.filePath("plain"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        const QString underFile = dir.filePath("plain/vigil.db");  // folder is a regular file
        const QString err = e(underFile, OpenMode::ReadWrite);
        QVERIFY2(err.startsWith(underFile + ": "), qPrintable(err));
    }

    void readOnlyNeedsACurrentSchema() {
        QTemporaryDir dir;
        const QString v1 = dir.filePath("v1.db");
        QVERIFY(rawExec(v1, kHandBuiltV1));
        auto db = Database::open(v1.toStdString(), OpenMode::ReadOnly);
        QVERIFY(!db.ok());
        QVERIFY2(QString::fromStdString(db.error()).startsWith(v1 + ": schema version 1 is older"), db.error().c_str());
        QCOMPARE(rawText(v1, "PRAGMA user_version"), std::string("1"));  // a reader never migrates

        const QString empty = dir.filePath("empty.db");
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto r = StoreReader::open(empty.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error()), empty + ": not a Vigil database (empty, no schema)");
        // ...while a writer initialises an empty (0-byte) file.
        QVERIFY(Database::open(empty.toStdString(), OpenMode::ReadWrite).ok());
        QVERIFY(StoreReader::open(empty.toStdString()).ok());
    }

    // Several processes (here: connections on threads, which SQLite locks the
    // same way) creating one new database at once: every one of them gets a
    // working, fully migrated file, none a "table already exists" error.
    void concurrentCreationOfOneNewFileSucceeds() {
        for (int round = 0; round < 10; ++round) {
            QTemporaryDir dir;
            const std::string path = dir.filePath("new.db").toStdString();
            constexpr int kOpeners = 4;
            std::atomic<int> ready{0};
            std::vector<std::string> errors(kOpeners);
            std::vector<int> versions(kOpeners, -1);
            std::vector<std::thread> threads;
            for (int i = 0; i < kOpeners; ++i)
                threads.emplace_back([&, i] {
                    ++ready;
                    while (ready < kOpeners) std::this_thread::yield();
                    auto db = Database::open(path, OpenMode::ReadWrite);
                    if (!db) errors[i] = db.error();
                    else versions[i] = db->schemaVersion();
                });
            for (auto& t : threads) t.join();
            for (int i = 0; i < kOpeners; ++i) {
                QVERIFY2(errors[i].empty(), errors[i].c_str());
                QCOMPARE(versions[i], kSchemaVersion);
            }
            QCOMPARE(rawText(QString::fromStdString(path), "SELECT count(*) FROM meta WHERE key = 'created_by'"),
                     std::string("1"));
        }
    }

    void migrationsAreNumberedOneToN() {
        const auto steps = migrations();
        QCOMPARE(int(steps.size()), kSchemaVersion);
        for (int i = 0; i < int(steps.size()); ++i) QCOMPARE(steps[i].version, i + 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
