// The incident report (core/eval/IncidentReport, ui/report, app/common/ReportJson)
// on a known replay: the HTML holds the narrative, every action with its
// outcome, every approval with who decided, the audit verdict and the charts;
// the PDF is a real multi-page PDF; the JSON parses and its counts match. The
// same report from a real SQLite database (reportFromStore) finds the same
// incident, actions, approvals and metric points.
#include "ReportSamples.h"

#include "common/ReportJson.h"
#include "eval/IncidentReport.h"
#include "eval/ReportFromStore.h"
#include "store/StoreWriter.h"
#include "ui/report/ReportChartImage.h"
#include "ui/report/ReportRender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace reporttest;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

IncidentReport sample() {
    IncidentReport rep = reportFromRun(run());
    rep.title = "Replay of sample.ndjson";
    rep.source = "sample.ndjson";
    rep.records = 240;
    rep.audit = {true, true, 9, "intact: 9 entries, every hash and link checked, seal valid at seq 9"};
    return rep;
}

// The chart's points as reportFromRun chose them, filled as fillChartsFromLog would.
void fillFromInputs(IncidentReport& rep) {
    for (auto& inc : rep.incidents) {
        for (auto& c : inc.charts)
            for (const Record& r : inputs())
                if (const auto* m = std::get_if<MetricSample>(&r);
                    m && m->series == c.series && m->target == c.target && m->ts >= c.from && m->ts <= c.to)
                    c.points.emplace_back(m->ts, m->value);
        keepDrawableCharts(inc);
    }
}

}  // namespace

