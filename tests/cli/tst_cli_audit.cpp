// vigilctl audit verify (issue #9, test 6) on real SQLite files: a replay with
// --db writes a sealed audit log of the engine's decisions; copies of it edited
// with plain SQL (an edited, a deleted, a reordered entry, a truncated tail)
// exit 1 naming the first bad entry; the intact log exits 0; bad usage, an
// unreadable database and a loose key exit 2 with a one-line reason.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>

class TestCliAudit : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString db_, key_;
    int copies_ = 0;

    struct Run {
        int code;
        QString out, err;
    };
    Run vigilctl(const QStringList& args) {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QString::fromLocal8Bit(qgetenv("VIGILCTL")), args);
        if (!p.waitForFinished(240000)) return {-1, {}, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    // A copy of the intact database with `statements` applied through SQLite.
    QString tampered(const char* statements) {
        const QString copy = dir_.filePath(QStringLiteral("copy%1.db").arg(++copies_));
        if (!QFile::copy(db_, copy)) qFatal("cannot copy %s", qPrintable(db_));
        sqlite3* db = nullptr;
        char* err = nullptr;
        if (sqlite3_open(copy.toLocal8Bit().constData(), &db) != SQLITE_OK ||
            sqlite3_exec(db, statements, nullptr, nullptr, &err) != SQLITE_OK)
            qFatal("SQL on %s failed: %s", qPrintable(copy), err ? err : sqlite3_errmsg(db));
        sqlite3_close(db);
        return copy;
    }

private slots:
    void initTestCase() {
        QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        const QString log = dir_.filePath(QStringLiteral("c.ndjson"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "3", "--out", log});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        db_ = dir_.filePath(QStringLiteral("intact.db"));
        r = vigilctl({"replay", log, "--db", db_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        key_ = dir_.filePath(QStringLiteral("config/vigil/audit.key"));
        QVERIFY2(QFile::exists(key_), "replay --db creates the audit key beside the user's config");
    }

    void intactLogPasses() {
        auto r = vigilctl({"audit", "verify", "--db", db_});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QRegularExpression re(QStringLiteral("audit log intact: (\\d+) entries, sealed head seq (\\d+)"));
        auto m = re.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toInt() > 10);  // the engine's anomalies and incidents were audited
        QCOMPARE(m.captured(1), m.captured(2));
        // --key names the same key explicitly.
        QCOMPARE(vigilctl({"audit", "verify", "--db", db_, "--key", key_}).code, 0);
    }

    void editedEntryFails() {
        auto r = vigilctl({"audit", "verify", "--db", tampered("UPDATE audit SET body = body || ' ' WHERE seq = 5")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("first bad entry seq 5")) && r.out.contains(QLatin1String("edited")),
                 qPrintable(r.out));
    }

    void deletedEntryFails() {
        auto r = vigilctl({"audit", "verify", "--db", tampered("DELETE FROM audit WHERE seq = 3")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("first bad entry seq 3")) && r.out.contains(QLatin1String("missing")),
                 qPrintable(r.out));
    }

    void reorderedEntriesFail() {
        auto r = vigilctl({"audit", "verify", "--db",
                           tampered("UPDATE audit SET seq = -1 WHERE seq = 7; UPDATE audit SET seq = 7 WHERE seq = 8;"
                                    "UPDATE audit SET seq = 8 WHERE seq = -1;")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("first bad entry seq 7")) && r.out.contains(QLatin1String("reordered")),
                 qPrintable(r.out));
    }

    void truncatedTailFails() {
        auto r = vigilctl({"audit", "verify", "--db", tampered("DELETE FROM audit WHERE seq > 9")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("first bad entry seq 10")) && r.out.contains(QLatin1String("truncated")),
                 qPrintable(r.out));
    }

    void badUsageAndUnreadableInputExit2() {
        QCOMPARE(vigilctl({"audit"}).code, 2);
        QCOMPARE(vigilctl({"audit", "verify"}).code, 2);
        QCOMPARE(vigilctl({"audit", "check", "--db", db_}).code, 2);
        auto r = vigilctl({"audit", "verify", "--db", dir_.filePath(QStringLiteral("missing.db"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("missing.db")), qPrintable(r.err));
        r = vigilctl({"audit", "verify", "--db", db_, "--key", dir_.filePath(QStringLiteral("nokey"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("nokey")), qPrintable(r.err));

        const QString loose = dir_.filePath(QStringLiteral("loose.key"));
        QVERIFY(QFile::copy(key_, loose));
        QCOMPARE(::chmod(loose.toLocal8Bit().constData(), 0640), 0);
        r = vigilctl({"audit", "verify", "--db", db_, "--key", loose});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("0640")) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
