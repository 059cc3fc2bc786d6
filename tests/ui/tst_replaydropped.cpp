// The ReplayBar says what the replay counted but did not keep ("N actions not
// kept, counted in the report", with a tooltip saying why and how many were
// seen), from the controller's own counts; with nothing dropped it says nothing.
#include "../replay/ReplayTestSupport.h"

#include "common/ReplayPipeline.h"
#include "replay/ReplayController.h"
#include "ui/ReplayBar.h"
#include "ui/ReplayDroppedText.h"

#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestReplayDropped : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string log_;

    // Plays the log to its end.
    static void replay(ReplayController& r, const std::string& log) {
        std::string error;
        QVERIFY2(r.open(log, error), error.c_str());
        r.play();
        r.waitIdle();
    }

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson")).toStdString();
        QVERIFY(replaytest::writeFile(log_, replaytest::cascadeText(3600), false));
    }

    void droppedActionsAreShownWithWhy() {
        std::string error;
        auto pipeline = app::ReplayPipeline::create("", error);
        QVERIFY2(pipeline, error.c_str());
        ReplayControllerOptions opts;
        opts.maxActions = 1;
        ReplayController r(pipeline->installer(), opts);
        replay(r, log_);
        const ReplayProgress p = r.progress();
        QVERIFY(p.actionsDropped > 0);  // the control: the cascade plans more than one action
        QCOMPARE(p.actionsDropped, p.actions - 1);

        ui::ReplayBar bar(r);
        bar.show();
        bar.refresh();
        const QLabel* dropped = bar.droppedLabel();
        QVERIFY(dropped->isVisible());
        // English plurals are the source's "(s)"; German has its own forms (translations/vigil_de.ts).
        QCOMPARE(dropped->text(), QStringLiteral("%1 action(s) not kept, counted in the report")
                                      .arg(QLocale().toString(qlonglong(p.actionsDropped))));
        QVERIFY(dropped->toolTip().contains(QStringLiteral("%1 actions (%2 not kept)")
                                                .arg(QLocale().toString(qlonglong(p.actions)))
                                                .arg(QLocale().toString(qlonglong(p.actionsDropped)))));
        QCOMPARE(r.outputs().actionsDropped, p.actionsDropped);  // the report's count is the same
    }

    void groupedDigitsAndBothKinds() {
        ReplayProgress p;
        p.incidents = 2'100;
        p.incidentsDropped = 100;
        p.actions = 32'340;
        p.actionsDropped = 12'340;
        QCOMPARE(ui::ReplayDroppedText::line(p),
                 QStringLiteral("100 incident(s) and 12,340 action(s) not kept, counted in the report"));
        QVERIFY(ui::ReplayDroppedText::tip(p).contains(QStringLiteral("2,100 incidents (100 not kept)")));
    }

    void nothingDroppedSaysNothing() {
        ReplayController r;
        replay(r, log_);
        QCOMPARE(r.progress().actionsDropped + r.progress().incidentsDropped, std::int64_t(0));
        ui::ReplayBar bar(r);
        bar.show();
        bar.refresh();
        QVERIFY(!bar.droppedLabel()->isVisible());
        QVERIFY(bar.droppedLabel()->text().isEmpty());
    }
};

QTEST_MAIN(TestReplayDropped)
#include "tst_replaydropped.moc"
