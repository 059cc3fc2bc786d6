// EngineActivityFeed's two sinks: a replay's activity from the engine's outputs,
// every action marked simulated; a live console's without a store, from its inputs
// (the demo's healing hands executed actions and outcomes back) and outputs alike,
// as they are. Only actions, approvals and outcomes are handed over.
#include "ui/EngineActivityFeed.h"

#include <QTest>

using namespace vigil;

namespace {

Action action(const std::string& id, ActionStatus status) {
    Action a;
    a.id = id;
    a.kind = "scale_workers";
    a.target = "pool:airdrop_claim";
    a.params = "{\"replicas\":\"12\"}";
    a.status = status;
    return a;
}

std::vector<Record> handedOver(ui::EngineActivityFeed& feed) {
    std::vector<Record> all;
    QObject::connect(&feed, &ui::EngineActivityFeed::records,
                     [&](const std::vector<Record>& batch) { all.insert(all.end(), batch.begin(), batch.end()); });
    while (feed.backlog() > 0) feed.poll();
    return all;
}

}  // namespace

class TestEngineActivityFeed : public QObject {
    Q_OBJECT
private slots:
    void liveTakesInputsAndOutputsAsTheyAre() {
        ui::EngineActivityFeed feed(60'000);
        // Planned by the engine (an output); carried out by the healing and handed back
        // with its outcome (inputs), among records that are not activity.
        const std::vector<Record> in = {MetricSample{}, action("act-1", ActionStatus::Succeeded),
                                        Outcome{5, "act-1", true, "scaled pool:airdrop_claim from 4 to 12"}};
        Approval ap;
        ap.id = "apr-1";
        ap.action_id = "act-2";
        const std::vector<Record> out = {Anomaly{}, action("act-1", ActionStatus::Executing), Record(ap), Incident{}};
        feed.liveSink()(in, out);
        const auto got = handedOver(feed);
        QCOMPARE(got.size(), std::size_t(4));
        QVERIFY(std::get<Action>(got[0]).status == ActionStatus::Succeeded);  // inputs first, in order
        QVERIFY(std::holds_alternative<Outcome>(got[1]));
        QVERIFY(std::get<Action>(got[2]).status == ActionStatus::Executing);
        QCOMPARE(std::get<Approval>(got[3]).id, std::string("apr-1"));
        // Live actions were really carried out: not marked simulated.
        QVERIFY(!ui::isSimulatedReplay(std::get<Action>(got[0])));
        QCOMPARE(std::get<Action>(got[2]).params, std::string("{\"replicas\":\"12\"}"));
    }

    void replayTakesOutputsMarkedSimulated() {
        ui::EngineActivityFeed feed(60'000);
        const std::vector<Record> in = {action("act-9", ActionStatus::Succeeded)};  // a recording's own: not Vigil's
        const std::vector<Record> out = {action("act-1", ActionStatus::Executing), Outcome{5, "act-1", true, "ok"}};
        feed.replaySink()(in, out);
        const auto got = handedOver(feed);
        QCOMPARE(got.size(), std::size_t(2));
        QCOMPARE(std::get<Action>(got[0]).id, std::string("act-1"));
        QVERIFY(ui::isSimulatedReplay(std::get<Action>(got[0])));
    }
};

QTEST_MAIN(TestEngineActivityFeed)
#include "tst_engineactivityfeed.moc"
