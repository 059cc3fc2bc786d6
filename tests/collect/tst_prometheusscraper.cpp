// PrometheusScraper against a real prometheus-node-exporter on a free loopback
// port (started here, stopped by PID), a canned /metrics with bad lines, and a
// port nothing listens on.
#include "collect/CollectTestSupport.h"
#include "collect/ProcessPeer.h"
#include "collect/PrometheusScraper.h"
#include "net/CannedServer.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::collect;
using collecttest::values;

namespace {

ScrapeOptions quick(std::vector<ScrapeTargetOptions> targets) {
    ScrapeOptions o;
    o.interval = std::chrono::milliseconds(1000);
    o.deadline = std::chrono::milliseconds(800);
    o.targets = std::move(targets);
    return o;
}

std::vector<std::string> seriesOf(const std::vector<Record>& rs, const std::string& target) {
    std::vector<std::string> out;
    for (const auto& r : rs)
        if (const auto* m = std::get_if<MetricSample>(&r); m && m->target == target) out.push_back(m->series);
    return out;
}

}  // namespace

class TestPrometheusScraper : public QObject {
    Q_OBJECT
private slots:
    void scrapesARealNodeExporter();
    void badLinesAreNamedAndTheRestKept();
    void aDeadTargetIsDownNotStuck();
};

void TestPrometheusScraper::scrapesARealNodeExporter() {
    collecttest::ProcessPeer exporter;
    QString error;
    QVERIFY2(exporter.start("/usr/bin/prometheus-node-exporter", {"--web.listen-address=127.0.0.1:{port}"},
                            "/metrics", &error),
             qPrintable(error));
    collecttest::VectorSink sink;
    SystemClock clock;
    collecttest::IoThread io;
    ScrapeOptions o = quick({{"node", exporter.url("/metrics")}});
    o.keep = {"node_load*", "process_cpu_seconds_total", "node_cpu_seconds_total"};
    PrometheusScraper scraper(io.io(), o, sink, clock);
    scraper.start();
    QTRY_VERIFY_WITH_TIMEOUT(scraper.rounds() >= 2, 15000);
    scraper.stop();

    const auto rs = sink.records();
    const auto up = values(rs, "up", "scrape:node");
    QVERIFY(up.size() >= 2);
    for (const auto& [ts, v] : up) QCOMPARE(v, 1.0);
    QCOMPARE(values(rs, "scrape_parse_errors", "scrape:node").front().second, 0.0);
    QVERIFY(values(rs, "scrape_samples_scraped", "scrape:node").front().second > 100);  // before `keep`
    const double duration = values(rs, "scrape_duration_seconds", "scrape:node").front().second;
    QVERIFY(duration > 0 && duration < 0.8);  // answered, so within the 0.8 s deadline
    QVERIFY(!values(rs, "node_load1", "scrape:node").empty());
    QVERIFY(!values(rs, "process_cpu_seconds_total", "scrape:node").empty());
    const auto names = seriesOf(rs, "scrape:node");
    QVERIFY(std::any_of(names.begin(), names.end(), [](const std::string& s) {
        return s.rfind("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}", 0) == 0;
    }));
    // `keep` held: nothing but the kept families and the synthetic series.
    for (const std::string& s : names) {
        const bool synthetic = s == "up" || s.rfind("scrape_", 0) == 0;
        QVERIFY2(synthetic || s.rfind("node_load", 0) == 0 || s.rfind("process_cpu_seconds_total", 0) == 0 ||
                     s.rfind("node_cpu_seconds_total", 0) == 0,
                 s.c_str());
    }
    QCOMPARE(scraper.counters().malformed, std::uint64_t(0));
    QVERIFY(scraper.targets().front().up);
}

void TestPrometheusScraper::badLinesAreNamedAndTheRestKept() {
    nettest::CannedServer server(nettest::httpReply(200, "good_one 1\nbad{x=\"1\" 2\ngood_two 2 1767225600000\n"));
    collecttest::VectorSink sink;
    SystemClock clock;
    collecttest::IoThread io;
    PrometheusScraper scraper(io.io(), quick({{"canned", server.url() + "metrics"}}), sink, clock);
    scraper.start();
    QTRY_VERIFY_WITH_TIMEOUT(scraper.rounds() >= 1, 10000);
    scraper.stop();
    const auto rs = sink.records();
    QCOMPARE(values(rs, "good_one", "scrape:canned").size(), std::size_t(1));
    const auto two = values(rs, "good_two", "scrape:canned");
    QCOMPARE(two.at(0).first, TimestampMs(1767225600000));  // the sample's own timestamp
    QCOMPARE(values(rs, "up", "scrape:canned").at(0).second, 1.0);
    QCOMPARE(values(rs, "scrape_parse_errors", "scrape:canned").at(0).second, 1.0);
    const std::string reason =
        "scrape:canned (" + server.url() + "metrics): line 2: ',' or '}' expected after a label value";
    QCOMPARE(scraper.lastErrors().at(0), reason);
    bool logged = false;
    for (const auto& r : rs)
        if (const auto* l = std::get_if<LogLine>(&r)) logged = logged || (l->message == reason && l->level == LogLevel::Warn);
    QVERIFY(logged);
    QVERIFY(scraper.counters().malformed >= 1);
}

void TestPrometheusScraper::aDeadTargetIsDownNotStuck() {
    nettest::CannedServer silent("", true);  // accepts through the backlog, never answers
    const int deadPort = collecttest::ProcessPeer::freePort();
    collecttest::VectorSink sink;
    SystemClock clock;
    collecttest::IoThread io;
    PrometheusScraper scraper(io.io(),
                              quick({{"dead", "http://127.0.0.1:" + std::to_string(deadPort) + "/metrics"},
                                     {"hung", silent.url() + "metrics"}}),
                              sink, clock);
    scraper.start();
    QTRY_VERIFY_WITH_TIMEOUT(scraper.rounds() >= 2, 10000);
    scraper.stop();
    const auto rs = sink.records();
    for (const auto& [ts, v] : values(rs, "up", "scrape:dead")) QCOMPARE(v, 0.0);
    for (const auto& [ts, v] : values(rs, "up", "scrape:hung")) QCOMPARE(v, 0.0);
    QVERIFY(scraper.counters().refused >= 2);
    QVERIFY(scraper.counters().timeouts >= 2);
    QVERIFY(QString::fromStdString(scraper.targets()[0].lastError).endsWith("connection refused"));
    // Going down is logged once, not every round.
    int downLogs = 0;
    for (const auto& r : rs)
        if (const auto* l = std::get_if<LogLine>(&r); l && l->source == "scrape:dead") ++downLogs;
    QCOMPARE(downLogs, 1);
}

QTEST_GUILESS_MAIN(TestPrometheusScraper)
#include "tst_prometheusscraper.moc"
