// The timeline and the action log insert the new items of one batch of records
// together (one rowsInserted, after the batch's updates of known rows): the rows
// and everything they show are those of feeding the same records one at a time,
// an update to an item new in the same batch is kept, a dataChanged never names
// a row the model has not announced yet, and rowOf() knows only announced rows.
#include "ui/ActionLogModel.h"
#include "ui/TimelineModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;

namespace {

constexpr TimestampMs T0 = 1'790'000'000'000;

Action action(const std::string& id, ActionStatus st, TimestampMs ts) {
    Action a;
    a.id = id;
    a.ts = ts;
    a.incident_id = "INC-000001";
    a.kind = "failover_rpc";
    a.target = "rpc:eth-main-a";
    a.params = R"({"to":"rpc:eth-main-b","replay":"true"})";
    a.status = st;
    return a;
}

Approval approval(const std::string& actionId, ApprovalDecision d, TimestampMs ts) {
    Approval a;
    a.ts = ts;
    a.id = "apr-" + actionId;
    a.action_id = actionId;
    a.requester = "vigil";
    a.approver = d == ApprovalDecision::Requested ? "" : "alice";
    a.decision = d;
    a.reason = d == ApprovalDecision::Requested ? "rpc-outage" : "";
    return a;
}

Anomaly anomaly(int k) {
    Anomaly a;
    a.id = "an-" + std::to_string(k);
    a.ts = T0 + k * 1000;
    a.detector = "metric.ensemble";
    a.series = "rpc.latency_ms";
    a.target = "rpc:eth-main-a";
    a.score = 0.5 + k * 0.01;
    return a;
}

// New items, updates of items new in the same batch, an approval before its
// action and one after, an expiry, outcomes; then a second batch that updates
// the first batch's rows and adds more.
std::vector<std::vector<Record>> batches() {
    std::vector<Record> first, second;
    first.emplace_back(approval("act-2", ApprovalDecision::Approved, T0 + 500));  // before its action
    for (int k = 0; k < 40; ++k) first.emplace_back(anomaly(k));
    first.emplace_back(action("act-1", ActionStatus::AwaitingApproval, T0 + 1000));
    first.emplace_back(approval("act-1", ApprovalDecision::Requested, T0 + 1000));
    first.emplace_back(action("act-2", ActionStatus::Executing, T0 + 1500));
    first.emplace_back(Outcome{T0 + 2500, "act-2", true, "traffic on rpc:eth-main-b"});
    first.emplace_back(action("act-3", ActionStatus::Executing, T0 + 3000));
    first.emplace_back(action("act-3", ActionStatus::Failed, T0 + 3500));  // new and updated in one batch
    first.emplace_back(anomaly(5));                                        // known: changes nothing
    second.emplace_back(approval("act-1", ApprovalDecision::Expired, T0 + 4000));
    second.emplace_back(action("act-1", ActionStatus::Rejected, T0 + 4000));
    second.emplace_back(Outcome{T0 + 4500, "act-3", false, "refused"});
    for (int k = 40; k < 60; ++k) second.emplace_back(anomaly(k));
    second.emplace_back(action("act-4", ActionStatus::Succeeded, T0 + 5000));
    return {first, second};
}

// Every role of every cell, as text: what a view could show.
QStringList contents(const QAbstractItemModel& m) {
    QStringList out;
    const auto roles = m.roleNames().keys();
    for (int r = 0; r < m.rowCount(); ++r)
        for (int c = 0; c < m.columnCount(); ++c)
            for (int role : roles) out << QStringLiteral("%1/%2/%3=%4").arg(r).arg(c).arg(role).arg(m.index(r, c).data(role).toString());
    return out;
}

// Counts inserts and checks each signal against the rows announced so far.
struct Watch {
    int inserts = 0;
    int badChanges = 0;
    explicit Watch(QAbstractItemModel& m) {
        QObject::connect(&m, &QAbstractItemModel::rowsInserted, [this, &m](const QModelIndex&, int first, int last) {
            ++inserts;
            QCOMPARE(last, m.rowCount() - 1);
            QVERIFY(first <= last);
        });
        QObject::connect(&m, &QAbstractItemModel::dataChanged, [this, &m](const QModelIndex& a, const QModelIndex& b) {
            if (!a.isValid() || !b.isValid() || b.row() >= m.rowCount()) ++badChanges;
            for (int r = a.row(); r <= b.row(); ++r) (void)m.index(r, 0).data(Qt::DisplayRole);  // a view reads it
        });
    }
};

}  // namespace

