// vigilctl replay on hostile records (issue #7): duplicated lines and same-nonce
// transactions must not crash it, far-future timestamps must be rejected one by one
// with a reason, over-long lines skipped and counted.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliBadRecords : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;
    QList<QByteArray> lines_;  // of log_, without the empty last one

    struct Run {
        int code;
        QString out, err;
    };
    static Run vigilctl(const QStringList& args) {
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("VIGILCTL")), args);
        if (!p.waitForFinished(240000)) return {-1, {}, QStringLiteral("timeout")};
        const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;  // -2: it crashed
        return {code, QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString& name, const QList<QByteArray>& lines) {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(lines.join('\n'));
        f.write("\n");
        return path;
    }
    static qint64 field(const QString& out, const QString& name) {
        auto m = QRegularExpression(name + QStringLiteral("=(\\d+)")).match(out);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }

private slots:
    void initTestCase() {
        QVERIFY2(!qgetenv("VIGILCTL").isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("a.ndjson"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", log_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(log_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        lines_ = f.readAll().split('\n');
        while (!lines_.isEmpty() && lines_.back().isEmpty()) lines_.removeLast();
        QVERIFY(lines_.size() > 10000);
    }

    void sameNonceTransactionsDoNotCrash() {
        // The issue's repro: two submissions of nonce 1 by one agent, other hashes.
        const QList<QByteArray> lines = {
            R"({"v":1,"kind":"tx","ts":1767225600000,"tx_hash":"0xaa01","chain":"ethereum","agent":"a","nonce":1,"state":"submitted"})",
            R"({"v":1,"kind":"tx","ts":1767225601000,"tx_hash":"0xbb02","chain":"ethereum","agent":"a","nonce":1,"state":"submitted"})",
            R"({"v":1,"kind":"tx","ts":1767225601000,"tx_hash":"0xbb02","chain":"ethereum","agent":"a","nonce":1,"state":"submitted"})",
        };
        auto r = vigilctl({"replay", write(QStringLiteral("nonce.ndjson"), lines)});
        QVERIFY2(r.code == 0, qPrintable(QString::number(r.code) + r.err));
        QCOMPARE(field(r.out, QStringLiteral("tx")), 3);
        QCOMPARE(field(r.out, QStringLiteral("rejected")), 0);
    }

    void duplicatedLinesDoNotCrash() {
        // 1 % of the lines twice, and every submitted transaction twice.
        QList<QByteArray> dup;
        for (qsizetype i = 0; i < lines_.size(); ++i) {
            dup.append(lines_[i]);
            if (i % 100 == 0 || lines_[i].contains("\"state\":\"submitted\"")) dup.append(lines_[i]);
        }
        auto r = vigilctl({"replay", write(QStringLiteral("dup.ndjson"), dup)});
        QVERIFY2(r.code == 0, qPrintable(QString::number(r.code) + r.err));
        QCOMPARE(field(r.out, QStringLiteral("records")), qint64(-1));  // "N records", not records=
        QVERIFY2(r.out.contains(QStringLiteral("replayed ")), qPrintable(r.out));
        QCOMPARE(field(r.out, QStringLiteral("malformed")), 0);
        // A duplicated metric sample is refused (not newer than itself), never more
        // records than there are.
        const qint64 rejected = field(r.out, QStringLiteral("rejected"));
        QVERIFY2(rejected >= 0 && rejected <= dup.size() - lines_.size(), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliBadRecords)
#include "tst_cli_badrecords.moc"
