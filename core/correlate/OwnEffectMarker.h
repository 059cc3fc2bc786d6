// Marks the anomalies that are Vigil's own actions taking effect, as they are made: a
// marking stage (Stage::marksOutputs()) that the pipeline (engine/Pipeline.cpp) puts
// between the detectors and the correlator. It follows the executed actions and their
// outcomes (OwnActionEffects, with the correlator's rule and settings) and sets
// `Anomaly::own_effect_of` to the action's id on every fresh anomaly such an action
// explains. The correlator takes none of them as evidence (it applies the same rule to
// the same records), and now stores, snapshots, the anomaly list and the timeline can
// say why: a scale-up's jump in worker.count is shown as "Vigil's own action", not as a
// new symptom. The detectors stay unaware, and it costs nothing per metric sample: the
// engine hands it only anomalies, actions and outcomes. Copies (Stage::clone()) carry
// the tracked actions, so a replay that seeks marks the same anomalies.
#pragma once

#include "correlate/OwnActionEffects.h"
#include "record/Stage.h"

#include <memory>

namespace vigil {

class OwnEffectMarker final : public Stage {
public:
    explicit OwnEffectMarker(OwnActionEffects effects) : effects_(std::move(effects)) {}

    // Inputs: actions and outcomes are followed; an anomaly that comes in as input
    // (read from a log) was made elsewhere and is left as it is.
    bool process(const Record& in, std::vector<Record>& out) override;
    bool marksOutputs() const override { return true; }
    void markOutput(Record& fresh) override;
    const char* name() const override { return "own-effects"; }
    std::uint32_t reads() const override {
        return kindBit(RecordKind::Anomaly) | kindBit(RecordKind::Action) | kindBit(RecordKind::Outcome);
    }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<OwnEffectMarker>(*this); }

    std::int64_t marked() const { return marked_; }
    std::size_t tracked() const { return effects_.tracked(); }

private:
    void observe(const Record& r);

    OwnActionEffects effects_;
    std::int64_t marked_ = 0;
};

// The marker for the correlator's settings, or null when they name no action effects.
std::unique_ptr<Stage> makeOwnEffectMarker(const std::vector<ActionEffect>& effects, TimestampMs settleMs,
                                           std::size_t maxTracked);

}  // namespace vigil
