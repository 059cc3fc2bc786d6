// Actions in the replay window: a cascade recording replayed under the shipped
// policy (app/common/ReplayPipeline, as the console opens it) puts every action
// the headless replay planned on the timeline's action lane and in the action
// log, each marked simulated (nothing was sent); markedSimulated() adds the mark
// once and keeps the other parameters.
#include "../replay/ReplayTestSupport.h"

#include "common/ReplayPipeline.h"
#include "remedy/SimFleetActuator.h"
#include "ui/ActionLogFilter.h"
#include "ui/ActionLogModel.h"
#include "ui/ActionLogPanel.h"
#include "ui/EngineActivityFeed.h"
#include "ui/MainWindow.h"
#include "ui/RecordingOpener.h"
#include "ui/ReplayBar.h"
#include "ui/TimelineModel.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace vigil;

namespace {
ui::ReplayStagesFactory shippedPolicy() {
    return [](std::string& error) {
        std::shared_ptr<app::ReplayPipeline> p = app::ReplayPipeline::create("", error);
        return p ? ui::ReplayStages{p->installer(), p, {}} : ui::ReplayStages{};
    };
}
}  // namespace

class TestReplayActions : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;
    std::set<std::string> headless_;  // action ids

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_replayactions"));
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson.gz"));
        QVERIFY(replaytest::writeFile(log_.toStdString(), replaytest::cascadeText(900), true));
        std::string error;
        auto pipeline = app::ReplayPipeline::create("", error);
        QVERIFY2(pipeline, error.c_str());
        ReplayController headless(pipeline->installer());
        QVERIFY(headless.open(log_.toStdString(), error));
        headless.play();
        headless.waitIdle();
        for (const auto& a : headless.outputs().actions) headless_.insert(a.id);
        QVERIFY(!headless_.empty());  // the control: the cascade does make the planner act
    }

    void replayActionsReachTheTimelineAndTheLogMarkedSimulated() {
        ui::RecordingOpener opener(shippedPolicy());
        QString error;
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY2(s, qPrintable(error));
        ui::MainWindow* w = s->window();
        s->bar()->setSpeed(0);
        s->replay().play();
        QTRY_VERIFY_WITH_TIMEOUT(s->replay().progress().finished, 120000);

        const ui::TimelineModel* timeline = w->timelineModel();
        auto laneIds = [&] {
            std::set<std::string> ids;
            for (const auto& it : timeline->items())
                if (it.lane == ui::Lane::Actions) ids.insert(it.id);
            return ids;
        };
        QTRY_COMPARE_WITH_TIMEOUT(laneIds().size(), headless_.size(), 5000);
        QVERIFY(laneIds() == headless_);
        for (const auto& it : timeline->items())
            if (it.lane == ui::Lane::Actions) {
                QVERIFY2(it.title.contains(QStringLiteral("simulated")), qPrintable(it.title));
                QVERIFY2(it.summary.contains(QStringLiteral("nothing was sent")), qPrintable(it.summary));
            }

        auto* log = qobject_cast<ui::ActionLogModel*>(w->actionLogPanel()->filter()->sourceModel());
        QVERIFY(log);
        QVERIFY(log->rowCount() > 0);
        for (int r = 0; r < log->rowCount(); ++r) {
            const QString id = log->index(r, 0).data(ui::ActionLogModel::IdRole).toString();
            QVERIFY2(headless_.count(id.toStdString()), qPrintable(id));
            const QString summary = log->index(r, 0).data(ui::ActionLogModel::SummaryRole).toString();
            QVERIFY2(summary.contains(QStringLiteral("replay: simulated, nothing was sent")), qPrintable(summary));
        }
        w->close();
    }

    void markIsAddedOnceAndKeepsTheParams() {
        Action a;
        a.params = R"({"rule":"r1","why":"x"})";
        const Action m = ui::markedSimulated(a);
        QVERIFY(ui::isSimulatedReplay(m));
        QCOMPARE(remedy::jsonField(m.params, "rule"), std::string("r1"));
        QCOMPARE(ui::markedSimulated(m).params, m.params);
        Action empty;
        empty.params = "{}";
        QCOMPARE(ui::markedSimulated(empty).params, std::string(R"({"replay":"true"})"));
        QVERIFY(!ui::isSimulatedReplay(a));
    }
};

QTEST_MAIN(TestReplayActions)
#include "tst_replayactions.moc"
