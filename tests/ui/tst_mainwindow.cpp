// Console smoke test on the offscreen platform: the window opens, an engine fed a
// burst of demo-fleet records reaches the charts (decimated), the fleet strip and
// the status bar through the bridge's timer; layout survives a restart.
#include "engine/Engine.h"
#include "record/Clock.h"
#include "sim/FleetSimulator.h"
#include "ui/ChartPanel.h"
#include "ui/LiveChart.h"
#include "ui/EngineBridge.h"
#include "ui/FleetStatusModel.h"
#include "ui/MainWindow.h"
#include "ui/SeriesDecimator.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
constexpr TimestampMs T0 = FleetSimulator::kDefaultStart;
}

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(settingsDir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void showsLiveDemoData() {
        VirtualClock clock(T0);
        Engine engine(clock);
        engine.start();
        // Half an hour of the demo fleet, in one-minute batches.
        FleetSimulator sim("calm", 7, T0);
        std::int64_t submitted = 0;
        for (TimestampMs t = T0 + 60'000; t <= T0 + 30 * 60'000; t += 60'000) {
            std::vector<Record> batch;
            sim.advance(t, batch);
            submitted += std::int64_t(batch.size());
            QVERIFY(engine.submit(std::move(batch)));
        }
        engine.drain();

        ui::EngineBridge bridge(engine);
        bridge.setInterval(1);  // clamped to the 30 Hz ceiling
        QCOMPARE(bridge.interval(), ui::EngineBridge::kMinIntervalMs);
        ui::MainWindow w(&bridge);
        w.chartPanel()->setTimeWindow(60 * 60'000);  // all of it: thousands of points per line
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        bridge.start();

        QTRY_VERIFY_WITH_TIMEOUT(w.chartPanel()->plottedPoints("rpc.latency_ms") > 0, 5000);
        QVERIFY(w.chartPanel()->chartCount() >= 4);
        QVERIFY(bridge.latest());
        QCOMPARE(bridge.latest()->counters.inputs(), submitted);

        // Every line is decimated to the plot width: ~1800 samples per endpoint went
        // in, at most two per pixel (plus the two edge points) came out.
        auto* chart = w.findChild<ui::LiveChart*>(QStringLiteral("chart:rpc.latency_ms"));
        QVERIFY(chart);
        auto* view = chart->findChild<QChartView*>();
        QVERIFY(view);
        const int plotWidth = int(view->chart()->plotArea().width());
        QVERIFY(plotWidth > 50);
        QCOMPARE(chart->targets().size(), std::size_t(4));  // two endpoints on each of two chains
        QCOMPARE(view->chart()->series().size(), 4);        // their legend entries
        // (A chart plotted before the window's layout settled is redrawn at its
        // final width with the next snapshot: wait for that.)
        auto decimated = [&] {
            for (const auto& target : chart->targets()) {
                const auto n = chart->lineValues(target).size();
                if (n <= 100 || n > ui::SeriesDecimator::maxOutput(plotWidth) + 2) return false;
            }
            return true;
        };
        QTRY_VERIFY(decimated());

        // The fleet strip's model and the status bar follow the same snapshots.
        QTRY_COMPARE(w.fleetModel()->rowCount(), 12);
        auto* queue = w.findChild<QLabel*>(QStringLiteral("queueDepth"));
        QVERIFY(queue);
        QVERIFY2(queue->text().contains(QStringLiteral("/64")), qPrintable(queue->text()));
        auto* time = w.findChild<QLabel*>(QStringLiteral("engineTime"));
        QVERIFY(time->text().contains(QDateTime::fromMSecsSinceEpoch(bridge.latest()->engineTime).toString(QStringLiteral("HH:mm:ss"))));

        // More records later: the charts' time axis moves on to the new engine time.
        auto* timeAxis = qobject_cast<QDateTimeAxis*>(view->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(timeAxis);
        // It ends at the engine time rounded up to the time one pixel covers.
        const qint64 perPixel = 30 * 60'000 / plotWidth + 1;
        // (The panel draws one chart per event-loop turn: wait for this one's turn.)
        auto end = [&] { return timeAxis->max().toMSecsSinceEpoch(); };
        QTRY_VERIFY(end() >= bridge.latest()->engineTime && end() <= bridge.latest()->engineTime + perPixel);
        std::vector<Record> more;
        sim.advance(T0 + 31 * 60'000, more);
        QVERIFY(engine.submit(std::move(more)));
        QTRY_VERIFY(timeAxis->max().toMSecsSinceEpoch() >= T0 + 31 * 60'000);
        QVERIFY(timeAxis->max().toMSecsSinceEpoch() <= T0 + 31 * 60'000 + perPixel);
        bridge.stop();
        engine.stop();
    }

    void recordsPerSecondFromCounters() {
        VirtualClock clock(T0);
        Engine engine(clock);
        engine.start();
        VirtualClock wall(0);  // injected: the rate must not depend on how loaded the machine is
        ui::EngineBridge bridge(engine);
        bridge.setWallClock(wall);
        engine.snapshotNow();
        bridge.poll();  // driven by hand, not by the timer
        QVERIFY(bridge.latest());
        QCOMPARE(bridge.recordsPerSecond(), 0.0);
        // 100 records every 100 ms of wall time: 1000 records/s once the span is long enough.
        for (int i = 0; i < 10; ++i) {
            std::vector<Record> batch;
            for (int k = 0; k < 100; ++k) batch.push_back(MetricSample{T0 + i * 100 + k, "x", "y", double(k)});
            QVERIFY(engine.submit(std::move(batch)));
            engine.snapshotNow();
            wall.advanceBy(100);
            bridge.poll();
            if (i == 0) QCOMPARE(bridge.recordsPerSecond(), 0.0);  // 100 ms is too short to tell
        }
        QCOMPARE(bridge.latest()->counters.inputs(), 1000);
        QCOMPARE(bridge.recordsPerSecond(), 1000.0);
        // Three quiet seconds: the rate is over the last ~2 s, so it falls to zero.
        wall.advanceBy(3000);
        engine.snapshotNow();
        bridge.poll();
        QCOMPARE(bridge.recordsPerSecond(), 0.0);
        engine.stop();
    }

    void layoutPersists() {
        VirtualClock clock(T0);
        Engine engine(clock);
        engine.start();
        ui::EngineBridge bridge(engine);
        QRect savedGeometry;
        {
            ui::MainWindow w(&bridge);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setGeometry(40, 50, 1111, 777);
            QTRY_COMPARE(w.size(), QSize(1111, 777));
            auto* anomalies = w.findChild<QDockWidget*>(QStringLiteral("anomalyDock"));
            QVERIFY(anomalies && anomalies->isVisible());
            anomalies->close();
            w.chartPanel()->setTimeWindow(5 * 60'000);
            savedGeometry = w.geometry();
            QVERIFY(w.close());  // closeEvent saves
        }
        QSettings s;
        QVERIFY(s.contains(QStringLiteral("window/geometry")));
        QVERIFY(s.fileName().startsWith(settingsDir_.path()));  // never the user's real settings

        ui::MainWindow again(&bridge);
        QCOMPARE(again.chartPanel()->timeWindow(), TimestampMs(5 * 60'000));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), savedGeometry.size());
        auto* anomalies = again.findChild<QDockWidget*>(QStringLiteral("anomalyDock"));
        QVERIFY(anomalies);
        QVERIFY(anomalies->isHidden());
        QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("agentsDock"))->isVisible());
        engine.stop();
    }

private:
    QTemporaryDir settingsDir_;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
