// FleetStrip: one chip per agent in the fleet; a retired agent has none (the agents
// table still lists it), and gets one back when it is seen again. The agents that need
// looking at come first, so a one-row strip in a crowded layout still shows them.
#include "engine/Engine.h"
#include "ui/FleetStatusModel.h"
#include "ui/FleetStrip.h"

#include <QTest>

#include <algorithm>

using namespace vigil;
using vigil::ui::FleetStatusModel;
using vigil::ui::FleetStrip;
using Health = FleetStatusModel::Health;

namespace {

constexpr TimestampMs T0 = 1'767'225'600'000;

AgentStatus agent(std::string name, Health health) {
    AgentStatus a;
    a.agent = std::move(name);
    a.workflow = "airdrop_claim";
    a.health = health;
    a.lastSeen = T0;
    return a;
}

std::shared_ptr<const Snapshot> snap(TimestampMs now, std::vector<AgentStatus> agents) {
    auto s = std::make_shared<Snapshot>();
    s->engineTime = now;
    s->agents = std::move(agents);
    std::sort(s->agents.begin(), s->agents.end(), [](auto& a, auto& b) { return a.agent < b.agent; });
    return s;
}

QStringList chips(const FleetStrip& strip) {
    QStringList names;
    const QAbstractItemModel* m = strip.model();
    for (int r = 0; r < m->rowCount(); ++r) names << m->index(r, 0).data(FleetStatusModel::AgentRole).toString();
    return names;
}

}  // namespace

class TestFleetStrip : public QObject {
    Q_OBJECT
private slots:
    void retiredAgentsHaveNoChip() {
        FleetStatusModel model;
        FleetStrip strip(&model);
        strip.resize(800, 80);
        model.showSnapshot(snap(T0, {agent("agent-01", Health::Healthy), agent("agent-02", Health::Retired),
                                     agent("agent-03", Health::Silent), agent("agent-04", Health::Failing)}));
        QCOMPARE(model.rowCount(), 4);  // the table lists all four
        QCOMPARE(strip.chipCount(), 3);
        QCOMPARE(chips(strip), (QStringList{"agent-04", "agent-03", "agent-01"}));  // failing, silent, healthy

        // Retiring: the chip goes; seen again: it comes back, in its place.
        model.showSnapshot(snap(T0 + 1000, {agent("agent-01", Health::Retired), agent("agent-02", Health::Healthy),
                                            agent("agent-03", Health::Silent), agent("agent-04", Health::Failing)}));
        QCOMPARE(chips(strip), (QStringList{"agent-04", "agent-03", "agent-02"}));

        // A whole scale-down: every agent retired leaves an empty strip, which still
        // asks for one row rather than collapsing.
        model.showSnapshot(snap(T0 + 2000, {agent("agent-01", Health::Retired), agent("agent-02", Health::Retired)}));
        QCOMPARE(strip.chipCount(), 0);
        QVERIFY(strip.sizeHint().height() >= strip.minimumSizeHint().height());
    }

    void agentsThatNeedLookingAtComeFirst() {
        FleetStatusModel model;
        FleetStrip strip(&model);
        strip.resize(400, 40);  // room for a few chips on one row: the rest scroll
        std::vector<AgentStatus> fleet;
        for (int i = 1; i <= 17; ++i)
            fleet.push_back(agent(QString::asprintf("agent-%02d", i).toStdString(), Health::Healthy));
        model.showSnapshot(snap(T0, fleet));
        QCOMPARE(chips(strip).front(), QStringLiteral("agent-01"));  // all healthy: by name
        QCOMPARE(chips(strip).back(), QStringLiteral("agent-17"));

        // Problems at the end of the list move to the front, worst first, by name within each.
        fleet[16].health = Health::Degraded;  // agent-17
        fleet[14].health = Health::Failing;   // agent-15
        fleet[15].health = Health::Silent;    // agent-16
        fleet[13].health = Health::Failing;   // agent-14
        model.showSnapshot(snap(T0 + 1000, fleet));
        QCOMPARE(chips(strip).mid(0, 5), (QStringList{"agent-14", "agent-15", "agent-16", "agent-17", "agent-01"}));
        QCOMPARE(strip.chipCount(), 17);
        // What the strip draws first is the failing agent, at the top left.
        const QModelIndex first = strip.indexAt(strip.visualRect(strip.model()->index(0, 0)).center());
        QCOMPARE(first.data(FleetStatusModel::AgentRole).toString(), QStringLiteral("agent-14"));
        QCOMPARE(first.data(FleetStatusModel::HealthRole).toInt(), int(Health::Failing));

        // Recovered: back in its place by name.
        fleet[13].health = fleet[14].health = fleet[15].health = fleet[16].health = Health::Healthy;
        model.showSnapshot(snap(T0 + 2000, fleet));
        QCOMPARE(chips(strip).mid(12, 5), (QStringList{"agent-13", "agent-14", "agent-15", "agent-16", "agent-17"}));
    }

    void sizeHintCountsChipsNotRetiredRows() {
        FleetStatusModel model;
        FleetStrip strip(&model);
        strip.resize(600, 80);
        std::vector<AgentStatus> live, withRetired;
        for (int i = 0; i < 8; ++i) live.push_back(agent("agent-" + std::to_string(10 + i), Health::Healthy));
        withRetired = live;
        for (int i = 0; i < 60; ++i) withRetired.push_back(agent("agent-" + std::to_string(100 + i), Health::Retired));
        model.showSnapshot(snap(T0, live));
        const int liveHeight = strip.sizeHint().height();
        model.showSnapshot(snap(T0 + 1000, withRetired));
        QCOMPARE(model.rowCount(), 68);
        QCOMPARE(strip.chipCount(), 8);
        // 60 retired rows would need more chip rows; the strip does not grow for them.
        QCOMPARE(strip.sizeHint().height(), liveHeight);
    }
};

QTEST_MAIN(TestFleetStrip)
#include "tst_fleetstrip.moc"
