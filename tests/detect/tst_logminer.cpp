// The online log template miner: grouping on small hand-made logs, generic masks,
// merging, bounded memory, deterministic ids, and the CSV reader it is scored with.
#include "detect/logs/CsvReader.h"
#include "detect/logs/LogTemplateMiner.h"
#include "detect/logs/LoghubSample.h"

#include <QtTest>

using namespace vigil::logs;

namespace {
// Letters only, distinct per n: the miner must not see digits in it.
std::string word(std::size_t n) {
    std::string w;
    do {
        w.push_back(static_cast<char>('a' + n % 26));
        n /= 26;
    } while (n);
    return w + "x";
}
}  // namespace

class TestLogMiner : public QObject {
    Q_OBJECT
private slots:
    void groupsHandMadeLog() {
        const std::vector<std::pair<std::string, std::string>> log = {
            {"Accepted password for alice from 10.0.0.1 port 51022 ssh2", "accept"},
            {"Connection closed by 10.0.0.7 [preauth]", "closed"},
            {"Accepted password for bob from 192.168.1.20 port 40022 ssh2", "accept"},
            {"disk /dev/sda1 is 91% full", "disk"},
            {"Connection closed by 172.16.4.1 [preauth]", "closed"},
            {"Received block blk_-6952295868487656571 of size 67108864 from /10.251.42.84", "block"},
            {"disk /dev/nvme0n1p2 is 99% full", "disk"},
            {"Accepted password for carol from 10.9.9.9 port 2222 ssh2", "accept"},
            {"Received block blk_38865049064139660 of size 3545 from /10.250.19.102", "block"},
            {"worker queue drained in 35 ms", "drained"},
            {"worker queue stalled for 0x1f ms", "stalled"},
            {"worker queue drained in 7 ms", "drained"},
            {"session opened for user root by (uid=0)", "opened"},
            {"session opened for user news by (uid=9)", "opened"},
            {"session closed for user root", "sclosed"},
        };
        std::vector<std::string> messages, truth;
        for (const auto& [m, t] : log) {
            messages.push_back(m);
            truth.push_back(t);
        }
        std::size_t templates = 0;
        const auto ids = mineGroups(messages, LogMinerConfig{}, &templates);
        QCOMPARE(groupingAccuracy(ids, truth), 1.0);
        QCOMPARE(templates, std::size_t(8));
    }

    void templateTextKeepsConstantsAndMasksParameters() {
        LogTemplateMiner m;
        const auto a = m.add("login of user alice from 10.0.0.1 at Fri Jun 17 07:07:00 2005");
        QVERIFY(a.created);
        QCOMPARE(QString::fromStdString(m.templateText(a.id)), QStringLiteral("login of user alice from <*> at <*>"));
        const auto b = m.add("login of user bob from 10.0.0.2 at Sat Jul 2 08:00:01 2005");
        QVERIFY(!b.created);
        QVERIFY(b.generalised);
        QCOMPARE(b.id, a.id);
        QCOMPARE(QString::fromStdString(m.templateText(a.id)), QStringLiteral("login of user <*> from <*> at <*>"));
        QCOMPARE(m.matchCount(a.id), std::uint64_t(2));
    }

