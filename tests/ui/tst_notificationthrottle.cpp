// NotificationThrottle on a virtual clock: the first event is shown at once;
// events within the minimum interval are held and come out as one coalesced
// message when it has passed ("3 new approval requests"), critical incidents
// and approvals together in one; nothing held is lost. TrayNotifier decides
// the same through it and keeps the counts in its tooltip; CriticalIncidentWatch
// announces each critical incident once.
#include "ui/CriticalIncidentWatch.h"
#include "ui/NotificationThrottle.h"
#include "ui/TrayNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using vigil::ui::Notice;
using vigil::ui::NoticeKind;
using vigil::ui::NotificationThrottle;

namespace {
constexpr TimestampMs kStart = 1'790'000'000'000;
constexpr TimestampMs kInterval = 30'000;

std::shared_ptr<const Snapshot> withIncidents(std::vector<Incident> incidents) {
    auto s = std::make_shared<Snapshot>();
    s->incidents = std::move(incidents);
    return s;
}

Incident incident(const std::string& id, Severity severity, IncidentState state, const std::string& cause) {
    Incident i;
    i.id = id;
    i.severity = severity;
    i.state = state;
    i.cause = cause;
    return i;
}
}  // namespace

class TestNotificationThrottle : public QObject {
    Q_OBJECT

private slots:
    void theFirstEventIsShownAtOnce() {
        VirtualClock clock(kStart);
        NotificationThrottle t(clock, kInterval);
        const auto n = t.add(NoticeKind::Approval, QStringLiteral("transfer on agent:agent-04 (3 ETH) needs approval"));
        QVERIFY(n);
        QCOMPARE(n->title, QStringLiteral("Approval needed"));
        QCOMPARE(n->text, QStringLiteral("transfer on agent:agent-04 (3 ETH) needs approval"));
        QVERIFY(!n->critical);
        QCOMPARE(t.held(NoticeKind::Approval), 0);
        QCOMPARE(t.dueAt(), TimestampMs(0));
    }

    void aBurstIsHeldAndCoalesced() {
        VirtualClock clock(kStart);
        NotificationThrottle t(clock, kInterval);
        QVERIFY(t.add(NoticeKind::Approval, QStringLiteral("first")));
        clock.advanceBy(1000);
        QVERIFY(!t.add(NoticeKind::Approval, QStringLiteral("second")));
        clock.advanceBy(1000);
        QVERIFY(!t.add(NoticeKind::Approval, QStringLiteral("third")));
        QVERIFY(!t.add(NoticeKind::Approval, QStringLiteral("fourth")));
        QCOMPARE(t.held(NoticeKind::Approval), 3);
        QCOMPARE(t.dueAt(), kStart + kInterval);
        clock.set(kStart + kInterval - 1);
        QVERIFY(!t.due());  // not one millisecond early
        clock.set(kStart + kInterval);
        const auto n = t.due();
        QVERIFY(n);
        QCOMPARE(n->text, QStringLiteral("3 new approval requests"));
        QCOMPARE(t.held(NoticeKind::Approval), 0);
        QVERIFY(!t.due());  // said once
        QCOMPARE(t.messages(), 2);
    }

    void aHeldSingleEventKeepsItsOwnWords() {
        VirtualClock clock(kStart);
        NotificationThrottle t(clock, kInterval);
        QVERIFY(t.add(NoticeKind::Approval, QStringLiteral("first")));
        QVERIFY(!t.add(NoticeKind::CriticalIncident, QStringLiteral("Critical incident inc-3 on rpc:eth-main-a")));
        clock.advanceBy(kInterval);
        const auto n = t.due();
        QVERIFY(n);
        QCOMPARE(n->title, QStringLiteral("Critical incident"));
        QCOMPARE(n->text, QStringLiteral("Critical incident inc-3 on rpc:eth-main-a"));
        QVERIFY(n->critical);
    }

    void incidentsAndApprovalsShareOneMessage() {
        VirtualClock clock(kStart);
        NotificationThrottle t(clock, kInterval);
        QVERIFY(t.add(NoticeKind::CriticalIncident, QStringLiteral("a")));
        for (int i = 0; i < 2; ++i) QVERIFY(!t.add(NoticeKind::CriticalIncident, QStringLiteral("b")));
        QVERIFY(!t.add(NoticeKind::Approval, QStringLiteral("c")));
        clock.advanceBy(kInterval + 5000);
        const auto n = t.due();
        QVERIFY(n);
        QCOMPARE(n->title, QStringLiteral("Critical incident and approval needed"));
        QCOMPARE(n->text, QStringLiteral("2 new critical incidents and 1 new approval request"));
        QVERIFY(n->critical);
        // The interval counts from that message: the next event waits again.
        clock.advanceBy(kInterval - 1);
        QVERIFY(!t.add(NoticeKind::Approval, QStringLiteral("d")));
        clock.advanceBy(1);
        QVERIFY(t.due());
    }

    // TrayNotifier through the throttle (offscreen there is no tray: it decides, shows nothing).
    void theTrayNotifierCoalescesAndCounts() {
        VirtualClock clock(kStart);
        ui::TrayNotifier tray(nullptr, int(kInterval), &clock);
        QCOMPARE(tray.toolTip(), QStringLiteral("Vigil"));
        tray.approvalArrived(QStringLiteral("one"));
        QCOMPARE(tray.lastNotice().text, QStringLiteral("one"));
        tray.approvalArrived(QStringLiteral("two"));
        tray.criticalIncidentOpened(QStringLiteral("Critical incident inc-1 on agent:agent-02"));
        QCOMPARE(tray.approvalsHeld(), 1);
        QCOMPARE(tray.incidentsHeld(), 1);
        tray.setWaitingCount(2);
        tray.setOpenCriticalCount(1);
        QCOMPARE(tray.toolTip(), QStringLiteral("Vigil — 2 approval(s) waiting · 1 open critical incident(s)"));
        tray.setWaitingCount(0);
        QCOMPARE(tray.toolTip(), QStringLiteral("Vigil — 1 open critical incident(s)"));
    }

    void eachCriticalIncidentIsAnnouncedOnce() {
        ui::CriticalIncidentWatch watch;
        QSignalSpy opened(&watch, &ui::CriticalIncidentWatch::opened);
        QSignalSpy count(&watch, &ui::CriticalIncidentWatch::openCountChanged);
        watch.showSnapshot(
            withIncidents({incident("inc-1", Severity::Critical, IncidentState::Open, "rpc:eth-main-a"),
                           incident("inc-2", Severity::Warning, IncidentState::Open, "agent:agent-01")}));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("inc-1"));
        QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("Critical incident inc-1 on rpc:eth-main-a"));
        QCOMPARE(watch.openCount(), 1);
        watch.showSnapshot(
            withIncidents({incident("inc-1", Severity::Critical, IncidentState::Mitigated, "rpc:eth-main-a")}));
        QCOMPARE(opened.size(), 1);  // still the same incident
        watch.showSnapshot(
            withIncidents({incident("inc-1", Severity::Critical, IncidentState::Resolved, "rpc:eth-main-a")}));
        QCOMPARE(watch.openCount(), 0);
        QCOMPARE(count.size(), 2);
        QCOMPARE(count.last().at(0).toInt(), 0);
    }
};

QTEST_MAIN(TestNotificationThrottle)
#include "tst_notificationthrottle.moc"
