// IncidentListModel: rows and roles from a snapshot, in-place updates (no reset),
// active-before-resolved and newest-first ordering, removal, tester-clean; the
// narrative in the user's language (German from the embedded translation).
#include "record/NarrativeMessages.h"
#include "ui/IncidentListModel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using vigil::ui::IncidentListModel;

namespace {

constexpr TimestampMs T0 = 1'767'225'600'000;

Incident incident(std::string id, TimestampMs opened, IncidentState state = IncidentState::Open,
                  Severity sev = Severity::Warning, std::int64_t anomalies = 1) {
    Incident i;
    i.id = std::move(id);
    i.opened = opened;
    i.ts = opened;
    i.state = state;
    i.severity = sev;
    i.targets = {"rpc:eth-main-a", "agent:agent-03"};
    i.cause = "rpc:eth-main-a";
    i.narrative = "RPC eth-main-a latency rose; agent-03 tasks failed.";
    i.anomaly_count = anomalies;
    return i;
}

std::shared_ptr<const Snapshot> snap(std::vector<Incident> incidents) {
    auto s = std::make_shared<Snapshot>();
    s->incidents = std::move(incidents);
    return s;
}

QStringList idsOf(const IncidentListModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, 0).data(IncidentListModel::IdRole).toString();
    return out;
}

}  // namespace

