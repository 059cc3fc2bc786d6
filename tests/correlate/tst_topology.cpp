// Topology learns links from task and tx events; a repeated event skips the work
// when all its links are in, and only then.
#include "correlate/Topology.h"

#include <QtTest>

using namespace vigil;

namespace {
TaskEvent task(const std::string& agent, const std::string& endpoint, const std::string& workflow) {
    TaskEvent t;
    t.ts = 1000;
    t.agent = agent;
    t.endpoint = endpoint;
    t.workflow = workflow;
    return t;
}
TxEvent tx(const std::string& chain, const std::string& agent, const std::string& endpoint) {
    TxEvent x;
    x.ts = 1000;
    x.chain = chain;
    x.agent = agent;
    x.endpoint = endpoint;
    return x;
}
}  // namespace

class TstTopology : public QObject {
    Q_OBJECT
private slots:
    void repeatedEventsLinkAsTheFirst() {
        Topology topo;
        for (int i = 0; i < 3; ++i) {
            topo.learn(Record{task("agent-01", "eth-a", "wallet_monitor")});
            topo.learn(Record{tx("ethereum", "agent-01", "eth-a")});
        }
        QVERIFY(topo.linked("agent:agent-01", "rpc:eth-a"));
        QVERIFY(topo.linked("agent:agent-01", "workflow:wallet_monitor"));
        QVERIFY(topo.linked("agent:agent-01", "pool:wallet_monitor"));
        QVERIFY(topo.linked("workflow:wallet_monitor", "pool:wallet_monitor"));
        QVERIFY(topo.linked("agent:agent-01", "chain:ethereum"));
        QVERIFY(topo.linked("rpc:eth-a", "chain:ethereum"));
        QCOMPARE(topo.dropped(), std::uint64_t(0));
        // Fields that only concatenate alike are different events.
        topo.learn(Record{task("agent-0", "1eth-a", "wallet_monitor")});
        QVERIFY(topo.linked("agent:agent-0", "rpc:1eth-a"));
    }

    // A link the caps refused is tried (and counted) again on every such event: the
    // memo of learned events must not hide it.
    void refusedLinksAreCountedEveryTime() {
        Topology topo(3, 64);  // room for three nodes
        const Record e{task("agent-01", "eth-a", "wallet_monitor")};
        topo.learn(e);
        const std::uint64_t first = topo.dropped();
        QVERIFY(first > 0);
        topo.learn(e);
        QCOMPARE(topo.dropped(), 2 * first);
        topo.learn(e);
        QCOMPARE(topo.dropped(), 3 * first);
    }

    // More distinct events than the memo keeps: it is forgotten and refilled, and
    // every link stays.
    void manyDistinctEventsKeepTheirLinks() {
        Topology topo(20000, 64);
        for (int round = 0; round < 2; ++round)
            for (int i = 0; i < 5000; ++i)
                topo.learn(Record{task("agent-" + std::to_string(i), "ep-" + std::to_string(i), "")});
        for (int i = 0; i < 5000; i += 499)
            QVERIFY(topo.linked("agent:agent-" + std::to_string(i), "rpc:ep-" + std::to_string(i)));
        QCOMPARE(topo.dropped(), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TstTopology)
#include "tst_topology.moc"
