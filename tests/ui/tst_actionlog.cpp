// The action log: every action with its summary in words, filterable by target,
// kind and state; escalations (budget used up, expired approval, failed action)
// stay until acknowledged and do not come back; the store feed hands over what
// a real SQLite file holds (an approval request and its action) once.
#include "approve/ApprovalGate.h"
#include "approve/ExecutionContent.h"
#include "ui/ActionLogFilter.h"
#include "ui/ActionLogModel.h"
#include "ui/ActionLogPanel.h"
#include "ui/EscalationModel.h"
#include "ui/StoreActivityFeed.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

namespace {

constexpr TimestampMs T0 = 1'790'000'000'000;

Action action(const std::string& id, const std::string& kind, const std::string& target, ActionStatus st, TimestampMs ts,
              const std::string& params = "{}") {
    Action a;
    a.id = id;
    a.ts = ts;
    a.incident_id = "INC-000001";
    a.kind = kind;
    a.target = target;
    a.params = params;
    a.status = st;
    return a;
}

std::vector<Record> someActions() {
    return {action("act-1", "failover_rpc", "rpc:eth-main-a", ActionStatus::Succeeded, T0,
                   "{\"to\":\"rpc:eth-main-b\",\"rule\":\"rpc-outage\",\"why\":\"error rate 42 % for 2 min\"}"),
            action("act-2", "scale_workers", "pool:airdrop_claim", ActionStatus::Executing, T0 + 1000, "{\"replicas\":\"8\"}"),
            action("act-3", "failover_rpc", "rpc:arb-main-a", ActionStatus::Failed, T0 + 2000, "{\"to\":\"rpc:arb-main-b\"}"),
            action("esc-1", "escalate", "rpc:arb-main-a", ActionStatus::Suppressed, T0 + 3000,
                   "{\"rule\":\"rpc-outage\",\"reason\":\"3 automatic actions within 30 min\"}")};
}

}  // namespace

class TestActionLog : public QObject {
    Q_OBJECT
private slots:
    // Filed as executing, ended by an Outcome record: the row shows how it ended
    // (it stayed "executing" in the console before), and the state filter agrees.
    void anOutcomeEndsAnExecutingRow() {
        ActionLogModel m;
        m.addRecords(someActions());
        const QModelIndex act2 = m.index(m.rowOf(QStringLiteral("act-2")), ActionLogModel::StatusCol);
        QCOMPARE(act2.data(ActionLogModel::StatusRole).toInt(), int(ActionStatus::Executing));
        QCOMPARE(act2.data().toString(), ActionLogModel::statusName(ActionStatus::Executing));
        m.addRecords({Record(Outcome{T0 + 1500, "act-2", false, "scaler exited 1"})});
        QCOMPARE(act2.data(ActionLogModel::StatusRole).toInt(), int(ActionStatus::Failed));
        QCOMPARE(act2.data().toString(), ActionLogModel::statusName(ActionStatus::Failed));
        // A suppressed escalation keeps its state whatever comes.
        m.addRecords({Record(Outcome{T0 + 3500, "esc-1", true, "paged"})});
        const QModelIndex esc = m.index(m.rowOf(QStringLiteral("esc-1")), ActionLogModel::StatusCol);
        QCOMPARE(esc.data(ActionLogModel::StatusRole).toInt(), int(ActionStatus::Suppressed));
    }

