// FleetStatusModel: rows and roles from snapshots, the engine's health shown as
// given, incremental updates that satisfy QAbstractItemModelTester. (Health rules:
// tests/engine/tst_fleetstate.cpp.)
#include "engine/Engine.h"
#include "record/Clock.h"
#include "ui/FleetStatusModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace vigil;
using vigil::ui::FleetStatusModel;
using Health = FleetStatusModel::Health;

namespace {

constexpr TimestampMs T0 = 1'767'225'600'000;

AgentStatus agent(std::string name, std::int64_t ok, std::int64_t failed, TimestampMs lastSeen,
                  std::string error = {}, Health health = Health::Healthy) {
    AgentStatus a;
    a.health = health;
    a.recentFailed = failed;  // as if the agent were first seen a minute ago
    a.recentFinished = ok + failed;
    a.agent = std::move(name);
    a.workflow = "wallet_monitor";
    a.endpoint = "eth-main-a";
    a.succeeded = ok;
    a.failed = failed;
    a.lastError = std::move(error);
    a.lastSeen = lastSeen;
    return a;
}

std::shared_ptr<const Snapshot> snap(TimestampMs now, std::vector<AgentStatus> agents,
                                     std::vector<SeriesTail> series = {}) {
    auto s = std::make_shared<Snapshot>();
    s->engineTime = now;
    s->agents = std::move(agents);
    std::sort(s->agents.begin(), s->agents.end(), [](auto& a, auto& b) { return a.agent < b.agent; });
    s->series = std::move(series);
    return s;
}

int rowOf(const FleetStatusModel& m, const QString& name) {
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, 0).data(FleetStatusModel::AgentRole).toString() == name) return r;
    return -1;
}

Health healthOf(const FleetStatusModel& m, const QString& name) {
    const int r = rowOf(m, name);
    return r < 0 ? Health::Silent : Health(m.index(r, 0).data(FleetStatusModel::HealthRole).toInt());
}

}  // namespace

