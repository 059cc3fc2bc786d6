// The live-sources configuration: the shipped example loads; every section
// fills its options; mistakes are all reported, each with its line and key
// (docs/configuration.md), so nothing starts half-configured.
#include "ConfigSamples.h"
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "collect/CollectConfig.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vigil::collect;

namespace {
bool hasError(const ConfigLoad& l, int line, const std::string& key, const std::string& reasonPart) {
    for (const auto& e : l.errors)
        if (e.line == line && e.key == key && e.reason.find(reasonPart) != std::string::npos) return true;
    return false;
}
std::string listed(const ConfigLoad& l) {
    std::string s;
    for (const auto& e : l.errors) s += formatConfigError("f", e) + "\n";
    return s;
}
void write(const QString& path, const char* text) {
    std::ofstream(path.toStdString()) << text;
}
}  // namespace

class TestCollectConfig : public QObject {
    Q_OBJECT
private slots:
    void shippedExampleLoads() {
        const auto l = loadCollectConfig(VIGIL_SOURCE_DIR "/resources/collect.yaml");
        QVERIFY2(l.errors.empty(), listed(l).c_str());
        QVERIFY(l.config.ingest.has_value());
        QCOMPARE(l.config.ingest->address, std::string("127.0.0.1"));
        QCOMPARE(l.config.ingest->httpPort, 4318);
        QCOMPARE(l.config.ingest->tokens.size(), std::size_t(1));
        QCOMPARE(l.config.rpc.chains.size(), std::size_t(1));
        QCOMPARE(l.config.rpc.chains[0].chainId, std::uint64_t(31337));
        QCOMPARE(l.config.scrape.targets[0].url, std::string("http://127.0.0.1:9100/metrics"));
        QCOMPARE(l.config.metrics->port, 9464);
        // Keys left out keep their defaults (the sources' own checks would refuse zeros).
        QCOMPARE(l.config.scrape.maxBodyBytes, ScrapeOptions{}.maxBodyBytes);
        QCOMPARE(l.config.scrape.maxSamplesPerScrape, ScrapeOptions{}.maxSamplesPerScrape);
        QCOMPARE(l.config.logs.maxLineBytes, LogFollowOptions{}.maxLineBytes);
        const auto minimal = parseCollectConfig("ingest:\n  tcp_port: 7000\n  token_files: [demo-ingest.token]\n", VIGIL_SOURCE_DIR "/resources");
        QVERIFY2(minimal.errors.empty(), listed(minimal).c_str());
        QCOMPARE(minimal.config.ingest->httpPort, -1);
        QCOMPARE(minimal.config.ingest->limits.maxBodyBytes, IngestLimits{}.maxBodyBytes);
        QCOMPARE(minimal.config.ingest->limits.idleTimeout.count(), IngestLimits{}.idleTimeout.count());
    }

    void everySectionFillsItsOptions() {
        QTemporaryDir dir;
        write(dir.filePath("tokens.txt"), "# a comment\nfirst-token-0123456789\n\n  second-token-0123456789  \n");
        const auto l = parseCollectConfig(configtest::kFull, dir.path().toStdString());
        QVERIFY2(l.errors.empty(), listed(l).c_str());
        const auto& c = l.config;
        QCOMPARE(c.ingest->tokens, (std::vector<std::string>{"first-token-0123456789", "second-token-0123456789"}));
        QCOMPARE(c.ingest->httpPort, 0);
        QCOMPARE(c.ingest->tcpPort, 7071);
        QCOMPARE(c.ingest->limits.maxLineBytes, std::size_t(4096));
        QCOMPARE(c.ingest->limits.idleTimeout.count(), 1500LL);
        QCOMPARE(c.metrics->port, 9465);
        QCOMPARE(c.rpc.interval.count(), 2000LL);
        QCOMPARE(c.rpc.deadline.count(), 500LL);
        QCOMPARE(c.rpc.rewardPercentiles, (std::vector<double>{25, 75}));
        QCOMPARE(c.rpc.chains[0].endpoints.size(), std::size_t(2));
        QCOMPARE(c.rpc.chains[0].endpoints[1].name, std::string("b"));
        QCOMPARE(c.scrape.interval.count(), 12000LL);
        QCOMPARE(c.scrape.keep, (std::vector<std::string>{"node_cpu_*"}));
        QCOMPARE(c.queries.size(), std::size_t(1));
        QCOMPARE(c.queries[0].lookback.count(), 300000LL);
        QCOMPARE(c.queries[0].queries[0].series, std::string("host.up"));
        QCOMPARE(c.queries[0].queries[0].targetLabel, std::string("instance"));  // the default stays
        QCOMPARE(c.logs.poll.count(), 100LL);
        QCOMPARE(c.logs.files.size(), std::size_t(2));
        QCOMPARE(c.logs.files[0].path, (dir.path() + "/agent.log").toStdString());  // relative to the config
        QCOMPARE(int(c.logs.files[1].format), int(LogFileFormat::Regex));
        QVERIFY(c.logs.files[1].fromStart);
    }

    void mistakesAreAllReportedWithLineAndKey() {
        const auto l = parseCollectConfig(configtest::kBad, "");
        QVERIFY2(hasError(l, 3, "ingest.http_port", "99999 is outside 0..65535"), listed(l).c_str());
        QVERIFY2(hasError(l, 2, "ingest.token_files", "10.0.0.5 is not loopback"), listed(l).c_str());
        QVERIFY(hasError(l, 5, "ingest.limits.idle_timeout", "'30' is not a duration"));
        QVERIFY(hasError(l, 8, "metrics.adress", "unknown key"));
        QVERIFY(hasError(l, 11, "rpc.deadline", "shorter than the interval"));
        QVERIFY(hasError(l, 16, "rpc.chains[0].endpoints[0].url", "must start with http://"));
        QVERIFY(hasError(l, 17, "rpc.chains[0].endpoints[1].name", "'x' is used twice"));
        QVERIFY(hasError(l, 20, "scrape.targets", "must be a list"));
        QCOMPARE(l.errors.size(), std::size_t(8));
        QCOMPARE(QString::fromStdString(formatConfigError("c.yaml", l.errors[0])),
                 QStringLiteral("c.yaml:3: ingest.http_port: 99999 is outside 0..65535"));
    }

    void tokenFilesAreChecked() {
        QTemporaryDir dir;
        write(dir.filePath("short.txt"), "abc\n");
        const auto l = parseCollectConfig(configtest::kShortToken, dir.path().toStdString());
        QVERIFY2(hasError(l, 3, "ingest.token_files[0]", "shorter than 16 characters"), listed(l).c_str());
        QVERIFY(hasError(l, 3, "ingest.token_files[1]", "cannot read token file"));
    }

    void syntaxErrorsAndEmptyConfigsSaySo() {
        auto l = parseCollectConfig(configtest::kSyntax, "");
        QCOMPARE(l.errors.size(), std::size_t(1));
        QCOMPARE(l.errors[0].key, std::string("yaml"));
        QVERIFY(l.errors[0].line > 0);
        l = parseCollectConfig(configtest::kNoSources, "");
        QVERIFY(hasError(l, 1, "", "no source configured"));
        l = parseCollectConfig("", "");
        QVERIFY(!l.errors.empty());
        l = loadCollectConfig("/nonexistent/vigil.yaml");
        QCOMPARE(QString::fromStdString(formatConfigError("/nonexistent/vigil.yaml", l.errors[0])),
                 QStringLiteral("/nonexistent/vigil.yaml: cannot read the file"));
    }
};

QTEST_GUILESS_MAIN(TestCollectConfig)
#include "tst_collectconfig.moc"
