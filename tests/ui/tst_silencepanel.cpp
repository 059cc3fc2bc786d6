// Silences in the console (offscreen): the model's rows, states and roles; the
// "Silence…" dialog refusing a silence without matcher, reason or author and
// prefilling from an incident; the panel adding and expiring through a
// SilenceSource on a real database (stored, audited, listed with who) without
// the GUI thread touching the store; silenced anomalies greyed in the anomaly
// list and the timeline. Waits are hang guards, not timing asserts.
#include "store/Database.h"
#include "store/Statement.h"
#include "ui/AnomalyListModel.h"
#include "ui/IncidentListModel.h"
#include "ui/IncidentPanel.h"
#include "ui/Palette.h"
#include "ui/SilenceDialog.h"
#include "ui/SilenceModel.h"
#include "ui/SilencePanel.h"
#include "ui/SilenceSource.h"
#include "ui/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::ui;

namespace {

constexpr TimestampMs T0 = 1'767'225'600'000;

silence::Silence silenceOf(std::int64_t id, TimestampMs starts, TimestampMs ends, const std::string& expiredBy = {}) {
    silence::Silence s;
    s.id = id;
    s.target = "rpc:eth-main-a";
    s.starts = starts;
    s.ends = ends;
    s.reason = "provider maintenance";
    s.createdBy = "alice";
    s.expiredBy = expiredBy;
    return s;
}

std::int64_t count(const QString& db, const char* sql) {
    auto d = store::Database::open(db.toStdString(), store::OpenMode::ReadOnly);
    if (!d) qFatal("%s", d.error().c_str());
    store::Statement st;
    std::string error;
    if (!st.prepare(d->handle(), sql, error) || st.step() != SQLITE_ROW) qFatal("%s: %s", sql, error.c_str());
    return st.int64(0);
}

}  // namespace

class TestSilencePanel : public QObject {
    Q_OBJECT
    QTemporaryDir config_;
private slots:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", config_.path().toLocal8Bit()); }  // the audit key of this test

