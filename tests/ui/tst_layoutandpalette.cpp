// View → Reset layout puts every dock back (docked, shown, in its area, the
// incidents and action log tabbed) and saves that; the charts, the timeline and
// the fleet strip follow a switch of the application palette to a dark one.
#include "engine/Engine.h"
#include "record/Clock.h"
#include "ui/ChartCatalog.h"
#include "ui/EngineBridge.h"
#include "ui/LiveChart.h"
#include "ui/MainWindow.h"
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x30, 0x32, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return p;
}

QColor chartBackground(const ui::LiveChart& c) {
    const auto* view = c.findChild<QChartView*>();
    return view && view->chart() ? view->chart()->backgroundBrush().color() : QColor();
}
}  // namespace

class TestLayoutAndPalette : public QObject {
    Q_OBJECT
    QTemporaryDir settingsDir_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(settingsDir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_layoutandpalette"));
    }

    void resetLayoutRestoresTheDocks() {
        VirtualClock clock(0);
        Engine engine(clock);
        ui::EngineBridge bridge(engine);
        ui::MainWindow w(&bridge);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto dock = [&](const char* name) { return w.findChild<QDockWidget*>(QString::fromLatin1(name)); };
        QDockWidget* timeline = dock("timelineDock");
        QDockWidget* anomalies = dock("anomalyDock");
        QDockWidget* incidents = dock("incidentDock");
        QDockWidget* actions = dock("actionDock");
        QVERIFY(timeline && anomalies && incidents && actions);
        QCOMPARE(int(w.dockWidgetArea(timeline)), int(Qt::BottomDockWidgetArea));

        // An operator rearranges: the timeline floats, anomalies closed, the action log moved left.
        timeline->setFloating(true);
        anomalies->hide();
        w.addDockWidget(Qt::LeftDockWidgetArea, actions);
        QVERIFY(!w.tabifiedDockWidgets(incidents).contains(actions));
        w.saveLayout();
        const QByteArray moved = QSettings().value(QStringLiteral("window/state")).toByteArray();

        w.resetLayout();
        QVERIFY(!timeline->isFloating());
        QCOMPARE(int(w.dockWidgetArea(timeline)), int(Qt::BottomDockWidgetArea));
        QVERIFY(!anomalies->isHidden());
        QCOMPARE(int(w.dockWidgetArea(actions)), int(Qt::RightDockWidgetArea));
        QVERIFY(w.tabifiedDockWidgets(incidents).contains(actions));
        // Saved at once: the next start opens with the default too.
        QVERIFY(QSettings().value(QStringLiteral("window/state")).toByteArray() != moved);
    }

    void chartsAndTimelineFollowADarkPalette() {
        const QPalette light = QApplication::palette();
        const ui::ChartSpec& spec = ui::chartCatalog().front();
        ui::LiveChart chart(spec);
        ui::TimelineModel model;
        ui::TimelineView timeline(&model);
        timeline.resize(400, 160);
        chart.resize(400, 300);
        QCOMPARE(chartBackground(chart), light.color(QPalette::Base));
        const QColor before = timeline.grab().toImage().pixelColor(2, timeline.height() - 2);

        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);  // what a desktop switching to dark does
        QCoreApplication::processEvents();
        QCOMPARE(chartBackground(chart), dark.color(QPalette::Base));
        QVERIFY(chartBackground(chart) != light.color(QPalette::Base));
        const QColor after = timeline.grab().toImage().pixelColor(2, timeline.height() - 2);
        QVERIFY(after != before);
        QVERIFY(after == dark.color(QPalette::Base) || after == dark.color(QPalette::AlternateBase));
        QApplication::setPalette(light);
        QCoreApplication::processEvents();
        QCOMPARE(chartBackground(chart), light.color(QPalette::Base));
    }
};

QTEST_MAIN(TestLayoutAndPalette)
#include "tst_layoutandpalette.moc"
