// TimelineModel and TimelineView: the model updates items in place from
// snapshots (an incident moving open -> mitigated -> resolved keeps its row) and
// from action, approval and outcome records (an expired approval shows its
// action expired); hit-testing picks the item under the pointer (and the
// nearest of dense instants), a click selects it and says so; the wheel zooms
// and scrolling back stops following live; the model stays bounded.
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace vigil;
using namespace vigil::ui;

namespace {

constexpr TimestampMs T0 = 1'790'000'000'000;
constexpr TimestampMs kMin = 60'000;

Anomaly anomaly(const std::string& id, TimestampMs ts) {
    Anomaly a;
    a.id = id;
    a.ts = ts;
    a.detector = "metric.ensemble";
    a.series = "rpc.latency_ms";
    a.target = "rpc:eth-main-a";
    a.score = 0.9;
    a.explanation = "latency 900 ms, expected 80-120 ms";
    return a;
}

Incident incident(IncidentState s, TimestampMs ts) {
    Incident i;
    i.id = "INC-000001";
    i.opened = T0 + 2 * kMin;
    i.ts = ts;
    i.state = s;
    i.cause = "rpc:eth-main-a";
    i.narrative = "rpc:eth-main-a slowed down";
    return i;
}

std::shared_ptr<const Snapshot> snapshot(TimestampMs now, std::vector<Anomaly> as, std::vector<Incident> is) {
    auto s = std::make_shared<Snapshot>();
    s->engineTime = now;
    s->recentAnomalies = std::move(as);
    s->incidents = std::move(is);
    return s;
}

Action action(const std::string& id, ActionStatus st, TimestampMs ts) {
    Action a;
    a.id = id;
    a.ts = ts;
    a.incident_id = "INC-000001";
    a.kind = "failover_rpc";
    a.target = "rpc:eth-main-a";
    a.params = "{\"to\":\"rpc:eth-main-b\"}";
    a.status = st;
    return a;
}

}  // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void incidentKeepsItsRowThroughItsStates() {
        TimelineModel m;
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.showSnapshot(snapshot(T0 + 3 * kMin, {anomaly("a1", T0 + 2 * kMin)}, {incident(IncidentState::Open, T0 + 3 * kMin)}));
        QCOMPARE(m.rowCount(), 2);
        const int row = m.rowOf("INC-000001");
        QVERIFY(row >= 0);
        QCOMPARE(m.index(row).data(TimelineModel::StateRole).toInt(), int(ItemState::IncidentOpen));
        QVERIFY(m.index(row).data(TimelineModel::OngoingRole).toBool());
        // The same anomaly again (snapshots repeat the recent ones) adds nothing.
        m.showSnapshot(snapshot(T0 + 5 * kMin, {anomaly("a1", T0 + 2 * kMin)}, {incident(IncidentState::Mitigated, T0 + 5 * kMin)}));
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowOf("INC-000001"), row);
        QCOMPARE(m.index(row).data(TimelineModel::StateRole).toInt(), int(ItemState::IncidentMitigated));
        QCOMPARE(m.index(row).data(TimelineModel::MitigatedRole).toLongLong(), T0 + 5 * kMin);
        QVERIFY(changed.count() >= 1);
        m.showSnapshot(snapshot(T0 + 9 * kMin, {}, {incident(IncidentState::Resolved, T0 + 8 * kMin)}));
        QCOMPARE(m.index(row).data(TimelineModel::StateRole).toInt(), int(ItemState::IncidentResolved));
        QVERIFY(!m.index(row).data(TimelineModel::OngoingRole).toBool());
        QCOMPARE(m.index(row).data(TimelineModel::EndRole).toLongLong(), T0 + 8 * kMin);
        QCOMPARE(m.index(row).data(TimelineModel::MitigatedRole).toLongLong(), T0 + 5 * kMin);  // kept
        QCOMPARE(m.now(), T0 + 9 * kMin);
        QVERIFY(m.index(m.rowOf("a1")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("expected 80-120 ms")));
    }

    // Vigil's own action taking effect (Anomaly::own_effect_of) is its own state, in the
    // actions' colour, and its title names the action; a silence still wins.
    void ownActionEffectsAreTheirOwnState() {
        TimelineModel m;
        Anomaly own = anomaly("a-own", T0 + kMin);
        own.own_effect_of = "act-7";
        Anomaly both = anomaly("a-both", T0 + 2 * kMin);
        both.own_effect_of = "act-7";
        both.silenced = true;
        m.showSnapshot(snapshot(T0 + 3 * kMin, {own, both, anomaly("a-plain", T0 + 3 * kMin)}, {}));
        const QModelIndex o = m.index(m.rowOf("a-own"));
        QCOMPARE(o.data(TimelineModel::StateRole).toInt(), int(ItemState::AnomalyOwnEffect));
        QVERIFY(o.data(Qt::DisplayRole).toString().contains(QStringLiteral("Vigil's own action act-7")));
        QCOMPARE(stateColor(ItemState::AnomalyOwnEffect), stateColor(ItemState::ActionAutomatic));
        QCOMPARE(m.index(m.rowOf("a-both")).data(TimelineModel::StateRole).toInt(), int(ItemState::AnomalySilenced));
        QCOMPARE(m.index(m.rowOf("a-plain")).data(TimelineModel::StateRole).toInt(), int(ItemState::Anomaly));
    }

    void actionsApprovalsAndOutcomesFromRecords() {
        TimelineModel m;
        Approval req{T0 + kMin, "apr-1", "act-1", "vigil", "", ApprovalDecision::Requested, T0 + 16 * kMin, "rule"};
        m.addRecords({action("act-1", ActionStatus::AwaitingApproval, T0 + kMin), Record(req)});
        const int row = m.rowOf("act-1");
        QCOMPARE(m.index(row).data(TimelineModel::StateRole).toInt(), int(ItemState::ActionAwaitingApproval));
        QCOMPARE(m.index(row).data(TimelineModel::LaneRole).toInt(), int(Lane::Actions));
        QCOMPARE(m.index(row).data(TimelineModel::IncidentIdRole).toString(), QStringLiteral("INC-000001"));
        // Expired unanswered: the gate marks the action rejected; the timeline says expired.
        Approval expired = req;
        expired.ts = T0 + 16 * kMin;
        expired.decision = ApprovalDecision::Expired;
        m.addRecords({Record(expired), action("act-1", ActionStatus::Rejected, T0 + 16 * kMin)});
        QCOMPARE(m.rowOf("act-1"), row);
        QCOMPARE(m.index(row).data(TimelineModel::StateRole).toInt(), int(ItemState::ActionExpired));
        QCOMPARE(m.index(row).data(TimelineModel::StartRole).toLongLong(), T0 + kMin);  // span kept
        // An approved action that ran, and its outcome.
        Approval ok{T0 + 2 * kMin, "apr-2", "act-2", "vigil", "alice", ApprovalDecision::Approved, T0 + 17 * kMin, ""};
        m.addRecords({Record(ok), action("act-2", ActionStatus::Succeeded, T0 + 3 * kMin),
                      Record(Outcome{T0 + 3 * kMin, "act-2", true, "traffic on rpc:eth-main-b"}),
                      action("act-3", ActionStatus::Failed, T0 + 4 * kMin)});
        QCOMPARE(m.index(m.rowOf("act-2")).data(TimelineModel::StateRole).toInt(), int(ItemState::ActionApproved));
        QCOMPARE(m.index(m.rowOf("act-3")).data(TimelineModel::StateRole).toInt(), int(ItemState::ActionFailed));
        int outcomes = 0, approvals = 0;
        for (const auto& it : m.items()) {
            outcomes += it.lane == Lane::Outcomes;
            approvals += it.lane == Lane::Approvals;
        }
        QCOMPARE(outcomes, 1);
        QCOMPARE(approvals, 3);
    }

    void hitTestingSelectsTheItemUnderThePointer() {
        TimelineModel m;
        m.showSnapshot(snapshot(T0 + 10 * kMin,
                                {anomaly("a1", T0 + 2 * kMin), anomaly("a2", T0 + 6 * kMin), anomaly("a3", T0 + 6 * kMin + 3'000)},
                                {incident(IncidentState::Open, T0 + 10 * kMin)}));
        m.addRecords({action("act-1", ActionStatus::Succeeded, T0 + 4 * kMin)});
        TimelineView v(&m);
        v.resize(1000 + TimelineView::kGutter, 300);
        v.setSpan(10 * kMin);  // [T0, T0 + 10 min] over 1000 - margin px
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QCOMPARE(v.from(), T0);
        QSignalSpy selected(&v, &TimelineView::itemSelected);

        auto centre = [&](const std::string& id) { return v.itemRect(m.rowOf(id)).center(); };
        QVERIFY(v.laneRect(Lane::Anomalies).contains(centre("a1")));
        QTest::mouseClick(&v, Qt::LeftButton, {}, centre("a1"));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("a1"));
        QCOMPARE(selected.last().at(1).toInt(), int(Lane::Anomalies));
        QCOMPARE(v.selectedRow(), m.rowOf("a1"));
        // Two instants 3 s (~5 px) apart: each is found at its own centre.
        QCOMPARE(v.itemAt(centre("a2")), m.rowOf("a2"));
        QCOMPARE(v.itemAt(centre("a3")), m.rowOf("a3"));
        // The incident spans from its opening to now: its middle hits it.
        const QRect inc = v.itemRect(m.rowOf("INC-000001"));
        QVERIFY(inc.width() > 500);
        QTest::mouseClick(&v, Qt::LeftButton, {}, QPoint(inc.left() + inc.width() / 2, inc.center().y()));
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("INC-000001"));
        QCOMPARE(selected.last().at(2).toString(), QStringLiteral("INC-000001"));
        QTest::mouseClick(&v, Qt::LeftButton, {}, centre("act-1"));
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("act-1"));
        QCOMPARE(selected.last().at(2).toString(), QStringLiteral("INC-000001"));
        // Empty space in a lane, and the lane names: nothing.
        const int before = selected.count();
        QCOMPARE(v.itemAt(QPoint(v.itemRect(m.rowOf("act-1")).center().x() + 100, centre("act-1").y())), -1);
        QTest::mouseClick(&v, Qt::LeftButton, {}, QPoint(10, centre("a1").y()));
        QCOMPARE(selected.count(), before);
        // Selecting from another panel.
        v.selectId(QStringLiteral("a2"));
        QCOMPARE(v.selectedRow(), m.rowOf("a2"));
    }

    void wheelZoomsAndScrollingBackStopsFollowing() {
        TimelineModel m;
        m.setNow(T0 + 60 * kMin);
        TimelineView v(&m);
        v.resize(900, 240);
        v.setSpan(10 * kMin);
        QSignalSpy span(&v, &TimelineView::spanChanged);
        const QPointF at(v.width() - 10, 100);
        QWheelEvent in(at, v.mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&v, &in);
        QCOMPARE(span.count(), 1);
        QVERIFY(v.span() < 10 * kMin);
        QVERIFY(v.following());
        QWheelEvent back(at, v.mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&v, &back);
        QVERIFY(!v.following());
        QVERIFY(v.end() < T0 + 60 * kMin);
        QTest::keyClick(&v, Qt::Key_End);
        QVERIFY(v.following());
        QCOMPARE(v.end(), T0 + 60 * kMin);
        v.setSpan(1);  // clamped
        QCOMPARE(v.span(), TimelineView::kMinSpanMs);
    }

    // A calm fleet (or a console fed only by collectors) adds no items, yet the
    // axis must follow the engine time: once it stayed at the first paint (time 0).
    void aFollowingViewRepaintsWhenOnlyTheEngineTimeMoves() {
        TimelineModel m;
        TimelineView v(&m);
        v.resize(900, 240);
        v.setSpan(10 * kMin);
        struct PaintCounter : QObject {
            int paints = 0;
            bool eventFilter(QObject*, QEvent* e) override {
                if (e->type() == QEvent::Paint) ++paints;
                return false;
            }
        } counter;
        v.installEventFilter(&counter);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QTRY_VERIFY(counter.paints > 0);
        QTest::qWait(50);
        counter.paints = 0;
        m.showSnapshot(snapshot(T0 + 30 * kMin, {}, {}));
        QCOMPARE(v.end(), T0 + 30 * kMin);
        QTRY_VERIFY(counter.paints > 0);
    }

    void modelStaysBounded() {
        TimelineModel m(nullptr, 1000);
        std::vector<Record> rs;
        for (int k = 0; k < 3000; ++k) rs.emplace_back(anomaly("a" + std::to_string(k), T0 + k * 1000));
        m.addRecords(rs);
        QVERIFY(m.rowCount() <= 1000);
        QVERIFY(m.rowOf("a2999") >= 0);  // the newest stay
        QCOMPARE(m.rowOf("a0"), -1);
        for (int r = 0; r < m.rowCount(); ++r) QCOMPARE(m.rowOf(m.items()[std::size_t(r)].id), r);
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