class TestBatchedInserts : public QObject {
    Q_OBJECT
private slots:
    void timelineBatchesEqualOneAtATime() {
        TimelineModel batched, single;
        Watch watchBatched(batched), watchSingle(single);
        for (const auto& b : batches()) {
            batched.addRecords(b);
            for (const Record& r : b) single.addRecords({r});
        }
        QCOMPARE(watchBatched.inserts, 2);  // one per batch
        QVERIFY(watchSingle.inserts > 40);
        QCOMPARE(watchBatched.badChanges, 0);
        QCOMPARE(batched.rowCount(), single.rowCount());
        QCOMPARE(contents(batched), contents(single));
        for (int r = 0; r < batched.rowCount(); ++r) QCOMPARE(batched.rowOf(batched.items()[std::size_t(r)].id), r);
        // The expiry reached act-1 whether or not its row was announced yet.
        const int act1 = batched.rowOf("act-1");
        QVERIFY(act1 >= 0);
        QCOMPARE(int(batched.items()[std::size_t(act1)].state), int(ItemState::ActionExpired));
        QCOMPARE(int(batched.items()[std::size_t(batched.rowOf("act-3"))].state), int(ItemState::ActionFailed));
    }

    void timelineSnapshotInsertsOnce() {
        TimelineModel m;
        Watch watch(m);
        auto s = std::make_shared<Snapshot>();
        s->engineTime = T0 + 100'000;
        for (int k = 0; k < 30; ++k) s->recentAnomalies.push_back(anomaly(k));
        m.showSnapshot(s);
        QCOMPARE(watch.inserts, 1);
        QCOMPARE(m.rowCount(), 30);
        m.showSnapshot(s);  // nothing new: no insert
        QCOMPARE(watch.inserts, 1);
    }

    void actionLogBatchesEqualOneAtATime() {
        ActionLogModel batched, single;
        Watch watchBatched(batched), watchSingle(single);
        for (const auto& b : batches()) {
            batched.addRecords(b);
            for (const Record& r : b) single.addRecords({r});
        }
        QCOMPARE(watchBatched.inserts, 2);
        QCOMPARE(watchSingle.inserts, 4);
        QCOMPARE(watchBatched.badChanges, 0);
        QCOMPARE(batched.rowCount(), 4);
        QCOMPARE(contents(batched), contents(single));
        // act-2's approval came before its action in the same batch: it is on the row.
        const int act2 = batched.rowOf(QStringLiteral("act-2"));
        QVERIFY(act2 >= 0);
        QVERIFY(batched.index(act2, 0).data(ActionLogModel::SummaryRole).toString().contains(QLatin1String("alice")));
        QCOMPARE(batched.index(batched.rowOf(QStringLiteral("act-3")), 0).data(ActionLogModel::StatusRole).toInt(),
                 int(ActionStatus::Failed));
    }

    void rowOfKnowsOnlyAnnouncedRows() {
        ActionLogModel m;
        int rowDuringUpdate = -2;
        connect(&m, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] { rowDuringUpdate = m.rowOf(QStringLiteral("act-9")); });
        m.addRecords({action("act-9", ActionStatus::Executing, T0)});
        QCOMPARE(rowDuringUpdate, -1);  // not a row until the insert is done
        QCOMPARE(m.rowOf(QStringLiteral("act-9")), 0);
    }
};

QTEST_MAIN(TestBatchedInserts)
#include "tst_batchedinserts.moc"
