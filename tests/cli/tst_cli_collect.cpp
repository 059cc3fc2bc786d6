// vigilctl config check, run --config and simulate --connect end to end: the
// shipped example checks clean; a bad file exits 2 naming FILE:LINE: key; run
// --config starts its ingest and /metrics, simulate --connect drives it over
// TCP, /metrics counts every record, SIGTERM stops it with a summary; a source
// that cannot start (port taken) starts nothing and exits 1. Process timeouts
// and polling loops are hang guards, not timing assertions.
#include "CliTestSupport.h"
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace clitest;

namespace {
// GET /metrics from the running Vigil (raw HTTP/1.0: the test is the client here).
QString scrape(int port) {
    namespace asio = boost::asio;
    try {
        asio::io_context io;
        asio::ip::tcp::socket s(io);
        s.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
        asio::write(s, asio::buffer(std::string("GET /metrics HTTP/1.0\r\nHost: x\r\n\r\n")));
        std::string out;
        char buf[4096];
        boost::system::error_code ec;
        for (std::size_t n; (n = s.read_some(asio::buffer(buf), ec)) > 0 || !ec;) out.append(buf, n);
        return QString::fromStdString(out);
    } catch (const std::exception&) {
        return {};
    }
}
int portAfter(const QString& text, const QString& label) {
    const auto m = QRegularExpression(label + QStringLiteral("(\\d+)")).match(text);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}
}  // namespace

class TestCliCollect : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString writeConfig(const QString& name, const QString& yaml) {
        writeFile(dir_.filePath(QStringLiteral("token")), "cli-test-token-0123456789\n");
        const QString path = dir_.filePath(name);
        writeFile(path, yaml.toUtf8());
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY2(!vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)");
        QVERIFY(dir_.isValid());
    }

    void configCheckAcceptsTheShippedExample() {
        const auto r = vigilctl({"config", "check", QStringLiteral(VIGIL_SOURCE_DIR "/resources/collect.yaml")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral(": ok: ingest 127.0.0.1 http 4318 tcp 7070, 1 token(s)")), qPrintable(r.out));
    }

    void configCheckNamesFileLineAndKey() {
        const QString bad = writeConfig(QStringLiteral("bad.yaml"),
                                        QStringLiteral("ingest:\n  tcp_port: 7000\n  token_files: [token]\n  limits:\n    max_conections: 5\n"));
        const auto r = vigilctl({"config", "check", bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(bad + QStringLiteral(":5: ingest.limits.max_conections: unknown key")), qPrintable(r.err));
        QCOMPARE(vigilctl({"config", "check", dir_.filePath(QStringLiteral("missing.yaml"))}).code, 2);
        QCOMPARE(vigilctl({"config", "check"}).code, 2);
        // run refuses the same file the same way, before opening any database.
        const auto run = vigilctl({"run", "--config", bad, "--db", dir_.filePath(QStringLiteral("never.db"))});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QStringLiteral(":5: ingest.limits.max_conections")));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("never.db"))));
        QCOMPARE(vigilctl({"run", "--demo", "--config", bad}).code, 2);
    }

    void runConfigTakesWhatSimulateConnectSends() {
        const QString cfg = writeConfig(QStringLiteral("live.yaml"),
                                        QStringLiteral("ingest:\n  tcp_port: 0\n  http_port: 0\n  token_files: [token]\n"
                                                       "metrics:\n  port: 0\n"));
        QProcess run;
        run.start(vigilctlPath(), {"run", "--config", cfg, "--db", dir_.filePath(QStringLiteral("live.db")), "--duration", "600"});
        QString seen;
        QVERIFY2(waitForOutput(run, QStringLiteral("/metrics\n"), seen), qPrintable(seen + run.readAllStandardError()));
        const int tcp = portAfter(seen, QStringLiteral(" tcp "));
        const int metrics = portAfter(seen, QStringLiteral("http://127.0.0.1:"));
        QVERIFY(tcp > 0 && metrics > 0);

        const auto sim = vigilctl({"simulate", "--scenario", "cascade", "--duration", "120", "--seed", "5", "--connect",
                                   QStringLiteral("127.0.0.1:%1").arg(tcp), "--token-file", dir_.filePath(QStringLiteral("token")),
                                   "--speed", "240"});
        QVERIFY2(sim.code == 0, qPrintable(sim.err));
        const int sent = portAfter(sim.out, QStringLiteral("120 s: "));
        QVERIFY2(sent > 1000, qPrintable(sim.out));
        const QString want = QStringLiteral("vigil_records_received_total{source=\"tcp\"} %1\n").arg(sent);
        QString text;
        for (int i = 0; i < 600 && !text.contains(want); ++i) {
            text = scrape(metrics);
            if (!text.contains(want)) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QVERIFY2(text.contains(want), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("# TYPE vigil_engine_queue_depth gauge")));
        QVERIFY(text.contains(QStringLiteral("vigil_records_malformed_total{source=\"ingest\"} 0\n")));

        const auto wrong = writeFile(dir_.filePath(QStringLiteral("wrong")), "not-the-right-token-123\n");
        QVERIFY(wrong);
        const auto refused = vigilctl({"simulate", "--scenario", "cascade", "--duration", "120", "--seed", "5", "--connect",
                                       QStringLiteral("127.0.0.1:%1").arg(tcp), "--token-file", dir_.filePath(QStringLiteral("wrong"))});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("refused the token: ERR unauthorized")), qPrintable(refused.err));

        run.terminate();  // SIGTERM
        QVERIFY(run.waitForFinished(60000));
        seen += QString::fromUtf8(run.readAllStandardOutput());
        QCOMPARE(run.exitCode(), 0);
        QVERIFY2(seen.contains(QStringLiteral("stopped (SIGTERM): %1 records").arg(sent)), qPrintable(seen));
    }

    void aSourceThatCannotStartStartsNothing() {
        // Hold a port, then configure the ingest on it.
        namespace asio = boost::asio;
        asio::io_context io;
        asio::ip::tcp::acceptor holder(io, {asio::ip::make_address("127.0.0.1"), 0});
        const int taken = holder.local_endpoint().port();
        const QString cfg = writeConfig(QStringLiteral("taken.yaml"),
                                        QStringLiteral("ingest:\n  tcp_port: %1\n  token_files: [token]\nmetrics:\n  port: 0\n").arg(taken));
        const auto r = vigilctl({"run", "--config", cfg, "--db", dir_.filePath(QStringLiteral("taken.db")), "--duration", "30"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot start: ingest: cannot listen on 127.0.0.1:%1").arg(taken)), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("nothing was started")));
        QVERIFY(!r.out.contains(QStringLiteral("/metrics")));
    }
};

QTEST_GUILESS_MAIN(TestCliCollect)
#include "tst_cli_collect.moc"
