// Every action's result: did its incident end after it, how fast, and did it
// help (ended within a minute of its outcome, and it was the last action of
// another kind before the end).
#include "learn/ActionResults.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::learn;

namespace {
Action act(const std::string& id, const std::string& kind, TimestampMs ts) {
    Action a;
    a.id = id;
    a.incident_id = "inc-1";
    a.kind = kind;
    a.ts = ts;
    a.status = ActionStatus::Executing;
    a.params = "{\"rule\":\"rpc-outage-failover\"}";
    return a;
}
Incident update(IncidentState s, TimestampMs ts) {
    Incident i;
    i.id = "inc-1";
    i.state = s;
    i.ts = ts;
    i.opened = 0;
    return i;
}
}  // namespace

class TestActionResults : public QObject {
    Q_OBJECT
private slots:
    void lastFixBeforeTheEndGetsTheCredit() {
        const std::vector<Action> actions{act("a-notify", "notify", 1000), act("a-fail", "failover_rpc", 2000)};
        const std::vector<Outcome> outcomes{{1000, "a-notify", true, "sent"}, {2000, "a-fail", true, "moved"}};
        const std::vector<Incident> incidents{update(IncidentState::Open, 0), update(IncidentState::Mitigated, 3000),
                                              update(IncidentState::Resolved, 303'000)};
        const auto r = assessActions(actions, outcomes, incidents);
        QCOMPARE(r.size(), std::size_t{2});
        QCOMPARE(r[0].rule, std::string("rpc-outage-failover"));
        QCOMPARE(r[0].endedMs, TimestampMs{2000});
        QVERIFY(!r[0].helped);  // the failover after it ended the incident
        QCOMPARE(r[1].endedMs, TimestampMs{1000});
        QVERIFY(r[1].helped);
        QVERIFY(r[1].outcomeOk.value_or(false));
    }

    void anIncidentEndingLateOrAFailedOutcomeDidNotHelp() {
        const std::vector<Action> actions{act("a1", "failover_rpc", 1000)};
        const std::vector<Incident> late{update(IncidentState::Resolved, 400'000)};
        auto r = assessActions(actions, {{1000, "a1", true, ""}}, late);
        QCOMPARE(r.front().endedMs, TimestampMs{399'000});
        QVERIFY(!r.front().helped);
        const std::vector<Incident> soon{update(IncidentState::Mitigated, 5000)};
        r = assessActions(actions, {{1000, "a1", false, "refused"}}, soon);
        QVERIFY(!r.front().helped);
        r = assessActions(actions, {}, {});  // no end yet
        QCOMPARE(r.front().endedMs, TimestampMs{-1});
        QVERIFY(!r.front().helped);
    }

    void escalationsAndSuppressedActionsAreNotAssessed() {
        Action esc = act("e1", "escalate", 1000);
        esc.status = ActionStatus::Suppressed;
        Action held = act("s1", "failover_rpc", 1000);
        held.status = ActionStatus::Suppressed;
        QVERIFY(assessActions({esc, held}, {}, {}).empty());
    }
};

QTEST_APPLESS_MAIN(TestActionResults)
#include "tst_actionresults.moc"
