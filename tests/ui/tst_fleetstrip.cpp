// FleetStrip: one chip per agent in the fleet; a retired agent has none (the agents
// table still lists it), and gets one back when it is seen again.
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
        QCOMPARE(chips(strip), (QStringList{"agent-01", "agent-03", "agent-04"}));

        // Retiring: the chip goes; seen again: it comes back, in its place.
        model.showSnapshot(snap(T0 + 1000, {agent("agent-01", Health::Retired), agent("agent-02", Health::Healthy),
                                            agent("agent-03", Health::Silent), agent("agent-04", Health::Failing)}));
        QCOMPARE(chips(strip), (QStringList{"agent-02", "agent-03", "agent-04"}));

        // A whole scale-down: every agent retired leaves an empty strip, which still
        // asks for one row rather than collapsing.
        model.showSnapshot(snap(T0 + 2000, {agent("agent-01", Health::Retired), agent("agent-02", Health::Retired)}));
        QCOMPARE(strip.chipCount(), 0);
        QVERIFY(strip.sizeHint().height() >= strip.minimumSizeHint().height());
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
