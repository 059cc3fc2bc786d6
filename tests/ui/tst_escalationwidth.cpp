// An escalation appearing in the action log does not widen the panel: its dock
// keeps its width, so the charts beside it are not laid out and redrawn again
// (in a replay as fast as possible that relayout was one 20-50 ms GUI stall).
#include "ui/ActionLogModel.h"
#include "ui/ActionLogPanel.h"
#include "ui/EscalationModel.h"

#include <QListView>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

class TestEscalationWidth : public QObject {
    Q_OBJECT
private slots:
    void anEscalationKeepsThePanelsMinimumWidth() {
        ActionLogModel actions;
        EscalationModel escalations;
        ActionLogPanel panel(&actions, &escalations);
        panel.resize(300, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int before = panel.minimumSizeHint().width();
        const int width = panel.width();
        QVERIFY(!panel.escalationList()->isVisible());

        Action a;
        a.id = "esc-1";
        a.ts = 1'790'000'000'000;
        a.kind = "escalate";
        a.target = "rpc:arb-main-a";
        a.params = "{\"reason\":\"3 automatic actions within 30 min on a target with a very long name indeed\"}";
        a.status = ActionStatus::Suppressed;
        escalations.addRecords({Record(a)});
        QCOMPARE(escalations.rowCount(), 1);
        QVERIFY(panel.escalationList()->isVisible());
        QCOMPARE(panel.minimumSizeHint().width(), before);
        QCoreApplication::processEvents();  // the layout request
        QCOMPARE(panel.width(), width);
    }
};

QTEST_MAIN(TestEscalationWidth)
#include "tst_escalationwidth.moc"
