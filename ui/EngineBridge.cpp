#include "ui/EngineBridge.h"

#include "engine/Engine.h"

#include <algorithm>

namespace vigil::ui {

namespace {
constexpr TimestampMs kRateWindowMs = 2000;
constexpr TimestampMs kMinRateSpanMs = 250;  // shorter spans give jumpy figures
}  // namespace

EngineBridge::EngineBridge(Engine& engine, QObject* parent) : QObject(parent), engine_(engine) {
    qRegisterMetaType<std::shared_ptr<const vigil::Snapshot>>("std::shared_ptr<const vigil::Snapshot>");
    timer_.setInterval(100);
    timer_.setTimerType(Qt::CoarseTimer);
    connect(&timer_, &QTimer::timeout, this, &EngineBridge::poll);
}

void EngineBridge::setInterval(int ms) { timer_.setInterval(std::max(ms, kMinIntervalMs)); }

void EngineBridge::start() {
    engine_.requestSnapshot();
    timer_.start();
}

void EngineBridge::stop() { timer_.stop(); }

void EngineBridge::poll() {
    auto snap = engine_.latestSnapshot();
    engine_.requestSnapshot();  // ready by the next tick
    if (!snap || snap->sequence == lastSequence_) return;
    lastSequence_ = snap->sequence;
    latest_ = snap;
    updateRate(snap->counters.inputs());
    emit snapshotReady(std::move(snap));
}

void EngineBridge::updateRate(std::int64_t inputs) {
    const TimestampMs now = wall_->now();
    rateSamples_.push_back({now, inputs});
    // Keep the newest sample that is at least a window old as the baseline.
    while (rateSamples_.size() > 2 && now - rateSamples_[1].wallMs >= kRateWindowMs) rateSamples_.pop_front();
    const RateSample& base = rateSamples_.front();
    const TimestampMs span = now - base.wallMs;
    if (span >= kMinRateSpanMs) rate_ = static_cast<double>(inputs - base.inputs) * 1000.0 / static_cast<double>(span);
}

}  // namespace vigil::ui