    void modelRowsStatesAndRoles() {
        SilenceModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setSilences({silenceOf(1, T0, T0 + 3'600'000), silenceOf(2, T0 + 7'200'000, T0 + 9'000'000),
                       silenceOf(3, T0 - 7'200'000, T0 - 10, "bob")},
                      T0 + 1000);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.index(0, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("active"));
        QCOMPARE(m.index(1, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(m.index(2, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("expired"));
        QCOMPARE(m.index(2, SilenceModel::ByCol).data().toString(), QStringLiteral("alice (expired by bob)"));
        QCOMPARE(m.index(0, 0).data(SilenceModel::MatchersRole).toString(), QStringLiteral("target=rpc:eth-main-a"));
        QCOMPARE(m.index(0, 0).data(SilenceModel::CreatedByRole).toString(), QStringLiteral("alice"));
        QCOMPARE(m.index(2, 0).data(SilenceModel::ExpiredByRole).toString(), QStringLiteral("bob"));
        QVERIFY(!m.index(0, 0).data(Qt::ForegroundRole).isValid());  // active: normal text
        QCOMPARE(m.index(2, 0).data(Qt::ForegroundRole).value<QColor>(), palette::muted());
        QVERIFY(m.roleNames().values().contains("createdBy"));
        // Time passing moves states (the first silence ends).
        m.setSilences({silenceOf(1, T0, T0 + 3'600'000)}, T0 + 3'600'000);
        QCOMPARE(m.index(0, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("ended"));
    }

    void dialogChecksAndPrefills() {
        SilenceDialog d(T0);
        silence::Silence s;
        QString why;
        d.setAuthor(QStringLiteral("alice"));
        d.setReason(QStringLiteral("maintenance"));
        QVERIFY(!d.build(s, why));  // nothing to match
        QVERIFY2(why.contains(QStringLiteral("target, a label or a kind")), qPrintable(why));
        d.setLabels(QStringLiteral("detector"));
        QVERIFY(!d.build(s, why));
        QVERIFY2(why.startsWith(QStringLiteral("Labels:")), qPrintable(why));
        d.setLabels(QStringLiteral("detector=gas.spike, target_kind=chain"));
        d.setReason({});
        QVERIFY(!d.build(s, why));
        QVERIFY2(why.startsWith(QStringLiteral("Reason:")), qPrintable(why));
        d.accept();  // refused: stays open, says why
        QVERIFY(d.result() == silence::Silence{});
        QVERIFY(d.error().startsWith(QStringLiteral("Reason:")));

        Incident inc;
        inc.id = "INC-7";
        inc.cause = "pool:airdrop_claim";
        d.prefill(inc);
        d.setKind(QStringLiteral("worker-overload"));
        d.setDurationIndex(1);  // 1 hour
        QVERIFY2(d.build(s, why), qPrintable(why));
        QCOMPARE(s.target, std::string("pool:airdrop_claim"));
        QCOMPARE(s.reason, std::string("Incident INC-7"));
        QCOMPARE(s.kind, std::string("worker-overload"));
        QCOMPARE(s.labels.at("detector"), std::string("gas.spike"));
        QCOMPARE(s.labels.at("target_kind"), std::string("chain"));
        QCOMPARE(s.starts, T0);
        QCOMPARE(s.ends, T0 + 3'600'000);
        QCOMPARE(s.createdBy, std::string("alice"));
    }

    void panelAddsAndExpiresThroughTheStore() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ui.db"));
        SystemClock clock;
        SilenceSource source(db, clock, 200);
        SilencePanel panel(source);
        QSignalSpy answers(&source, &SilenceSource::answered);

        silence::Silence s = silenceOf(0, clock.now(), clock.now() + 3'600'000);
        source.add(s);
        QTRY_COMPARE_WITH_TIMEOUT(answers.count(), 1, 20000);
        QVERIFY2(answers.at(0).at(0).toBool(), qPrintable(answers.at(0).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, 20000);
        QCOMPARE(panel.model()->index(0, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("active"));
        QCOMPARE(panel.status(), QStringLiteral("Silence 1 set by alice"));

        QVERIFY(!panel.expireSelected(QStringLiteral("bob")));  // nothing selected yet
        panel.view()->selectRow(0);
        QVERIFY(!panel.expireSelected(QStringLiteral("  ")));   // who, for the audit log
        QVERIFY(panel.expireSelected(QStringLiteral("bob")));
        QTRY_COMPARE_WITH_TIMEOUT(answers.count(), 2, 20000);
        QVERIFY2(answers.at(1).at(0).toBool(), qPrintable(answers.at(1).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->index(0, 0).data(SilenceModel::StateRole).toString(), QStringLiteral("expired"), 20000);
        QCOMPARE(panel.model()->index(0, 0).data(SilenceModel::ExpiredByRole).toString(), QStringLiteral("bob"));

        // Expiring again: the store's answer shown verbatim.
        panel.view()->selectRow(0);
        source.expire(1, QStringLiteral("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(answers.count(), 3, 20000);
        QVERIFY(!answers.at(2).at(0).toBool());
        QVERIFY2(answers.at(2).at(1).toString().contains(QStringLiteral("already ended")), qPrintable(answers.at(2).at(1).toString()));

        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'silence.created'"), std::int64_t(1));
        QCOMPARE(count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'silence.expired'"), std::int64_t(1));

        QWidget host;
        QAction* action = makeSilenceAction(source, &host);
        QCOMPARE(action->text(), QStringLiteral("&Silence…"));
    }

    void silencedAnomaliesAreGreyed() {
        auto snap = std::make_shared<Snapshot>();
        Anomaly a;
        a.ts = T0;
        a.id = "AN-1";
        a.detector = "gas.spike";
        a.target = "chain:ethereum";
        a.score = 0.95;
        a.silenced = true;
        Anomaly b = a;
        b.id = "AN-2";
        b.ts = T0 + 1000;
        b.silenced = false;
        snap->recentAnomalies = {a, b};

        AnomalyListModel list;
        list.showSnapshot(snap);
        QCOMPARE(list.rowCount(), 2);
        const QModelIndex silenced = list.index(1, AnomalyListModel::ScoreCol), plain = list.index(0, AnomalyListModel::ScoreCol);
        QCOMPARE(silenced.data(AnomalyListModel::IdRole).toString(), QStringLiteral("AN-1"));
        QVERIFY(silenced.data(AnomalyListModel::SilencedRole).toBool());
        QCOMPARE(silenced.data(Qt::ForegroundRole).value<QColor>(), palette::muted());
        QVERIFY(!plain.data(AnomalyListModel::SilencedRole).toBool());
        QCOMPARE(plain.data(Qt::ForegroundRole).value<QColor>(), palette::bad());  // high score, not silenced

        TimelineModel timeline;
        timeline.showSnapshot(snap);
        QCOMPARE(int(timeline.items().size()), 2);
        for (const auto& it : timeline.items())
            QCOMPARE(int(it.state), int(it.id == "AN-1" ? ItemState::AnomalySilenced : ItemState::Anomaly));
        QCOMPARE(stateColor(ItemState::AnomalySilenced), palette::muted());
    }

    void silenceFromTheSelectedIncident() {
        auto snap = std::make_shared<Snapshot>();
        Incident open;
        open.id = "INC-1";
        open.ts = open.opened = T0;
        open.cause = "rpc:eth-main-a";
        open.targets = {"rpc:eth-main-a"};
        Incident quiet = open;
        quiet.id = "INC-2";
        quiet.cause = "pool:airdrop_claim";
        quiet.silenced = true;
        snap->incidents = {open, quiet};
        IncidentListModel model;
        IncidentPanel panel(&model);
        model.showSnapshot(snap);
        panel.selectIncident(QStringLiteral("INC-2"));
        const auto selected = selectedIncidentOf(&panel, &model)();
        QVERIFY(selected.has_value());
        QCOMPARE(selected->cause, std::string("pool:airdrop_claim"));
        const int row = panel.table()->currentIndex().row();
        QVERIFY(model.index(row, 0).data(IncidentListModel::SilencedRole).toBool());
        QCOMPARE(model.index(row, 0).data(Qt::ForegroundRole).value<QColor>(), palette::muted());  // greyed though open
        SilenceDialog d(T0);
        d.prefill(*selected);
        d.setAuthor(QStringLiteral("alice"));
        silence::Silence s;
        QString why;
        QVERIFY2(d.build(s, why), qPrintable(why));
        QCOMPARE(s.target, std::string("pool:airdrop_claim"));
    }
};

QTEST_MAIN(TestSilencePanel)
#include "tst_silencepanel.moc"
