// The main window assembled with a real database: an approval request the
// engine side writes opens the one approval dialog on its own and fills the
// action log and the timeline (actions, approval decisions) through the store
// feed; a click on the action in the timeline selects it in the action log.
#include "approve/ApprovalGate.h"
#include "approve/ExecutionContent.h"
#include "engine/Engine.h"
#include "ui/ActionLogModel.h"
#include "ui/ActionLogPanel.h"
#include "ui/ApprovalDialog.h"
#include "ui/ApprovalQueuePanel.h"
#include "ui/EngineBridge.h"
#include "ui/LocalApprovalSource.h"
#include "ui/MainWindow.h"
#include "ui/StoreActivityFeed.h"
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"

#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestConsolePanels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(settingsDir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_consolepanels"));
    }

    void approvalRequestReachesEveryPanel() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil.db"));
        auto db = store::Database::open(path.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        const TimestampMs now = QDateTime::currentMSecsSinceEpoch();
        VirtualClock clock(now);

        Engine engine(clock);
        engine.start();
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        ui::LocalApprovalSource approvals(path, clock, 50);
        ui::StoreActivityFeed activity(path, 50);
        w.attachApprovals(&approvals);
        w.attachActivity(&activity);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("timelineDock")));
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("actionDock")));
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("approvalDock")));

        // The engine's side asks for approval (on its own connection).
        approve::ApprovalGate gate(*db, clock);
        approve::TransferDryRun tx;
        tx.chain = "ethereum";
        tx.from = "0x00000000000000000000000000000000000000a0";
        tx.to = "0x00000000000000000000000000000000000000b0";
        tx.value = 3 * remedy::kWeiPerEth;
        approve::NewApprovalRequest req;
        req.actionId = "act-transfer-1";
        req.actionKind = "transfer";
        req.target = "agent:agent-04";
        req.incidentId = "INC-000001";
        req.content = approve::transferContent(tx);
        req.rule = "treasury-top-up";
        req.requester = "vigil";
        req.value = tx.value;
        approve::ApprovalRequest made;
        QVERIFY(gate.request(req, made));

        // The dialog opens by itself, once.
        QTRY_VERIFY(w.approvalPanel()->dialog() && w.approvalPanel()->dialog()->isVisible());
        QCOMPARE(w.approvalPanel()->dialog()->shownId(), QString::fromStdString(made.id));
        QCOMPARE(w.approvalPanel()->dialog()->positionText(), QStringLiteral("1 of 1"));

        // The action and its request reach the action log and the timeline.
        auto* log = w.actionLogPanel();
        QTRY_COMPARE(log->table()->model()->rowCount(), 1);
        ui::TimelineModel* tl = w.timelineModel();
        QTRY_VERIFY(tl->rowOf("act-transfer-1") >= 0);
        const int actionRow = tl->rowOf("act-transfer-1");
        QCOMPARE(tl->index(actionRow).data(ui::TimelineModel::StateRole).toInt(), int(ui::ItemState::ActionAwaitingApproval));
        bool requested = false;
        for (const auto& it : tl->items()) requested = requested || it.state == ui::ItemState::ApprovalRequested;
        QVERIFY(requested);

        // Clicking the action in the timeline selects it in the action log.
        ui::TimelineView* view = w.timelineView();
        QTRY_VERIFY(!view->itemRect(actionRow).isEmpty());
        QTest::mouseClick(view, Qt::LeftButton, {}, view->itemRect(actionRow).center());
        QCOMPARE(log->table()->currentIndex().data(ui::ActionLogModel::IdRole).toString(), QStringLiteral("act-transfer-1"));
        QVERIFY2(log->detail()->text().contains(QStringLiteral("transfer funds from 0x00000000000000000000000000000000000000a0")),
                 qPrintable(log->detail()->text()));
        engine.stop();
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestConsolePanels)
#include "tst_consolepanels.moc"
