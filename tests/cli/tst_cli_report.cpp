// Incident reports from the command line: `vigilctl replay LOG --report` as PDF,
// HTML and JSON (the format from the extension), and `vigilctl report --db` for
// one incident of a database the replay stored and audited, whose audit chain
// the report says is intact. Unknown incidents and extensions exit 2. Not in
// the sanitizer build (no report renderer there).
#include "CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using clitest::readFile;
using clitest::vigilctl;

class TestCliReport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_, db_;

private slots:
    void initTestCase() {
        QVERIFY2(!clitest::vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("c.ndjson"));
        auto r = vigilctl({"simulate", "--scenario", "cascade", "--duration", "900", "--seed", "7", "--out", log_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void replayWritesEachFormat() {
        const QString json = dir_.filePath(QStringLiteral("r.json")), html = dir_.filePath(QStringLiteral("r.html")),
                      pdf = dir_.filePath(QStringLiteral("r.PDF"));
        for (const QString& out : {json, html, pdf}) {
            const auto r = vigilctl({"replay", log_, "--policy", "shipped", "--report", out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        const QJsonObject rep = QJsonDocument::fromJson(readFile(json)).object();
        const QJsonArray incidents = rep[QStringLiteral("incidents")].toArray();
        QVERIFY(!incidents.isEmpty());
        QVERIFY(rep[QStringLiteral("action_count")].toInt() > 0);
        QVERIFY(rep[QStringLiteral("audit")].toObject()[QStringLiteral("verdict")].toString().startsWith(
            QStringLiteral("not checked")));

        const QString page = QString::fromUtf8(readFile(html));
        for (const auto& v : incidents) {  // every incident's narrative and every action's kind is in the HTML
            const QJsonObject inc = v.toObject();
            QVERIFY(page.contains(inc[QStringLiteral("narrative")].toString().toHtmlEscaped()));
            for (const auto& a : inc[QStringLiteral("actions")].toArray())
                QVERIFY(
                    page.contains(QStringLiteral("<td>%1</td>").arg(a.toObject()[QStringLiteral("kind")].toString())));
        }
        QVERIFY(page.contains(QStringLiteral("nothing was sent")));
        QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));

        // One incident of the replay: only its section.
        const QString one = dir_.filePath(QStringLiteral("one.json"));
        const QString id = incidents[0].toObject()[QStringLiteral("id")].toString();
        auto r = vigilctl({"replay", log_, "--policy", "shipped", "--report", one, "--incident", id});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject single = QJsonDocument::fromJson(readFile(one)).object();
        QCOMPARE(single[QStringLiteral("incident_count")].toInt(), 1);
        QCOMPARE(single[QStringLiteral("incidents")].toArray()[0].toObject()[QStringLiteral("id")].toString(), id);
        r = vigilctl({"replay", log_, "--report", one, "--incident", "INC-404"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no incident 'INC-404' in this replay")), qPrintable(r.err));

        const QByteArray bytes = readFile(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.size() > 50'000, qPrintable(QString::number(bytes.size())));
    }

    void reportFromAnAuditedDatabase() {
        db_ = dir_.filePath(QStringLiteral("v.db"));
        auto r = vigilctl({"replay", log_, "--db", db_, "--policy", "shipped"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString all = dir_.filePath(QStringLiteral("all.json"));
        r = vigilctl({"report", "--db", db_, "--out", all});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject rep = QJsonDocument::fromJson(readFile(all)).object();
        QVERIFY(rep[QStringLiteral("audit")].toObject()[QStringLiteral("intact")].toBool());
        const QString id = rep[QStringLiteral("incidents")].toArray()[0].toObject()[QStringLiteral("id")].toString();
        QVERIFY(!id.isEmpty());

        const QString html = dir_.filePath(QStringLiteral("one.html"));
        r = vigilctl({"report", "--db", db_, "--incident", id, "--out", html});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 incidents, audit intact")), qPrintable(r.out));
        const QString page = QString::fromUtf8(readFile(html));
        QVERIFY(page.contains(QStringLiteral("Incident %1").arg(id)));
        QVERIFY(page.contains(QStringLiteral("intact: ")));
        QVERIFY(page.contains(QStringLiteral("requested by vigil")) ||
                page.contains(QStringLiteral("No action needed approval")));

        const QString pdf = dir_.filePath(QStringLiteral("one.pdf"));
        r = vigilctl({"report", "--db", db_, "--incident", id, "--out", pdf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(readFile(pdf).startsWith("%PDF-"));
    }

    void badInputExitsTwo() {
        auto r = vigilctl(
            {"report", "--db", db_, "--incident", "INC-404", "--out", dir_.filePath(QStringLiteral("x.json"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no incident 'INC-404'")), qPrintable(r.err));
        r = vigilctl({"report", "--db", db_, "--out", dir_.filePath(QStringLiteral("x.doc"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--out")), qPrintable(r.err));
        r = vigilctl({"report", "--db", dir_.filePath(QStringLiteral("missing.db")), "--out",
                      dir_.filePath(QStringLiteral("x.json"))});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("missing.db"))));
        QCOMPARE(vigilctl({"report", "--out", dir_.filePath(QStringLiteral("x.json"))}).code, 2);
        r = vigilctl({"replay", log_, "--report", dir_.filePath(QStringLiteral("no/dir/r.pdf"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no/dir/r.pdf")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