class TestIncidentListModel : public QObject {
    Q_OBJECT
private slots:
    void rowsAndRolesFromSnapshot() {
        IncidentListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m.rowCount(), 0);
        m.showSnapshot(snap({incident("inc-1", T0, IncidentState::Open, Severity::Critical, 7)}));
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.columnCount(), int(IncidentListModel::ColumnCount));

        const QModelIndex row = m.index(0, 0);
        QCOMPARE(row.data(IncidentListModel::IdRole).toString(), QStringLiteral("inc-1"));
        QCOMPARE(row.data(IncidentListModel::StateRole).toInt(), int(IncidentState::Open));
        QCOMPARE(row.data(IncidentListModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(row.data(IncidentListModel::OpenedRole).toLongLong(), T0);
        QCOMPARE(row.data(IncidentListModel::AnomalyCountRole).toLongLong(), 7);
        QCOMPARE(row.data(IncidentListModel::TargetsRole).toStringList(),
                 QStringList({QStringLiteral("rpc:eth-main-a"), QStringLiteral("agent:agent-03")}));
        QCOMPARE(row.data(IncidentListModel::CauseRole).toString(), QStringLiteral("rpc:eth-main-a"));

        QCOMPARE(m.index(0, IncidentListModel::OpenedCol).data().toString(),
                 QDateTime::fromMSecsSinceEpoch(T0).toString(QStringLiteral("HH:mm:ss")));
        QCOMPARE(m.index(0, IncidentListModel::SeverityCol).data().toString(), IncidentListModel::nameOf(Severity::Critical));
        QCOMPARE(m.index(0, IncidentListModel::StateCol).data().toString(), IncidentListModel::nameOf(IncidentState::Open));
        QCOMPARE(m.index(0, IncidentListModel::CauseCol).data().toString(), QStringLiteral("rpc:eth-main-a"));
        QCOMPARE(m.index(0, IncidentListModel::AnomaliesCol).data().toString(), QLocale().toString(7));
        const QString narrative = QStringLiteral("RPC eth-main-a latency rose; agent-03 tasks failed.");
        QCOMPARE(m.index(0, IncidentListModel::NarrativeCol).data().toString(), narrative);
        QCOMPARE(m.index(0, IncidentListModel::CauseCol).data(Qt::ToolTipRole).toString(), narrative);

        // Severity colour: decoration on the Severity column only; distinct per severity.
        const QColor critical = m.index(0, IncidentListModel::SeverityCol).data(Qt::DecorationRole).value<QColor>();
        QCOMPARE(critical, IncidentListModel::colorOf(Severity::Critical));
        QCOMPARE(row.data(IncidentListModel::SeverityColorRole).value<QColor>(), critical);
        QVERIFY(!m.index(0, IncidentListModel::CauseCol).data(Qt::DecorationRole).isValid());
        QVERIFY(IncidentListModel::colorOf(Severity::Warning) != critical);
        QVERIFY(IncidentListModel::colorOf(Severity::Info) != IncidentListModel::colorOf(Severity::Warning));

        QVERIFY(!m.headerData(IncidentListModel::NarrativeCol, Qt::Horizontal).toString().isEmpty());
        QVERIFY(m.roleNames().contains(IncidentListModel::IdRole));
    }

    void updateChangesRowInPlaceWithoutReset() {
        IncidentListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.showSnapshot(snap({incident("inc-a", T0), incident("inc-b", T0 + 1000)}));
        QCOMPARE(idsOf(m), QStringList({QStringLiteral("inc-b"), QStringLiteral("inc-a")}));
        const QPersistentModelIndex b(m.index(0, 0));

        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&m, &QAbstractItemModel::rowsMoved);

        Incident b2 = incident("inc-b", T0 + 1000, IncidentState::Mitigated, Severity::Critical, 12);
        b2.ts = T0 + 5000;
        b2.narrative = "Failover to eth-main-b; latency recovering.";
        m.showSnapshot(snap({incident("inc-a", T0), b2}));

        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(moved.count(), 0);
        QCOMPARE(changed.count(), 1);  // only inc-b's row
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), IncidentListModel::ColumnCount - 1);
        QCOMPARE(b.row(), 0);
        QCOMPARE(b.data(IncidentListModel::StateRole).toInt(), int(IncidentState::Mitigated));
        QCOMPARE(b.data(IncidentListModel::AnomalyCountRole).toLongLong(), 12);
        QCOMPARE(b.data(IncidentListModel::UpdatedRole).toLongLong(), T0 + 5000);
        QCOMPARE(b.data(Qt::ToolTipRole).toString(), QStringLiteral("Failover to eth-main-b; latency recovering."));

        // The same snapshot again changes nothing.
        changed.clear();
        m.showSnapshot(snap({incident("inc-a", T0), b2}));
        QCOMPARE(changed.count(), 0);

        // A new incident is inserted (at the top: newest), not reset.
        m.showSnapshot(snap({incident("inc-a", T0), b2, incident("inc-c", T0 + 2000)}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(idsOf(m), QStringList({QStringLiteral("inc-c"), QStringLiteral("inc-b"), QStringLiteral("inc-a")}));
        QCOMPARE(b.row(), 1);  // persistent index followed the row
    }

    void activeBeforeResolvedNewestFirst() {
        IncidentListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Snapshot order is deliberately not display order.
        m.showSnapshot(snap({
            incident("old-open", T0, IncidentState::Open),
            incident("new-resolved", T0 + 9000, IncidentState::Resolved),
            incident("mid-mitigated", T0 + 3000, IncidentState::Mitigated),
            incident("old-resolved", T0 + 1000, IncidentState::Resolved),
            incident("new-open", T0 + 5000, IncidentState::Open),
        }));
        QCOMPARE(idsOf(m), QStringList({"new-open", "mid-mitigated", "old-open", "new-resolved", "old-resolved"}));
        QVERIFY(m.index(3, 0).data(Qt::ForegroundRole).isValid());   // resolved: greyed
        QVERIFY(!m.index(0, 0).data(Qt::ForegroundRole).isValid());  // active: default colour

        // new-open resolves: it moves below the active ones (a move, not a reset)
        // and its persistent index follows it.
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        const QPersistentModelIndex p(m.index(0, 0));
        m.showSnapshot(snap({
            incident("old-open", T0, IncidentState::Open),
            incident("new-resolved", T0 + 9000, IncidentState::Resolved),
            incident("mid-mitigated", T0 + 3000, IncidentState::Mitigated),
            incident("old-resolved", T0 + 1000, IncidentState::Resolved),
            incident("new-open", T0 + 5000, IncidentState::Resolved),
        }));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(idsOf(m), QStringList({"mid-mitigated", "old-open", "new-resolved", "new-open", "old-resolved"}));
        QCOMPARE(p.row(), 3);
        QCOMPARE(p.data(IncidentListModel::IdRole).toString(), QStringLiteral("new-open"));

        // Incidents the engine no longer reports are removed; all gone leaves an empty model.
        m.showSnapshot(snap({incident("old-open", T0, IncidentState::Open)}));
        QCOMPARE(idsOf(m), QStringList({QStringLiteral("old-open")}));
        m.showSnapshot(snap({}));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void nullSnapshotIsIgnored() {
        IncidentListModel m;
        m.showSnapshot(snap({incident("inc-1", T0)}));
        m.showSnapshot(nullptr);
        QCOMPARE(m.rowCount(), 1);
    }

    void narrativeInTheUsersLanguage() {
        Incident i = incident("inc-de", T0);
        auto say = [](NarrativeMsg m, std::vector<NarrativeArg> args) {
            return NarrativeSentence{static_cast<std::uint16_t>(m), std::move(args)};
        };
        i.story = {say(NarrativeMsg::Summary, {{{}, {"warning"}}, {{}, {"a gas price spike"}}, {"chain:ethereum", {}},
                                               {"2026-01-01 00:01:40Z", {}}, {"1m30s", {}}}),
                   say(NarrativeMsg::Cause, {{"chain:ethereum", {}}})};
        IncidentListModel m;
        m.showSnapshot(snap({i}));
        const QString english = m.index(0, 0).data(IncidentListModel::NarrativeRole).toString();
        QCOMPARE(english, QStringLiteral("warning: a gas price spike on chain:ethereum since 2026-01-01 00:01:40Z "
                                         "(1m30s of signals). Likely cause: chain:ethereum."));

        QTranslator de;
        QVERIFY(de.load(QLocale(QLocale::German), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&de);
        const QString german = m.index(0, 0).data(IncidentListModel::NarrativeRole).toString();
        QCoreApplication::removeTranslator(&de);
        QCOMPARE(german, QStringLiteral("Warnung: eine Gaspreisspitze auf chain:ethereum seit 2026-01-01 00:01:40Z "
                                        "(1m30s Signale). Wahrscheinliche Ursache: chain:ethereum."));

        // Read back from a store, an incident has only its English text.
        i.story.clear();
        m.showSnapshot(snap({i}));
        QCOMPARE(m.index(0, 0).data(IncidentListModel::NarrativeRole).toString(), QString::fromStdString(i.narrative));
    }
};

QTEST_MAIN(TestIncidentListModel)
#include "tst_incidentlistmodel.moc"