class TestFleetStatusModel : public QObject {
    Q_OBJECT
private slots:
    void rowsAndRolesFromSnapshot() {
        FleetStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(T0, {agent("agent-02", 9, 1, T0, "timeout", Health::Degraded), agent("agent-01", 5, 0, T0)}));
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.columnCount(), int(FleetStatusModel::ColumnCount));

        const QModelIndex a1 = m.index(0, FleetStatusModel::AgentCol);
        QCOMPARE(a1.data().toString(), QStringLiteral("agent-01"));  // sorted by name
        QCOMPARE(a1.data(FleetStatusModel::WorkflowRole).toString(), QStringLiteral("wallet_monitor"));
        QCOMPARE(a1.data(FleetStatusModel::EndpointRole).toString(), QStringLiteral("eth-main-a"));
        QCOMPARE(a1.data(FleetStatusModel::SucceededRole).toLongLong(), 5);
        QCOMPARE(a1.data(FleetStatusModel::FailedRole).toLongLong(), 0);

        const int r2 = rowOf(m, QStringLiteral("agent-02"));
        QCOMPARE(r2, 1);
        QCOMPARE(m.index(r2, 0).data(FleetStatusModel::LastErrorRole).toString(), QStringLiteral("timeout"));
        QCOMPARE(m.index(r2, FleetStatusModel::LastErrorCol).data().toString(), QStringLiteral("timeout"));
        QCOMPARE(m.index(r2, FleetStatusModel::FailedCol).data().toString(), QLocale().toString(1));
        QCOMPARE(m.index(r2, 0).data(FleetStatusModel::RecentFailureRatioRole).toDouble(), 0.1);
        QCOMPARE(healthOf(m, QStringLiteral("agent-02")), Health::Degraded);

        // Health colour: decoration on the agent column, background on the health column.
        const QColor degraded = FleetStatusModel::colorOf(Health::Degraded);
        QCOMPARE(m.index(r2, FleetStatusModel::AgentCol).data(Qt::DecorationRole).value<QColor>(), degraded);
        QCOMPARE(m.index(r2, FleetStatusModel::HealthCol).data(Qt::BackgroundRole).value<QColor>(), degraded.lighter(160));
        QCOMPARE(m.index(r2, FleetStatusModel::HealthCol).data().toString(), FleetStatusModel::nameOf(Health::Degraded));
        QVERIFY(!m.index(r2, FleetStatusModel::WorkflowCol).data(Qt::DecorationRole).isValid());
        QVERIFY(m.index(r2, 3).data(Qt::ToolTipRole).toString().contains(QStringLiteral("timeout")));
        QVERIFY(!m.headerData(FleetStatusModel::AgentCol, Qt::Horizontal).toString().isEmpty());
        QVERIFY(m.roleNames().contains(FleetStatusModel::HealthRole));
    }

    void showsTheEnginesHealth_data() {
        QTest::addColumn<int>("health");
        QTest::newRow("healthy") << int(Health::Healthy);
        QTest::newRow("degraded") << int(Health::Degraded);
        QTest::newRow("failing") << int(Health::Failing);
        QTest::newRow("silent") << int(Health::Silent);
        QTest::newRow("retired") << int(Health::Retired);
    }
    void showsTheEnginesHealth() {
        QFETCH(int, health);
        const auto h = Health(health);
        FleetStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Totals that alone would look healthy: the model must not judge again.
        m.showSnapshot(snap(T0, {agent("a", 100, 0, T0, {}, h), agent("b", 1, 0, T0)}));
        QCOMPARE(healthOf(m, "a"), h);
        QCOMPARE(m.index(0, FleetStatusModel::HealthCol).data().toString(), FleetStatusModel::nameOf(h));
        QCOMPARE(m.index(0, 0).data(FleetStatusModel::HealthColorRole).value<QColor>(), FleetStatusModel::colorOf(h));
        const auto counts = m.healthCounts();
        QCOMPARE(counts[health], h == Health::Healthy ? 2 : 1);
        // A change of health alone is a change of the row.
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        const auto next = h == Health::Failing ? Health::Healthy : Health::Failing;
        m.showSnapshot(snap(T0 + 1000, {agent("a", 100, 0, T0, {}, next), agent("b", 1, 0, T0)}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(healthOf(m, "a"), next);
    }

    void recentRatioIsNaNWithoutRecentTasks() {
        FleetStatusModel m;
        auto a = agent("a", 10, 2, T0);
        a.recentFailed = a.recentFinished = 0;
        m.showSnapshot(snap(T0, {a}));
        QVERIFY(std::isnan(m.index(0, 0).data(FleetStatusModel::RecentFailureRatioRole).toDouble()));
        QCOMPARE(m.index(0, FleetStatusModel::FailureRateCol).data().toString(), QStringLiteral("–"));
    }

    void insertsAndRemovesInPlace() {
        FleetStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(T0, {agent("agent-01", 1, 0, T0), agent("agent-03", 1, 0, T0)}));
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.showSnapshot(snap(T0 + 1000, {agent("agent-02", 1, 0, T0), agent("agent-03", 1, 0, T0)}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);  // agent-02 goes before agent-03 (after agent-01 left)
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);   // agent-01
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.index(0, 0).data().toString(), QStringLiteral("agent-02"));
        QCOMPARE(m.index(1, 0).data().toString(), QStringLiteral("agent-03"));
    }

    void dataChangedOnlyForChangedRows() {
        FleetStatusModel m;
        m.showSnapshot(snap(T0, {agent("a", 1, 0, T0), agent("b", 1, 0, T0), agent("c", 1, 0, T0)}));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.showSnapshot(snap(T0 + 100, {agent("a", 1, 0, T0), agent("b", 2, 0, T0 + 100), agent("c", 1, 0, T0)}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), FleetStatusModel::ColumnCount - 1);
    }

    void changedRowsAreAnnouncedOnceASnapshot() {
        // One dataChanged over the changed rows' span, not one per row: each makes a
        // resize-to-contents table measure every row (the fast replay's GUI stall).
        FleetStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(T0, {agent("a", 1, 0, T0), agent("b", 1, 0, T0), agent("c", 1, 0, T0), agent("d", 1, 0, T0)}));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.showSnapshot(snap(T0 + 100, {agent("a", 2, 0, T0 + 100), agent("b", 1, 0, T0), agent("c", 3, 0, T0 + 100),
                                       agent("e", 1, 0, T0)}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(m.index(0, FleetStatusModel::SucceededCol).data().toString(), QLocale().toString(2));
        QCOMPARE(m.index(3, 0).data().toString(), QStringLiteral("e"));
    }

    void fedByARealEngine() {
        VirtualClock clock(T0);
        Engine engine(clock);
        engine.start();
        std::vector<Record> batch;
        for (int i = 0; i < 30; ++i) {
            TaskEvent t;
            t.ts = T0 + i * 1000;
            t.task_id = "t" + std::to_string(i);
            t.agent = i % 3 == 0 ? "agent-07" : "agent-08";
            t.workflow = "airdrop_claim";
            t.endpoint = "arb-main-b";
            t.state = (i % 3 == 0) ? TaskState::Failed : TaskState::Succeeded;
            t.error = t.state == TaskState::Failed ? "rpc_unavailable" : "";
            batch.push_back(t);
        }
        QVERIFY(engine.submit(std::move(batch)));
        FleetStatusModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(engine.snapshotNow());
        engine.stop();
        QCOMPARE(m.rowCount(), 2);
        const int r7 = rowOf(m, "agent-07");
        QVERIFY(r7 >= 0);
        QCOMPARE(m.index(r7, 0).data(FleetStatusModel::FailedRole).toLongLong(), 10);
        QCOMPARE(m.index(r7, 0).data(FleetStatusModel::LastErrorRole).toString(), QStringLiteral("rpc_unavailable"));
        QCOMPARE(healthOf(m, "agent-07"), Health::Failing);
        QCOMPARE(healthOf(m, "agent-08"), Health::Healthy);
        QCOMPARE(m.index(rowOf(m, "agent-08"), 0).data(FleetStatusModel::SucceededRole).toLongLong(), 20);
    }
};

QTEST_MAIN(TestFleetStatusModel)
#include "tst_fleetstatusmodel.moc"
