// One database file used by several processes at once, as a running engine and
// `vigilctl approvals approve` do. A process that opens a second connection to a
// file it already writes (the engine's writer, then the approval gate's own
// connection) must keep the locks SQLite holds on it: POSIX locks belong to the
// process, so closing any descriptor on the file drops them all. Without them
// the next process to close its connection believes it is the last one,
// checkpoints and deletes the WAL the engine is still writing into, and the
// file ends up "malformed" (issue 9's corruption).
//
// The other processes are this test executable started again with
// VIGIL_SHARING_CHILD set (see main() below).
#include "store/Database.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <string>

using namespace vigil::store;

namespace {

constexpr const char* kChildEnv = "VIGIL_SHARING_CHILD";

bool run(sqlite3* db, const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

std::int64_t queryInt(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

// Child: "write PATH" appends one meta row read-write and closes (as an approve
// does); "count PATH" prints how many 'row-' meta rows it sees. Exit 0 on success.
int childMain(const std::string& what, const std::string& path) {
    auto db = Database::open(path, what == "write" ? OpenMode::ReadWrite : OpenMode::ReadOnly);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().c_str());
        return 3;
    }
    if (what == "write")
        return run(db.value().handle(), "INSERT INTO meta(key, value) VALUES ('row-child', 'x')") ? 0 : 4;
    std::printf("%lld\n", static_cast<long long>(queryInt(db.value().handle(),
                                                          "SELECT count(*) FROM meta WHERE key LIKE 'row-%'")));
    return 0;
}

}  // namespace

class TstDatabaseSharing : public QObject {
    Q_OBJECT

    // Runs this executable as another process; returns its stdout, fails on a non-zero exit.
    static QByteArray child(const QString& what, const QString& path, bool& ok) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(kChildEnv, what);
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(), {path});
        ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok) qWarning("child %s: exit %d: %s", qPrintable(what), p.exitCode(), p.readAllStandardError().constData());
        return p.readAllStandardOutput().trimmed();
    }

private slots:
    void secondConnectionKeepsTheLocksOfTheFirst() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("shared.db").toStdString();
        const QString wal = QString::fromStdString(path + "-wal");

        // The engine's writer: WAL mode, a committed row, so it holds its read lock.
        auto writer = Database::open(path, OpenMode::ReadWrite);
        QVERIFY2(writer, writer ? "" : writer.error().c_str());
        QVERIFY(run(writer.value().handle(), "INSERT INTO meta(key, value) VALUES ('row-engine-1', 'x')"));
        // The gate's connection to the same file, in the same process.
        auto gate = Database::open(path, OpenMode::ReadWrite);
        QVERIFY2(gate, gate ? "" : gate.error().c_str());
        QCOMPARE(queryInt(gate.value().handle(), "SELECT count(*) FROM meta WHERE key LIKE 'row-%'"), 1);

        // Another process decides something and closes its connection: it must
        // see that it is not alone, and leave the WAL in place.
        bool ok = false;
        child("write", QString::fromStdString(path), ok);
        QVERIFY(ok);
        QVERIFY2(QFileInfo::exists(wal), "the other process deleted the WAL this process still writes into");

        // The engine goes on writing; a third process sees both sides' rows.
        QVERIFY(run(writer.value().handle(), "INSERT INTO meta(key, value) VALUES ('row-engine-2', 'x')"));
        QCOMPARE(queryInt(writer.value().handle(), "SELECT count(*) FROM meta WHERE key = 'row-child'"), 1);
        QCOMPARE(child("count", QString::fromStdString(path), ok), QByteArray("3"));
        QVERIFY(ok);

        gate.value().close();
        writer.value().close();
        auto check = Database::open(path, OpenMode::ReadOnly);
        QVERIFY2(check, check ? "" : check.error().c_str());
        sqlite3_stmt* st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(check.value().handle(), "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QByteArray("ok"));
        sqlite3_finalize(st);
        QCOMPARE(queryInt(check.value().handle(), "SELECT count(*) FROM meta WHERE key LIKE 'row-%'"), 3);
    }
};

int main(int argc, char** argv) {
    if (const char* what = std::getenv(kChildEnv); what && argc == 2) return childMain(what, argv[1]);
    QCoreApplication app(argc, argv);
    TstDatabaseSharing t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_databasesharing.moc"
