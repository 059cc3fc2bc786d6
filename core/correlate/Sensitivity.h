// Detector sensitivity as operators set it (console File → Settings): how strong
// an anomaly must be to open an incident. Low raises the correlator's decisive and
// strong scores by 0.1 (fewer, surer incidents), high lowers them by 0.1; normal
// keeps the configured ones. Anomalies are recorded and shown at every level; only
// what counts as evidence moves. SensitivityDial is the thread-safe hand-over: any
// thread (the settings dialog) request()s a level without waiting; the engine
// thread latch()es it between batches (an engine sink, sensitivityLatch() in
// ui/StoredSettingsUse.h), so every anomaly of one batch is judged at one level;
// the correlator reads it at each anomaly. A console replay gets a fixed one for
// its whole run (the stored setting; a new one restarts the replay:
// ui/ReplaySettingsApplier), as does `vigilctl replay --setting
// detect.sensitivity=...` (engine/FixedSensitivity.h); without it vigilctl has no
// dial: normal, byte for byte as before.
#pragma once

#include <atomic>
#include <optional>
#include <string_view>

namespace vigil {

enum class Sensitivity : int { Low, Normal, High };

// "low", "normal", "high" (the settings' values); nullopt for anything else.
inline std::optional<Sensitivity> sensitivityFromName(std::string_view name) {
    if (name == "low") return Sensitivity::Low;
    if (name == "normal") return Sensitivity::Normal;
    if (name == "high") return Sensitivity::High;
    return std::nullopt;
}

// Added to the correlator's score thresholds.
inline double scoreShift(Sensitivity s) { return s == Sensitivity::Low ? 0.1 : s == Sensitivity::High ? -0.1 : 0.0; }

class SensitivityDial {
public:
    explicit SensitivityDial(Sensitivity s = Sensitivity::Normal) : level_(int(s)), requested_(int(s)) {}
    // At once (before the engine starts, tests).
    void set(Sensitivity s) {
        requested_.store(int(s), std::memory_order_relaxed);
        level_.store(int(s), std::memory_order_relaxed);
    }
    // Any thread: taken at the engine's next latch().
    void request(Sensitivity s) { requested_.store(int(s), std::memory_order_relaxed); }
    Sensitivity requested() const { return Sensitivity(requested_.load(std::memory_order_relaxed)); }
    // The engine thread, between batches.
    void latch() { level_.store(requested_.load(std::memory_order_relaxed), std::memory_order_relaxed); }
    Sensitivity get() const { return Sensitivity(level_.load(std::memory_order_relaxed)); }

private:
    std::atomic<int> level_;      // what the correlator reads
    std::atomic<int> requested_;  // what the operator asked for
};

}  // namespace vigil
