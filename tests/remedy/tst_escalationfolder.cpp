// EscalationFolder: the same escalation (target and rule) again within the
// fold window keeps the first one's id and counts up with the newest reason;
// past the window, on another target or rule, it is a new escalation.
#include "remedy/EscalationFolder.h"
#include "remedy/SimFleetActuator.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

class TestEscalationFolder : public QObject {
    Q_OBJECT
private slots:
    void repeatsFoldIntoTheFirstWithACount() {
        EscalationFolder f;
        bool repeat = true;
        const Action first = f.fold({1000, "rpc:a", "failover", "budget used up"}, "inc-1", "esc-1", repeat);
        QVERIFY(!repeat);
        QCOMPARE(first.id, std::string("esc-1"));
        QCOMPARE(first.kind, std::string("escalate"));
        QVERIFY(first.critical);
        QCOMPARE(int(first.status), int(ActionStatus::Suppressed));
        QVERIFY(jsonField(first.params, "count").empty());

        const Action again = f.fold({2000, "rpc:a", "failover", "budget used up, again"}, "inc-2", "esc-2", repeat);
        QVERIFY(repeat);
        QCOMPARE(again.id, std::string("esc-1"));
        QCOMPARE(again.ts, TimestampMs(2000));
        QCOMPARE(jsonField(again.params, "count"), std::string("2"));
        QCOMPARE(jsonField(again.params, "first_ts"), std::string("1000"));
        QCOMPARE(jsonField(again.params, "reason"), std::string("budget used up, again"));
        const Action third = f.fold({3000, "rpc:a", "failover", "x"}, "inc-2", "esc-3", repeat);
        QCOMPARE(jsonField(third.params, "count"), std::string("3"));

        // Another rule or target: its own escalation.
        QCOMPARE(f.fold({3000, "rpc:a", "other", "x"}, "", "esc-4", repeat).id, std::string("esc-4"));
        QVERIFY(!repeat);
        QCOMPARE(f.fold({3000, "rpc:b", "failover", "x"}, "", "esc-5", repeat).id, std::string("esc-5"));
        QVERIFY(!repeat);
        // Quiet for longer than the window: new again.
        const Action later = f.fold({3000 + EscalationFolder::kFoldMs + 1, "rpc:a", "failover", "x"}, "", "esc-6", repeat);
        QVERIFY(!repeat);
        QCOMPARE(later.id, std::string("esc-6"));
        QVERIFY(jsonField(later.params, "count").empty());
    }
};

QTEST_APPLESS_MAIN(TestEscalationFolder)
#include "tst_escalationfolder.moc"