    // The Time column is when the action was first seen, so it reads in row order
    // (a retry approved minutes later stays where it was proposed); the state
    // column and UpdatedRole carry its latest state.
    void theTimeColumnIsWhenTheActionWasFirstSeen() {
        ActionLogModel m;
        m.addRecords(someActions());
        const int row = m.rowOf(QStringLiteral("act-2"));
        const QString first = m.index(row, ActionLogModel::TimeCol).data().toString();
        m.addRecords({Record(action("act-2", "scale_workers", "pool:airdrop_claim", ActionStatus::Succeeded,
                                    T0 + 5 * 60'000, "{\"replicas\":\"8\"}"))});
        QCOMPARE(m.rowOf(QStringLiteral("act-2")), row);
        QCOMPARE(m.index(row, ActionLogModel::TimeCol).data().toString(), first);
        QCOMPARE(m.index(row, 0).data(ActionLogModel::TimeRole).toLongLong(), qint64(T0 + 1000));
        QCOMPARE(m.index(row, 0).data(ActionLogModel::UpdatedRole).toLongLong(), qint64(T0 + 5 * 60'000));
        QCOMPARE(m.index(row, ActionLogModel::StatusCol).data().toString(),
                 ActionLogModel::statusName(ActionStatus::Succeeded));
        for (int r = 1; r < m.rowCount(); ++r)
            QVERIFY(m.index(r - 1, 0).data(ActionLogModel::TimeRole).toLongLong() <=
                    m.index(r, 0).data(ActionLogModel::TimeRole).toLongLong());
    }

    void summariesInWords() {
        ActionLogModel m;
        m.addRecords(someActions());
        QCOMPARE(m.rowCount(), 4);
        const QModelIndex first = m.index(m.rowOf(QStringLiteral("act-1")), 0);
        const QString text = first.data(ActionLogModel::SummaryRole).toString();
        QVERIFY2(text.contains(QStringLiteral("switch traffic from rpc:eth-main-a to rpc:eth-main-b")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("policy rule 'rpc-outage': error rate 42 % for 2 min")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Outcome: not known yet")));
        // Its outcome arrives: the same row says so.
        m.addRecords({Record(Outcome{T0 + 500, "act-1", true, "traffic on rpc:eth-main-b"})});
        QCOMPARE(m.rowCount(), 4);
        QVERIFY(first.data(ActionLogModel::SummaryRole).toString().contains(QStringLiteral("traffic on rpc:eth-main-b")));
        // The incident it belongs to, from a snapshot: "what was seen".
        auto snap = std::make_shared<Snapshot>();
        Incident inc;
        inc.id = "INC-000001";
        inc.opened = inc.ts = T0 - 60'000;
        inc.targets = {"rpc:eth-main-a"};
        inc.narrative = "rpc:eth-main-a stopped answering";
        snap->incidents = {inc};
        m.showSnapshot(snap);
        QVERIFY(first.data(ActionLogModel::SummaryRole).toString().contains(QStringLiteral("rpc:eth-main-a stopped answering")));
    }

    void filtersByTargetKindAndState() {
        ActionLogModel m;
        EscalationModel e;
        ActionLogPanel panel(&m, &e);
        m.addRecords(someActions());
        ActionLogFilter* f = panel.filter();
        QCOMPARE(f->rowCount(), 4);
        panel.targetFilter()->setText(QStringLiteral("ETH-MAIN"));  // any case
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, 0).data(ActionLogModel::IdRole).toString(), QStringLiteral("act-1"));
        panel.targetFilter()->clear();
        const int failover = panel.kindFilter()->findData(QStringLiteral("failover_rpc"));
        QVERIFY(failover > 0);  // kinds seen are offered
        panel.kindFilter()->setCurrentIndex(failover);
        QCOMPARE(f->rowCount(), 2);
        panel.stateFilter()->setCurrentIndex(panel.stateFilter()->findData(int(ActionStatus::Failed)));
        QCOMPARE(f->rowCount(), 1);
        QCOMPARE(f->index(0, 0).data(ActionLogModel::IdRole).toString(), QStringLiteral("act-3"));
        panel.kindFilter()->setCurrentIndex(0);
        panel.stateFilter()->setCurrentIndex(0);
        QCOMPARE(f->rowCount(), 4);
        // Selecting from another panel shows the summary.
        QSignalSpy echoed(&panel, &ActionLogPanel::actionSelected);
        panel.selectId(QStringLiteral("act-2"));
        QVERIFY(panel.detail()->text().contains(QStringLiteral("scale pool:airdrop_claim to 8 workers")));
        QCOMPARE(echoed.count(), 0);
    }

    void escalationsStayUntilAcknowledged() {
        ActionLogModel m;
        EscalationModel e;
        ActionLogPanel panel(&m, &e);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.escalationList()->isVisible());
        const auto records = someActions();
        m.addRecords(records);
        e.addRecords(records);
        Approval expired{T0 + 4000, "apr-9", "act-9", "vigil", "", ApprovalDecision::Expired, T0 + 4000, "expired unanswered"};
        e.addRecords({Record(expired), Record(Outcome{T0 + 2500, "act-3", false, "rpc:arb-main-b refused"})});
        // Budget used up, the failed action (once, with its failed outcome), the expiry.
        QCOMPARE(e.rowCount(), 3);
        QVERIFY(panel.escalationList()->isVisible());
        QStringList texts;
        for (int r = 0; r < e.rowCount(); ++r) texts << e.index(r).data().toString();
        QVERIFY2(texts.join('\n').contains(QStringLiteral("3 automatic actions within 30 min")), qPrintable(texts.join('\n')));
        QVERIFY(texts.join('\n').contains(QStringLiteral("apr-9")));
        // Later snapshots and polls repeat them: still three.
        e.addRecords(records);
        QCOMPARE(e.rowCount(), 3);
        panel.escalationList()->setCurrentIndex(e.index(1));
        panel.acknowledgeButton()->click();
        QCOMPARE(e.rowCount(), 2);
        panel.acknowledgeButton()->click();
        panel.acknowledgeButton()->click();
        QCOMPARE(e.rowCount(), 0);
        QVERIFY(!panel.escalationList()->isVisible());
        e.addRecords(records);  // acknowledged: they do not come back
        QCOMPARE(e.rowCount(), 0);
    }

    void storeFeedHandsOverWhatTheDatabaseHolds() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil.db"));
        auto db = store::Database::open(path.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        VirtualClock clock(T0);
        approve::ApprovalGate gate(*db, clock);
        approve::NewApprovalRequest req;
        req.actionId = "act-7";
        req.actionKind = "transfer";
        req.target = "agent:agent-04";
        req.content = approve::actionContent("transfer", "agent:agent-04", {});
        req.rule = "treasury";
        req.requester = "vigil";
        approve::ApprovalRequest made;
        QVERIFY(gate.request(req, made));

        StoreActivityFeed feed(path, 50);
        ActionLogModel m;
        QObject::connect(&feed, &StoreActivityFeed::records, &m, &ActionLogModel::addRecords);
        QSignalSpy batches(&feed, &StoreActivityFeed::records);
        QTRY_COMPARE(m.rowCount(), 1);
        const QModelIndex row = m.index(0, 0);
        QCOMPARE(row.data(ActionLogModel::StatusRole).toInt(), int(ActionStatus::AwaitingApproval));
        QVERIFY(row.data(ActionLogModel::SummaryRole).toString().contains(QStringLiteral("policy rule 'treasury'")));
        // Nothing new: later polls hand over nothing more.
        const int seen = batches.count();
        QTest::qWait(300);
        QCOMPARE(batches.count(), seen);
        // A decision: handed over once, and the row follows it.
        clock.advanceBy(1000);
        QVERIFY(gate.reject(made.id, "alice", "not today"));
        QTRY_COMPARE(row.data(ActionLogModel::StatusRole).toInt(), int(ActionStatus::Rejected));
        QVERIFY(row.data(ActionLogModel::SummaryRole).toString().contains(QStringLiteral("rejected by alice")));
    }
};

QTEST_MAIN(TestActionLog)
#include "tst_actionlog.moc"
