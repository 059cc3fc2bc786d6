// The one place the GUI meets the engine. A timer on the GUI thread (at most 30 Hz)
// asks the engine for a snapshot and hands the newest one to the panels, so the
// console repaints at a steady rate however fast records arrive, and never waits
// on the engine thread.
#pragma once

#include "engine/Snapshot.h"
#include "record/Clock.h"
#include "ui/SnapshotMetaType.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

namespace vigil {
class Engine;
}

namespace vigil::ui {

class EngineBridge : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 34;  // ≤ 30 snapshots per second

    explicit EngineBridge(Engine& engine, QObject* parent = nullptr);

    // Repaint period; clamped to kMinIntervalMs. Default 100 ms.
    void setInterval(int ms);
    int interval() const { return timer_.interval(); }
    void start();
    void stop();

    // Input records per second of wall time, over the last ~2 s (0 until known).
    double recordsPerSecond() const { return rate_; }
    // The wall clock the rate is measured on (default: the system clock); tests
    // inject a virtual one. Must outlive the bridge.
    void setWallClock(const Clock& clock) { wall_ = &clock; }
    std::shared_ptr<const Snapshot> latest() const { return latest_; }

public slots:
    // One timer step: pick up the newest snapshot, ask for the next one.
    void poll();

signals:
    void snapshotReady(std::shared_ptr<const vigil::Snapshot> snapshot);

private:
    void updateRate(std::int64_t inputs);

    Engine& engine_;
    QTimer timer_;
    SystemClock systemClock_;
    const Clock* wall_ = &systemClock_;
    std::shared_ptr<const Snapshot> latest_;
    std::uint64_t lastSequence_ = 0;
    struct RateSample {
        TimestampMs wallMs;
        std::int64_t inputs;
    };
    std::deque<RateSample> rateSamples_;
    double rate_ = 0.0;
};

}  // namespace vigil::ui
