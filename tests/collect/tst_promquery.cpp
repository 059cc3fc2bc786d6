// PromQuery against a real prometheus server (Debian package) that scrapes a real
// prometheus-node-exporter every second from a temporary config; both on free
// loopback ports, stopped by PID. The test waits until the server has data, then
// checks the samples read back through /api/v1/query_range, that later rounds
// emit only samples not seen before, and that a bad query's reason is kept.
#include "collect/CollectTestSupport.h"
#include "collect/ProcessPeer.h"
#include "collect/PromQuery.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using namespace vigil;
using namespace vigil::collect;
using collecttest::values;

class TestPromQuery : public QObject {
    Q_OBJECT
private slots:
    void parsesAnswers();
    void readsBackWhatPrometheusScraped();
};

void TestPromQuery::parsesAnswers() {
    std::vector<PromRangeSeries> out;
    std::string error;
    const std::string ok =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"up\","
        "\"instance\":\"h:1\"},\"values\":[[1700000000.5,\"1\"],[1700000001,\"NaN\"]]}]}}";
    QVERIFY(parseQueryRange(ok, out, error));
    QCOMPARE(int(out.size()), 1);
    QCOMPARE(out[0].labels.at(1).second, std::string("h:1"));
    QCOMPARE(out[0].values.at(0).first, TimestampMs(1700000000500));
    QCOMPARE(out[0].values.at(0).second, 1.0);
    QVERIFY(std::isnan(out[0].values.at(1).second));
    QVERIFY(!parseQueryRange("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}", out, error));
    QCOMPARE(error, std::string("bad_data: parse error"));
    QVERIFY(!parseQueryRange("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}", out, error));
    QCOMPARE(error, std::string("answer's data is not a matrix"));
    QCOMPARE(urlEncode("rate(a{b=\"c d\"}[1m])"), std::string("rate%28a%7Bb%3D%22c%20d%22%7D%5B1m%5D%29"));
}

void TestPromQuery::readsBackWhatPrometheusScraped() {
    QString error;
    collecttest::ProcessPeer exporter;
    QVERIFY2(exporter.start("/usr/bin/prometheus-node-exporter", {"--web.listen-address=127.0.0.1:{port}"},
                            "/metrics", &error),
             qPrintable(error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string config = dir.filePath("prometheus.yml").toStdString();
    std::ofstream(config) << "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                             "scrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ['127.0.0.1:"
                          << exporter.port() << "']\n";
    collecttest::ProcessPeer prometheus;
    QVERIFY2(prometheus.start("/usr/bin/prometheus",
                              {"--config.file=" + config, "--storage.tsdb.path=" + dir.filePath("data").toStdString(),
                               "--web.listen-address=127.0.0.1:{port}"},
                              "/-/ready", &error, 60),
             qPrintable(error));

    collecttest::VectorSink sink;
    SystemClock clock;
    collecttest::IoThread io;
    PromQueryOptions o;
    o.name = "test";
    o.url = prometheus.url("/");
    o.interval = std::chrono::milliseconds(1000);
    o.deadline = std::chrono::milliseconds(900);
    o.step = std::chrono::milliseconds(1000);
    o.lookback = std::chrono::milliseconds(60000);
    o.queries = {{"sum by (instance) (up{job=\"node\"})", "host.up", "instance", "host"},
                 {"node_load1", "host.load1", "instance", "host"},
                 {"rate(", "broken", "instance", "host"}};
    PromQuery query(io.io(), o, sink, clock);
    query.start();
    const std::string target = "host:127.0.0.1:" + std::to_string(exporter.port());
    // Prometheus needs a scrape or two before the range has points.
    QTRY_VERIFY2_WITH_TIMEOUT(values(sink.records(), "host.up", target).size() >= 3,
                              qPrintable(QString::fromStdString(query.lastError())), 60000);
    // Labels besides the target label stay in the series name.
    QTRY_VERIFY_WITH_TIMEOUT(!values(sink.records(), "host.load1{job=\"node\"}", target).empty(), 30000);
    const auto roundsNow = query.rounds();
    QTRY_VERIFY_WITH_TIMEOUT(query.rounds() >= roundsNow + 2, 10000);
    query.stop();

    const auto rs = sink.records();
    const auto up = values(rs, "host.up", target);
    std::set<TimestampMs> seen;
    TimestampMs last = 0;
    for (const auto& [ts, v] : up) {
        QCOMPARE(v, 1.0);
        QVERIFY2(seen.insert(ts).second, "a sample emitted twice");
        QVERIFY(ts > last);  // only newer samples, in order
        last = ts;
        QCOMPARE(ts % 1000, TimestampMs(0));  // on the step grid
    }
    QCOMPARE(query.lastError(), std::string("prom:test queries[2]: bad_data: 1:6: parse error: unclosed left parenthesis"));
    QVERIFY(query.counters().httpErrors >= 1);
    QVERIFY(values(rs, "broken", target).empty());
}

QTEST_GUILESS_MAIN(TestPromQuery)
#include "tst_promquery.moc"
