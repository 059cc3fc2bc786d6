// Replay → Compare with policy… in a replay window: a cascade recording run
// under the shipped policy (A) and under it with the kill switch on (B), by
// app/common/WhatIfRuns as `vigilctl replay --compare` runs it. The What-if
// dock's two sets of lanes hold exactly each run's incidents and actions (the
// actions marked simulated), and its difference list has one line per
// difference of the headless comparison.
#include "../replay/ReplayTestSupport.h"

#include "common/ReplayPipeline.h"
#include "common/ShippedPolicy.h"
#include "common/WhatIfRuns.h"
#include "ui/MainWindow.h"
#include "ui/RecordingOpener.h"
#include "ui/ReplayBar.h"
#include "ui/TimelineModel.h"
#include "ui/WhatIfCompare.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
ui::WhatIfRunner runner() {
    return [](const QString& log, const QString& policyB, ui::WhatIfRuns& out, QString& error) {
        app::WhatIfSide a, b;
        std::string why;
        remedy::Policy pa, pb;
        if (!app::loadPolicy({}, pa, why) || !app::loadPolicy(policyB.toStdString(), pb, why)) {
            error = QString::fromStdString(why);
            return false;
        }
        a.policy = pa;
        a.label = "shipped policy";
        b.policy = pb;
        b.label = "paused.yaml";
        app::WhatIfResult r;
        if (!app::runWhatIf(log.toStdString(), a, b, r, why)) {
            error = QString::fromStdString(why);
            return false;
        }
        out.a = r.runs[0];
        out.b = r.runs[1];
        out.diff = r.diff;
        return true;
    };
}

ui::ReplayStagesFactory shippedPolicy() {
    return [](std::string& error) {
        std::shared_ptr<app::ReplayPipeline> p = app::ReplayPipeline::create("", error);
        return p ? ui::ReplayStages{p->installer(), p, {}} : ui::ReplayStages{};
    };
}

int laneCount(const ui::TimelineModel* m, ui::Lane lane) {
    int n = 0;
    for (const auto& it : m->items()) n += it.lane == lane;
    return n;
}
}  // namespace

class TestWhatIfCompare : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_, paused_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_whatifcompare"));
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson.gz"));
        QVERIFY(replaytest::writeFile(log_.toStdString(), replaytest::cascadeText(900), true));
        std::string policy(app::shippedPolicyText());
        const auto at = policy.find("kill_switch: false");
        QVERIFY(at != std::string::npos);
        policy.replace(at, 18, "kill_switch: true ");
        paused_ = dir_.filePath(QStringLiteral("paused.yaml"));
        QVERIFY(replaytest::writeFile(paused_.toStdString(), policy, false));
    }

    void lanesAndDifferencesMatchTheHeadlessComparison() {
        ui::WhatIfRuns headless;
        QString error;
        QVERIFY2(runner()(log_, paused_, headless, error), qPrintable(error));
        QVERIFY(!headless.a.actions.empty());
        QVERIFY(!headless.diff.actions.empty());  // the control: the kill switch does change decisions

        ui::RecordingOpener opener(shippedPolicy());
        opener.setCompare(runner());
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY2(s, qPrintable(error));
        auto* compare = s->window()->findChild<ui::WhatIfCompare*>();
        QVERIFY(compare);
        QVERIFY(s->window()->findChild<QAction*>(QStringLiteral("compareWithPolicyAction")));
        QSignalSpy done(compare, &ui::WhatIfCompare::finished);
        compare->compareWith(paused_);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 120000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));

        const ui::WhatIfPanel* p = compare->panel();
        QCOMPARE(laneCount(p->laneA(), ui::Lane::Incidents), int(headless.a.incidents.size()));
        QCOMPARE(laneCount(p->laneB(), ui::Lane::Incidents), int(headless.b.incidents.size()));
        QCOMPARE(laneCount(p->laneA(), ui::Lane::Actions), int(headless.a.actions.size()));
        QCOMPARE(laneCount(p->laneB(), ui::Lane::Actions), int(headless.b.actions.size()));
        for (const auto& it : p->laneB()->items())
            if (it.lane == ui::Lane::Actions)
                QVERIFY2(it.title.contains(QStringLiteral("simulated")), qPrintable(it.title));
        int deltas = 0;
        for (const auto& m : headless.diff.both) deltas += m.detectDeltaMs != 0;
        QCOMPARE(p->differences()->count(),
                 int(headless.diff.onlyA.size() + headless.diff.onlyB.size() + headless.diff.actions.size()) + deltas);
        QVERIFY(p->heading()->text().contains(QStringLiteral("%1 actions differ").arg(headless.diff.actions.size())));
        // VIGIL_SCREENSHOT_DIR, when set, receives replay.png (docs/screenshots, under Xvfb):
        // the replay played to the end, its simulated actions, and the What-if dock.
        if (const QString shots = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !shots.isEmpty()) {
            ui::MainWindow* w = s->window();
            w->resize(1600, 1000);
            s->bar()->setSpeed(0);
            s->replay().play();
            QTRY_VERIFY_WITH_TIMEOUT(s->replay().progress().finished, 120000);
            QTRY_VERIFY_WITH_TIMEOUT(laneCount(w->timelineModel(), ui::Lane::Actions) > 0, 5000);
            QVERIFY(QTest::qWaitForWindowExposed(w));
            QTest::qWait(1500);
            QVERIFY(w->grab().save(shots + QStringLiteral("/replay.png")));
        }
        s->window()->close();
    }

    void anUnreadablePolicyIsSaidNotCrashed() {
        ui::RecordingOpener opener(ui::ReplayStagesFactory{});
        opener.setCompare(runner());
        QString error;
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY(s);
        auto* compare = s->window()->findChild<ui::WhatIfCompare*>();
        QSignalSpy done(compare, &ui::WhatIfCompare::finished);
        compare->compareWith(dir_.filePath(QStringLiteral("missing.yaml")));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(done.at(0).at(1).toString().contains(QStringLiteral("missing.yaml")),
                 qPrintable(done.at(0).at(1).toString()));
        QVERIFY(compare->panel()->heading()->text().startsWith(QStringLiteral("What-if failed")));
        s->window()->close();
    }
};

QTEST_MAIN(TestWhatIfCompare)
#include "tst_whatifcompare.moc"
