// AnomalyListModel: newest first, new anomalies inserted at the top (no reset),
// the bounded tail trimmed at the bottom, a restart starts over; roles named;
// every change checked by QAbstractItemModelTester.
#include "ui/AnomalyListModel.h"
#include "ui/Palette.h"
#include "ui/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using vigil::ui::AnomalyListModel;

namespace {
constexpr TimestampMs T0 = 1'767'225'600'000;

Anomaly anomaly(int n, double score = 0.5) {
    Anomaly a;
    a.ts = T0 + n * 1000;
    a.id = "AN-" + std::to_string(n);
    a.detector = "metric.ensemble";
    a.series = "rpc.latency_ms";
    a.target = "rpc:eth-main-a";
    a.score = score;
    a.explanation = "latency " + std::to_string(n);
    return a;
}

// The engine's recent anomalies [from, to], newest last.
std::shared_ptr<const Snapshot> snap(int from, int to) {
    auto s = std::make_shared<Snapshot>();
    for (int n = from; n <= to; ++n) s->recentAnomalies.push_back(anomaly(n, n % 2 ? 0.9 : 0.5));
    return s;
}

QStringList ids(const AnomalyListModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, 0).data(AnomalyListModel::IdRole).toString();
    return out;
}
}  // namespace

class TestAnomalyListModel : public QObject {
    Q_OBJECT
private slots:
    void rowsAndRoles() {
        AnomalyListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(1, 3));
        QCOMPARE(ids(m), (QStringList{"AN-3", "AN-2", "AN-1"}));
        QCOMPARE(m.columnCount(), int(AnomalyListModel::ColumnCount));
        const QModelIndex top = m.index(0, AnomalyListModel::ScoreCol);
        QCOMPARE(top.data(AnomalyListModel::ScoreRole).toDouble(), 0.9);
        QCOMPARE(top.data(AnomalyListModel::TimestampRole).toLongLong(), T0 + 3000);
        QVERIFY(top.data(Qt::ForegroundRole).isValid());  // a strong score stands out
        QVERIFY(!m.index(1, AnomalyListModel::ScoreCol).data(Qt::ForegroundRole).isValid());
        QCOMPARE(m.index(0, AnomalyListModel::TargetCol).data().toString(), QStringLiteral("rpc:eth-main-a"));
        QCOMPARE(m.index(0, AnomalyListModel::ExplanationCol).data().toString(), QStringLiteral("latency 3"));
        QVERIFY(!m.headerData(AnomalyListModel::DetectorCol, Qt::Horizontal).toString().isEmpty());
    }

    void roleNames_data() {
        QTest::addColumn<int>("role");
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("id") << int(AnomalyListModel::IdRole) << QByteArray("id");
        QTest::newRow("score") << int(AnomalyListModel::ScoreRole) << QByteArray("score");
        QTest::newRow("timestamp") << int(AnomalyListModel::TimestampRole) << QByteArray("timestamp");
        QTest::newRow("own effect") << int(AnomalyListModel::OwnEffectRole) << QByteArray("ownEffectOf");
        QTest::newRow("display kept") << int(Qt::DisplayRole) << QByteArray("display");
    }
    void roleNames() {
        QFETCH(int, role);
        QFETCH(QByteArray, name);
        QCOMPARE(AnomalyListModel().roleNames().value(role), name);
    }

    // An anomaly that is Vigil's own action taking effect (correlate/OwnEffectMarker.h)
    // says so: greyed, its explanation led by the action, the reason in the tooltip,
    // and drawn in the actions' colour on the timeline.
    void ownActionEffectsSayWhose() {
        auto s = std::make_shared<Snapshot>(*snap(1, 2));  // AN-2 has a strong score: it would stand out in red
        s->recentAnomalies[1].own_effect_of = "act-7";
        AnomalyListModel m;
        m.showSnapshot(s);
        const QModelIndex own = m.index(0, AnomalyListModel::ScoreCol), plain = m.index(1, AnomalyListModel::ScoreCol);
        QCOMPARE(own.data(AnomalyListModel::OwnEffectRole).toString(), QStringLiteral("act-7"));
        QCOMPARE(own.data(Qt::ForegroundRole).value<QColor>(), vigil::ui::palette::muted());
        QCOMPARE(m.index(0, AnomalyListModel::ExplanationCol).data().toString(),
                 QStringLiteral("Vigil's own action act-7: latency 2"));
        QVERIFY(own.data(Qt::ToolTipRole).toString().contains(QStringLiteral("act-7")));
        QVERIFY(own.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no incident")));
        QVERIFY(plain.data(AnomalyListModel::OwnEffectRole).toString().isEmpty());
        QCOMPARE(m.index(1, AnomalyListModel::ExplanationCol).data().toString(), QStringLiteral("latency 1"));

        vigil::ui::TimelineModel timeline;
        timeline.showSnapshot(s);
        QCOMPARE(int(timeline.items().size()), 2);
        for (const auto& it : timeline.items()) {
            const bool isOwn = it.id == "AN-2";
            QCOMPARE(int(it.state),
                     int(isOwn ? vigil::ui::ItemState::AnomalyOwnEffect : vigil::ui::ItemState::Anomaly));
            QCOMPARE(it.title.contains(QStringLiteral("act-7")), isOwn);
        }
        QCOMPARE(vigil::ui::stateColor(vigil::ui::ItemState::AnomalyOwnEffect), vigil::ui::palette::info());
        QVERIFY(!vigil::ui::stateName(vigil::ui::ItemState::AnomalyOwnEffect).isEmpty());
    }

    void newAnomaliesInsertedAtTheTop() {
        AnomalyListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(1, 3));
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.showSnapshot(snap(1, 5));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(ids(m), (QStringList{"AN-5", "AN-4", "AN-3", "AN-2", "AN-1"}));
    }

    void boundedTailTrimmedAtTheBottom() {
        AnomalyListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(1, 4));
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        m.showSnapshot(snap(3, 6));  // the engine keeps four: 1 and 2 fell out
        QCOMPARE(removed.count(), 1);
        QCOMPARE(ids(m), (QStringList{"AN-6", "AN-5", "AN-4", "AN-3"}));
    }

    void startsOverWhenItLosesTrack_data() {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("rows");
        QTest::newRow("a restarted engine") << 100 << 102 << 3;
        QTest::newRow("an empty snapshot") << 1 << 0 << 0;
    }
    void startsOverWhenItLosesTrack() {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, rows);
        AnomalyListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap(1, 3));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.showSnapshot(snap(from, to));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m.rowCount(), rows);
        if (rows) QCOMPARE(m.index(0, 0).data(AnomalyListModel::IdRole).toString(), QStringLiteral("AN-%1").arg(to));
    }
};

QTEST_MAIN(TestAnomalyListModel)
#include "tst_anomalylistmodel.moc"