class TestIncidentReport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void sectionsFromTheRun() {
        IncidentReport rep = sample();
        QCOMPARE(int(rep.incidents.size()), 1);
        const ReportIncident& s = rep.incidents[0];
        QCOMPARE(QString::fromStdString(s.run.kind), QStringLiteral("stuck-tx"));
        QCOMPARE(int(s.actions.size()), 2);
        QCOMPARE(int(s.approvals.size()), 2);
        QCOMPARE(int(s.outcomes.size()), 1);
        QCOMPARE(int(s.anomalies.size()), 2);
        QCOMPARE(int(s.charts.size()), 1);
        QCOMPARE(int(s.charts[0].marks.size()), 2);
        // Timeline in time order, opening first and resolution last.
        QVERIFY(std::is_sorted(s.timeline.begin(), s.timeline.end(), [](auto& x, auto& y) { return x.ts < y.ts; }));
        QVERIFY(QString::fromStdString(s.timeline.front().what).startsWith(QStringLiteral("incident opened")));
        QCOMPARE(QString::fromStdString(s.timeline.back().what), QStringLiteral("incident resolved"));
        fillFromInputs(rep);
        QCOMPARE(int(rep.incidents[0].charts.size()), 1);
        QVERIFY(!rep.incidents[0].charts[0].points.empty());
    }

    void htmlHoldsEverySection() {
        IncidentReport rep = sample();
        fillFromInputs(rep);
        const QString path = dir_.filePath(QStringLiteral("r.html"));
        QString error;
        QVERIFY2(report::renderReport(rep, path, error), qPrintable(error));
        const QString html = QString::fromUtf8(readAll(path));
        QVERIFY(html.contains(QStringLiteral("Critical: stuck transactions on agent:agent-03 since 00:05:00Z.")));
        QVERIFY(html.contains(QStringLiteral("<td>retry_tx</td>")));
        QVERIFY(html.contains(QStringLiteral("<td>transfer</td>")));
        QVERIFY(html.contains(QStringLiteral("simulated: nothing sent")));  // the fee bump's outcome
        QVERIFY(html.contains(QStringLiteral("by alice")));                 // who approved
        QVERIFY(html.contains(QStringLiteral("2026-01-01 00:07:40Z")));     // ... and when
        QVERIFY(html.contains(QStringLiteral("requested by vigil")));
        QVERIFY(html.contains(QStringLiteral("intact: 9 entries")));
        QCOMPARE(html.count(QStringLiteral("<img src=\"data:image/png;base64,")), 1);
        // The embedded chart is a real picture, not an empty frame.
        const QImage chart = report::renderChart(rep.incidents[0].charts[0], rep.incidents[0].run.incident.opened);
        QCOMPARE(chart.size(), QSize(900, 300));
        QSet<QRgb> colours;
        for (int x = 0; x < chart.width(); x += 3)
            for (int y = 0; y < chart.height(); y += 3) colours.insert(chart.pixel(x, y));
        QVERIFY2(colours.size() > 8, "the chart image is blank");
        QVERIFY(colours.contains(qRgb(0xd6, 0x45, 0x41)));  // an anomaly mark
    }

    void pdfIsAPdfOfSeveralPages() {
        IncidentReport rep = sample();
        fillFromInputs(rep);
        const QString path = dir_.filePath(QStringLiteral("r.pdf"));
        QString error;
        QVERIFY2(report::renderReport(rep, path, error), qPrintable(error));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        int n = 0;  // page objects (not the /Pages tree)
        for (auto it = QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]")).globalMatch(QString::fromLatin1(pdf));
             it.hasNext(); it.next())
            ++n;
        QVERIFY2(n >= 2, qPrintable(QStringLiteral("%1 pages").arg(n)));         // the summary, then the incident
        QVERIFY2(pdf.size() > 20'000, qPrintable(QString::number(pdf.size())));  // the chart is in it
        // An unwritable path is an error naming it, not a crash.
        QVERIFY(!report::renderReport(rep, dir_.filePath(QStringLiteral("no/such/dir/r.pdf")), error));
        QVERIFY(error.contains(QStringLiteral("no/such/dir/r.pdf")));
    }

    void jsonParsesAndCountsMatch() {
        IncidentReport rep = sample();
        fillFromInputs(rep);
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(app::reportJson(rep), &e).object();
        QCOMPARE(int(e.error), int(QJsonParseError::NoError));
        QCOMPARE(o[QStringLiteral("incident_count")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("action_count")].toInt(), 2);
        QCOMPARE(o[QStringLiteral("approval_count")].toInt(), 2);
        const QJsonObject inc = o[QStringLiteral("incidents")].toArray()[0].toObject();
        QCOMPARE(inc[QStringLiteral("actions")].toArray().size(), 2);
        QCOMPARE(inc[QStringLiteral("actions")]
                     .toArray()[0]
                     .toObject()[QStringLiteral("outcome")]
                     .toObject()[QStringLiteral("success")]
                     .toBool(),
                 true);
        QCOMPARE(inc[QStringLiteral("approvals")].toArray()[1].toObject()[QStringLiteral("approver")].toString(),
                 QStringLiteral("alice"));
        QCOMPARE(inc[QStringLiteral("charts")].toArray()[0].toObject()[QStringLiteral("anomalies_at")].toArray().size(),
                 2);
        QCOMPARE(o[QStringLiteral("audit")].toObject()[QStringLiteral("intact")].toBool(), true);
        QCOMPARE(app::reportJson(rep), app::reportJson(rep));
    }

    void sameReportFromADatabase() {
        const std::string db = dir_.filePath(QStringLiteral("v.db")).toStdString();
        {
            auto w = store::StoreWriter::open(db);
            QVERIFY2(w.ok(), w.error().c_str());
            QVERIFY(w.value()->append(inputs()));
            QVERIFY(w.value()->append(outputs()));
            w.value()->close();
        }
        auto reader = store::StoreReader::open(db);
        QVERIFY2(reader.ok(), reader.error().c_str());
        auto rep = reportFromStore(*reader.value(), "INC-000001");
        QVERIFY2(rep.ok(), rep.error().c_str());
        QCOMPARE(int(rep->incidents.size()), 1);
        const ReportIncident& s = rep->incidents[0];
        QCOMPARE(QString::fromStdString(s.run.kind), QStringLiteral("stuck-tx"));
        QCOMPARE(int(s.actions.size()), 2);
        QCOMPARE(int(s.approvals.size()), 2);
        QCOMPARE(QString::fromStdString(s.approvals[1].approver), QStringLiteral("alice"));
        QCOMPARE(int(s.outcomes.size()), 1);
        QCOMPARE(int(s.charts.size()), 1);
        QVERIFY(s.charts[0].points.size() > 100);
        QVERIFY(QString::fromStdString(s.run.incident.narrative).contains(QStringLiteral("stuck transactions")));
        // An unknown incident names the database and the id.
        auto none = reportFromStore(*reader.value(), "INC-404");
        QVERIFY(!none.ok());
        QVERIFY2(QString::fromStdString(none.error()).contains(QStringLiteral("no incident 'INC-404'")),
                 none.error().c_str());
    }
};

QTEST_MAIN(TestIncidentReport)
#include "tst_incidentreport.moc"
