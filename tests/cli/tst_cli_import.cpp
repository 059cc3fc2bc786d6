// vigilctl replay --db is an import, all or nothing: a corrupt or cut gzip, a
// signal or kill -9 in the middle leave the database as it was (and usable); the
// same file, even under another name, is not imported twice; while another
// engine records into the database a replay is refused naming it, and readers
// still read.
#include "CliTestSupport.h"

#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace clitest;
using vigil::store::StoreReader;

namespace {

// Everything a failed import could have touched, as one comparable string.
QString fingerprint(const QString& db) {
    auto r = StoreReader::open(db.toStdString());
    if (!r) return QString::fromStdString(r.error());
    auto c = r.value()->counts();
    auto imports = r.value()->imports();
    QString s;
    for (auto n : c->perKind) s += QString::number(n) + ' ';
    s += QStringLiteral("series=%1 imports=%2").arg(c->series).arg(imports->size());
    return s;
}

QString integrity(const QString& db) {
    sqlite3* h = nullptr;
    QString out = QStringLiteral("cannot open");
    if (sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return out;
}

}  // namespace

class TestCliImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString logA_, logB_, gzB_;

    // A database holding one import of log A.
    QString seededDb(const QString& name) {
        const QString db = dir_.filePath(name);
        const auto r = vigilctl({"replay", logA_, "--db", db});
        if (r.code != 0) qFatal("seeding failed: %s", qPrintable(r.err));
        return db;
    }

private slots:
    void initTestCase() {
        QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        logA_ = dir_.filePath(QStringLiteral("a.ndjson"));
        logB_ = dir_.filePath(QStringLiteral("b.ndjson"));
        gzB_ = dir_.filePath(QStringLiteral("b.ndjson.gz"));
        for (const auto& [out, seed] : {std::pair{logA_, "7"}, std::pair{logB_, "8"}, std::pair{gzB_, "8"}}) {
            const auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", seed, "--out", out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
    }

    // Issue #7 item 3: 4 zeroed bytes mid-stream used to commit hundreds of garbage rows.
    void corruptOrCutGzipLeavesTheDatabaseAsItWas_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("4 bytes zeroed mid-stream") << "zero";
        QTest::newRow("cut in half") << "half";
    }
    void corruptOrCutGzipLeavesTheDatabaseAsItWas() {
        QFETCH(QString, damage);
        const QString db = seededDb(QStringLiteral("corrupt-%1.db").arg(damage));
        const QString before = fingerprint(db);
        QByteArray bytes = readFile(gzB_);
        if (damage == QLatin1String("zero")) bytes.replace(bytes.size() / 2, 4, QByteArray(4, '\0'));
        else bytes.truncate(bytes.size() / 2);
        const QString bad = dir_.filePath(QStringLiteral("bad-%1.ndjson.gz").arg(damage));
        QVERIFY(writeFile(bad, bytes));
        const auto r = vigilctl({"replay", bad, "--db", db});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(db + QStringLiteral(": nothing imported, the database is as it was")), qPrintable(r.err));
        QCOMPARE(fingerprint(db), before);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        // The intact file still imports afterwards.
        QCOMPARE(vigilctl({"replay", gzB_, "--db", db}).code, 0);
        QVERIFY(fingerprint(db) != before);
    }

    // Issue #7 item 6: the same bytes again, under any name, are refused.
    void sameFileTwiceIsRefusedEvenUnderAnotherName() {
        const QString db = seededDb(QStringLiteral("twice.db"));
        const QString before = fingerprint(db);
        const QString copy = dir_.filePath(QStringLiteral("copy-of-a.ndjson"));
        QVERIFY(QFile::copy(logA_, copy));
        for (const QString& log : {logA_, copy}) {
            const auto r = vigilctl({"replay", log, "--db", db});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(log + QStringLiteral(": already imported into ") + db + QStringLiteral(" as import 1 (") +
                                    logA_),
                     qPrintable(r.err));
            QCOMPARE(fingerprint(db), before);
        }
        // Without --db the log can be studied again.
        QCOMPARE(vigilctl({"replay", copy}).code, 0);
    }

    void signalMidImportRollsItBack_data() {
        QTest::addColumn<bool>("kill9");
        QTest::newRow("SIGTERM") << false;
        QTest::newRow("SIGKILL") << true;
    }
    void signalMidImportRollsItBack() {
        QFETCH(bool, kill9);
        const QString db = seededDb(kill9 ? QStringLiteral("kill9.db") : QStringLiteral("term.db"));
        const QString before = fingerprint(db);
        QProcess p;
        // Paced: 900 simulated s at 30x take about 30 s, so the signal lands mid-import.
        p.start(vigilctlPath(), {"replay", logB_, "--db", db, "--speed", "30"});
        QString out;
        QVERIFY2(waitForOutput(p, QStringLiteral("importing"), out), qPrintable(out));
        QTest::qWait(1500);
        QVERIFY(p.state() == QProcess::Running);
        if (kill9) p.kill();
        else p.terminate();
        QVERIFY(p.waitForFinished(60000));
        if (kill9) {
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        } else {
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 1);
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(err.contains(QStringLiteral("interrupted by signal 15")), qPrintable(err));
            QVERIFY2(err.contains(QStringLiteral("nothing imported, the database is as it was")), qPrintable(err));
        }
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        QCOMPARE(fingerprint(db), before);
        // Not recorded as imported, and the lock died with the process: it imports now.
        const auto again = vigilctl({"replay", logB_, "--db", db});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY(fingerprint(db).endsWith(QStringLiteral("imports=2")));
    }

    // Issue #7 item 6: two engines on one database. The replay is refused naming
    // the running engine; a reader still reads beside it.
    void replayBesideARunningEngineIsRefusedNamingIt() {
        const QString db = seededDb(QStringLiteral("busy.db"));
        QProcess run;
        run.start(vigilctlPath(), {"run", "--demo", "--speed", "10", "--db", db});
        QString out;
        QVERIFY2(waitForOutput(run, QStringLiteral("demo fleet"), out), qPrintable(out));
        const auto r = vigilctl({"replay", logB_, "--db", db});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(db + QStringLiteral(": another engine is recording into this database: pid ") +
                                QString::number(run.processId()) + QStringLiteral(" (") + vigilctlPath() +
                                QStringLiteral(" run --demo")),
                 qPrintable(r.err));
        auto reader = StoreReader::open(db.toStdString());
        QVERIFY2(reader.ok(), reader.error().c_str());
        QVERIFY(reader.value()->counts().ok());
        run.terminate();
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QVERIFY(vigilctl({"replay", logB_, "--db", db}).code == 0);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