    void masksGenericParameters_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("masked");
        QTest::newRow("number") << "retry 3 of 10"
                                << "retry <*> of <*>";
        QTest::newRow("hex") << "fault at 0xdeadbeef"
                             << "fault at <*>";
        QTest::newRow("ip-port") << "peer /10.1.2.3:50010 lost"
                                 << "peer /<*>:<*> lost";
        QTest::newRow("key-value") << "rhost=218.188.2.4 user=root"
                                   << "rhost=<*> user=root";
        QTest::newRow("path") << "open /var/log/app/x.log failed"
                              << "open <*> failed";
        QTest::newRow("url") << "split hdfs://host/a/b/c:0+7 now"
                             << "split <*> now";
        QTest::newRow("host-port") << "connect to proxy.example.org:5070 failed"
                                   << "connect to <*> failed";
        QTest::newRow("dotted-name") << "loaded class org.example.app.Main ok"
                                     << "loaded class <*> ok";
        QTest::newRow("empty-value") << "connection from 1.2.3.4 () at noon"
                                     << "connection from <*> (<*>) at noon";
        QTest::newRow("two-part-name-stays") << "open config.yaml now"
                                             << "open config.yaml now";
        QTest::newRow("id-with-digits") << "PacketResponder blk_-69522 done"
                                        << "PacketResponder <*> done";
        QTest::newRow("list") << "resolve name dn910 dn911 dn912 dn913"
                              << "resolve name <*>";
        QTest::newRow("words-stay") << "check pass; user unknown"
                                    << "check pass; user unknown";
        QTest::newRow("uuid") << "req 3f2b1c9e-1a2b-4c3d-8e9f-001122334455 ok"
                              << "req <*> ok";
    }
    void masksGenericParameters() {
        QFETCH(QString, message);
        QFETCH(QString, masked);
        LogTemplateMiner m;
        const auto r = m.add(message.toStdString());
        QCOMPARE(QString::fromStdString(m.templateText(r.id)), masked);
    }

    void keyedWordValuesSeparateEvents() {
        // "user=root" and "user=guest" name different events (Loghub labels them so).
        LogTemplateMiner m;
        const auto a = m.add("authentication failure; logname= uid=0 rhost=1.2.3.4 user=root");
        const auto b = m.add("authentication failure; logname= uid=0 rhost=1.2.3.5 user=guest");
        const auto c = m.add("authentication failure; logname= uid=0 rhost=9.2.3.5 user=root");
        QVERIFY(a.id != b.id);
        QCOMPARE(c.id, a.id);
    }

    void emptyValueJoinsItsEvent() {
        // A missing reverse name "()" is the same event as "(a.example.net)".
        LogTemplateMiner m;
        const auto a = m.add("connection from 10.0.0.1 (a.example.net) at Fri Jun 17 07:07:00 2005");
        const auto b = m.add("connection from 10.0.0.2 () at Fri Jun 17 07:07:01 2005");
        const auto c = m.add("connection from 10.0.0.3 (gw-3.example.org) at Fri Jun 17 07:07:02 2005");
        QCOMPARE(b.id, a.id);
        QCOMPARE(c.id, a.id);
        QCOMPARE(m.size(), std::size_t(1));
    }

    void hostsWithPortsRouteAsParameters() {
        // The host is the first word: without masking the whole "host:port" each host
        // would start its own branch of the prefix tree and its own template.
        LogTemplateMiner m;
        const auto a = m.add("www.example.com:443 open through proxy proxy.example.org:5070 HTTPS");
        const auto b = m.add("mail.example.net:993 open through proxy proxy.example.org:5070 HTTPS");
        QCOMPARE(b.id, a.id);
        QVERIFY(!b.created);
        QCOMPARE(QString::fromStdString(m.templateText(a.id)), QStringLiteral("<*> open through proxy <*> HTTPS"));
    }

    void manyWordsInOnePositionMakeAParameter() {
        // Each user name is a word, so five users give five templates; the sixth shows
        // the position is a parameter (distinctWordsMakeParameter = 6) and they merge.
        LogTemplateMiner m;
        std::vector<std::uint64_t> ids;
        for (const char* user : {"admin", "oracle", "test", "guest", "postgres"})
            ids.push_back(m.add(std::string("Invalid user ") + user + " from 10.0.0.1").id);
        QCOMPARE(m.size(), std::size_t(5));
        const auto sixth = m.add("Invalid user ubuntu from 10.0.0.2");
        QVERIFY(sixth.created);
        QVERIFY(sixth.generalised);
        QCOMPARE(m.size(), std::size_t(1));
        for (std::uint64_t id : ids) QCOMPARE(m.resolve(id), sixth.id);
        QCOMPARE(QString::fromStdString(m.templateText(sixth.id)), QStringLiteral("Invalid user <*> from <*>"));
        // A later name joins the proven parameter instead of starting a template.
        const auto later = m.add("Invalid user nagios from 10.0.0.3");
        QVERIFY(!later.created);
        QCOMPARE(later.id, sixth.id);
        // Lone words share nothing: "normal", "warning", ... stay apart.
        for (const char* w : {"normal", "warning", "critical", "unknown", "failed", "ok"}) m.add(w);
        QCOMPARE(m.size(), std::size_t(7));
    }

    void differentEventsStayApart() {
        LogTemplateMiner m;
        const auto a = m.add("Link error on port eth3");
        const auto b = m.add("Fan speed below minimum on board 7");
        const auto c = m.add("cannot open channel to peer at election address");
        const auto d = m.add("cannot read config from the disk at startup");
        QVERIFY(a.id != b.id);
        QVERIFY(c.id != d.id);
        QCOMPARE(m.size(), std::size_t(4));
    }

    void mergesClustersThatBecomeEqual() {
        LogTemplateMiner m;
        // The first two words route (LogMinerConfig::routeTokens), so they stay equal.
        const auto c1 = m.add("zero ant bee cat dog eel fox gnu hen ibis jay");
        const auto c2 = m.add("zero ant owl pig ram eel fox gnu hen ibis jay");  // 3 of 11 differ: new cluster
        QVERIFY(c2.created);
        QVERIFY(c1.id != c2.id);
        // Two words change: c1 becomes "zero ant <*> <*> dog ...", still distinct from c2.
        QCOMPARE(m.add("zero ant yak zebu dog eel fox gnu hen ibis jay").id, c1.id);
        QCOMPARE(m.size(), std::size_t(2));
        // A third position generalises: c1 now covers c2, which is merged into it.
        const auto r = m.add("zero ant bee cat mole eel fox gnu hen ibis jay");
        QCOMPARE(r.id, c1.id);
        QVERIFY(r.generalised);
        QCOMPARE(m.resolve(c2.id), c1.id);
        QCOMPARE(m.size(), std::size_t(1));
        QCOMPARE(m.merges(), std::uint64_t(1));
        QCOMPARE(m.matchCount(c1.id), std::uint64_t(4));
        QCOMPARE(QString::fromStdString(m.templateText(c2.id)),
                 QStringLiteral("zero ant <*> <*> <*> eel fox gnu hen ibis jay"));
    }

    void memoryStaysBoundedUnderManyTemplates() {
        LogMinerConfig cfg;
        cfg.maxClusters = 100;
        LogTemplateMiner m(cfg);
        std::vector<std::uint64_t> first;
        const std::size_t n = 5000;
        for (std::size_t i = 0; i < n; ++i) {
            const auto r = m.add("event " + word(i) + " " + word(i + n) + " " + word(i + 2 * n) + " done");
            QVERIFY(r.created);
            first.push_back(r.id);
            QVERIFY(m.size() <= 100);
        }
        QCOMPARE(m.size(), std::size_t(100));
        QCOMPARE(m.evictions(), std::uint64_t(n - 100));
        // The most recent template is still known; the oldest was evicted and comes back
        // as new, with the same content-derived id.
        const std::size_t last = n - 1;
        const auto recent = m.add("event " + word(last) + " " + word(last + n) + " " + word(last + 2 * n) + " done");
        QVERIFY(!recent.created);
        QCOMPARE(recent.id, first[last]);
        QVERIFY(m.templateText(first[0]).empty());
        const auto old = m.add("event " + word(0) + " " + word(n) + " " + word(2 * n) + " done");
        QVERIFY(old.created);
        QCOMPARE(old.id, first[0]);
        QVERIFY(m.size() <= 100);
    }

    void overlongMessageIsBounded() {
        LogMinerConfig cfg;
        cfg.maxTokens = 16;
        LogTemplateMiner m(cfg);
        std::string longMsg = "start";
        for (int i = 0; i < 10000; ++i) longMsg += " w" + word(static_cast<std::size_t>(i));
        const auto r = m.add(longMsg);
        const std::string t = m.templateText(r.id);
        QCOMPARE(std::count(t.begin(), t.end(), ' ') + 1, 16L);
        QVERIFY(t.size() > 3 && t.substr(t.size() - 3) == "<*>");
        // Empty and blank messages are templates too, never a crash.
        const auto e1 = m.add("");
        const auto e2 = m.add("   \t ");
        QCOMPARE(e1.id, e2.id);
    }

    void idsAreDeterministic() {
        std::vector<std::string> msgs;
        for (int i = 0; i < 300; ++i)
            msgs.push_back(
                (i % 3 ? "task " + word(static_cast<std::size_t>(i % 7)) + " finished in " : "queue depth ") +
                std::to_string(i * 37 % 101));
        auto run = [&] {
            auto* m = new LogTemplateMiner();  // on the heap: ids must not depend on addresses
            std::vector<std::uint64_t> ids;
            for (const auto& s : msgs) ids.push_back(m->add(s).id);
            for (auto& id : ids) id = m->resolve(id);
            delete m;
            return ids;
        };
        const auto a = run();
        const auto b = run();
        QCOMPARE(a, b);
        QCOMPARE(QString::fromStdString(LogTemplateMiner::idText(a[0])).size(), 16);
        QVERIFY(a[0] != a[1]);
    }

    void csvReaderHandlesQuotes() {
        const std::string text =
            "LineId,Content,EventId\r\n"
            "1,\"Registered handlers for [TERM, HUP]\",E1\r\n"
            "2,\"say \"\"hi\"\"\",E2\n"
            "3,\"two\nlines\",E3\n"
            "4,plain,E4";
        CsvReader csv(text);
        std::vector<std::string> f;
        QVERIFY(csv.next(f));
        QCOMPARE(f.size(), std::size_t(3));
        QVERIFY(csv.next(f));
        QCOMPARE(QString::fromStdString(f[1]), QStringLiteral("Registered handlers for [TERM, HUP]"));
        QVERIFY(csv.next(f));
        QCOMPARE(QString::fromStdString(f[1]), QStringLiteral("say \"hi\""));
        QVERIFY(csv.next(f));
        QCOMPARE(QString::fromStdString(f[1]), QStringLiteral("two\nlines"));
        QVERIFY(csv.next(f));
        QCOMPARE(csv.line(), std::size_t(6));
        QCOMPARE(QString::fromStdString(f[2]), QStringLiteral("E4"));
        QVERIFY(!csv.next(f));
        QVERIFY(csv.error().empty());
    }

    void csvReaderReportsTheBadLine() {
        CsvReader csv("a,b\nc,\"open\nd,e\n");
        std::vector<std::string> f;
        QVERIFY(csv.next(f));
        QVERIFY(!csv.next(f));
        QCOMPARE(csv.line(), std::size_t(2));
        QVERIFY(!csv.error().empty());
        CsvReader stray("x,y\"z\n");
        QVERIFY(!stray.next(f));
        QCOMPARE(stray.line(), std::size_t(1));
    }

    void csvFieldQuotesWhenNeeded() {
        QCOMPARE(QString::fromStdString(csvField("a <*> b")), QStringLiteral("a <*> b"));
        QCOMPARE(QString::fromStdString(csvField("a, b")), QStringLiteral("\"a, b\""));
        const std::string tricky = "say \"x\", then\nstop";
        const std::string row = csvField(tricky) + "," + csvField("y") + "\n";
        CsvReader back(row);
        std::vector<std::string> f;
        QVERIFY(back.next(f));
        QCOMPARE(f.size(), std::size_t(2));
        QCOMPARE(f[0], tricky);
    }

    void loaderNamesFileAndLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("X_2k.log_structured.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("LineId,Content,EventId\n1,hello,E1\n2,too,many,E2\n");
        f.close();
        LoghubSample s;
        std::string err;
        QVERIFY(!loadLoghubSample(path.toStdString(), s, err));
        QVERIFY2(err.find(":3:") != std::string::npos, err.c_str());
        QVERIFY(!loadLoghubSample(dir.filePath(QStringLiteral("missing.csv")).toStdString(), s, err));
        QVERIFY(err.find("cannot open") != std::string::npos);
    }

    void groupingAccuracyFollowsItsDefinition() {
        // Truth: {0,1,2} {3,4} {5}. Parsed: {0,1,2} right; {3} and {4} split; {5} right.
        const std::vector<std::uint64_t> parsed = {1, 1, 1, 2, 3, 4};
        const std::vector<std::string> truth = {"a", "a", "a", "b", "b", "c"};
        QCOMPARE(groupingAccuracy(parsed, truth), 4.0 / 6.0);
        // Merging two truth groups makes all of their lines wrong.
        const std::vector<std::uint64_t> merged = {1, 1, 1, 1, 1, 4};
        QCOMPARE(groupingAccuracy(merged, truth), 1.0 / 6.0);
    }
};

QTEST_GUILESS_MAIN(TestLogMiner)
#include "tst_logminer.moc"
