// Feedback and learned changes persist across reopening the database, every
// write is in the audit log (which still verifies), and a revert restores the
// model that was in force before the change.
#include "audit/AuditVerifier.h"
#include "learn/LearnStore.h"
#include "learn/ModelHandOver.h"
#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::learn;

namespace {
LearnChange cut(double before, double after, const char* reason) {
    LearnChange c;
    c.ts = 100;
    c.series = "net.latency_ms";
    c.target = "host:batch-1";
    c.cutBefore = before;
    c.cutAfter = after;
    c.reason = reason;
    c.evidence = {"inc-1", "inc-2"};
    return c;
}
}  // namespace

class TestLearnStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    audit::AuditKey key() {
        auto k = audit::loadOrCreateKey(dir_.filePath(QStringLiteral("audit.key")).toStdString());
        if (!k) qFatal("key: %s", k.error().c_str());
        return *k;
    }
    std::unique_ptr<LearnStore> open(const std::string& path) {
        auto s = LearnStore::open(path, key());
        if (!s) qFatal("open: %s", s.error().c_str());
        return std::move(s).value();
    }

private slots:
    void persistsAcrossReopenAndAudits() {
        const std::string path = dir_.filePath(QStringLiteral("persist.db")).toStdString();
        {
            auto s = open(path);
            Feedback f;
            f.ts = 50;
            f.incidentId = "inc-1";
            f.verdict = Verdict::FalseAlarm;
            f.user = "alice";
            f.comment = "backup job, every night";
            QVERIFY(s->addFeedback(f));
            LearnChange order;
            order.ts = 120;
            order.kind = ChangeKind::PlaybookOrder;
            order.rule = "rpc-outage-failover";
            order.orderBefore = {"notify", "failover_rpc"};
            order.orderAfter = {"failover_rpc", "notify"};
            order.reason = "notify helped 0 of 3";
            auto added = s->addChanges({cut(0, 0.8, "one false alarm"), order});
            QVERIFY2(added, added.error().c_str());
            QCOMPARE(added->at(0).id, std::int64_t{1});
            QCOMPARE(added->at(1).id, std::int64_t{2});
        }
        auto s = open(path);  // a restart
        const auto fb = s->feedback();
        QVERIFY(fb);
        QCOMPARE(fb->size(), std::size_t{1});
        QCOMPARE(fb->front().comment, std::string("backup job, every night"));
        QCOMPARE(int(fb->front().verdict), int(Verdict::FalseAlarm));
        const auto changes = s->changes();
        QVERIFY(changes);
        QCOMPARE(changes->size(), std::size_t{2});
        QCOMPARE(changes->at(0).evidence, (std::vector<std::string>{"inc-1", "inc-2"}));
        QCOMPARE(changes->at(1).orderAfter, (std::vector<std::string>{"failover_rpc", "notify"}));
        const LearnedModel m = modelOf(*changes);
        QCOMPARE(m.cuts.at({"net.latency_ms", "host:batch-1"}), 0.8);
        QCOMPARE(m.orders.at("rpc-outage-failover").front(), std::string("failover_rpc"));

        auto reader = store::StoreReader::open(path);
        QVERIFY(reader);
        const auto entries = reader.value()->audit();
        QVERIFY(entries);
        QCOMPARE(entries->size(), std::size_t{3});
        QCOMPARE(entries->at(0).kind, std::string("feedback"));
        QCOMPARE(entries->at(1).kind, std::string("learn.change"));
        QVERIFY(entries->at(1).body.find("one false alarm") != std::string::npos);
        const auto verdict = audit::verifyAuditLog(path, key());
        QVERIFY(verdict);
        QVERIFY2(verdict->intact, verdict->problem.c_str());
    }

    void revertRestoresThePreviousModel() {
        const std::string path = dir_.filePath(QStringLiteral("revert.db")).toStdString();
        auto s = open(path);
        QVERIFY(s->addChanges({cut(0, 0.8, "first")}));
        QVERIFY(s->addChanges({cut(0.8, 0.9, "second")}));
        QCOMPARE(modelOf(*s->changes()).cuts.begin()->second, 0.9);
        const auto r = s->revert(2, 500, "bob");
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->revertedBy, std::string("bob"));
        QCOMPARE(modelOf(*s->changes()).cuts.begin()->second, 0.8);  // the first is in force again
        QVERIFY(s->revert(1, 600, "bob"));
        QVERIFY(modelOf(*s->changes()).cuts.empty());  // back to no cut at all

        const auto again = s->revert(1, 700, "carol");
        QVERIFY(!again);
        QVERIFY2(again.error().find("already reverted by bob") != std::string::npos, again.error().c_str());
        const auto unknown = s->revert(99, 700, "carol");
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().find("no learned change 99") != std::string::npos, unknown.error().c_str());

        s.reset();
        auto reopened = open(path);
        const auto changes = reopened->changes();
        QVERIFY(changes->at(0).reverted() && changes->at(1).reverted());  // reverts persist too
        const auto verdict = audit::verifyAuditLog(path, key());
        QVERIFY(verdict && verdict->intact);
    }

    // The engine's side: at start the model in force is published; a change
    // made meanwhile (another process) is handed over on the next refresh only.
    void handOverPublishesTheModelInForce() {
        const std::string path = dir_.filePath(QStringLiteral("handover.db")).toStdString();
        auto s = open(path);
        QVERIFY(s->addChanges({cut(0, 0.85, "first")}));
        auto board = std::make_shared<SeriesCutBoard>();
        int ordersHandedOver = 0;
        ModelHandOver h(path, board, [&](const LearnedModel&) { ++ordersHandedOver; });
        auto r = h.refresh();
        QVERIFY2(r, r.error().c_str());
        QVERIFY(*r);
        QCOMPARE(board->current()->cutFor("net.latency_ms", "host:batch-1"), 0.85);
        QCOMPARE(ordersHandedOver, 1);
        const auto version = board->version();
        QVERIFY(!*h.refresh());  // nothing changed: nothing published
        QCOMPARE(board->version(), version);
        QVERIFY(s->revert(1, 10, "bob"));
        QVERIFY(*h.refresh());
        QCOMPARE(board->current()->cutFor("net.latency_ms", "host:batch-1"), 0.0);
        QCOMPARE(ordersHandedOver, 1);  // the orders did not change
    }
};

QTEST_GUILESS_MAIN(TestLearnStore)
#include "tst_learnstore.moc"
