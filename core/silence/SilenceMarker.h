// Silences applied in the pipeline without the detectors knowing about them: the
// pipeline (engine/Pipeline.cpp) adds two marking stages (Stage::marksOutputs()).
// - After the detectors: every fresh Anomaly that an active silence matches (on its
//   own timestamp) is marked `silenced`, so stores, snapshots and the UI still have
//   it, greyed; the correlator takes no silenced anomaly as evidence (it opens and
//   extends no incident).
// - After the correlator: every fresh Incident whose likely cause a silence matches is
//   marked `silenced` (the planner takes no action on it; no notification follows).
// Marking stages are handed only the records of the kinds they read, so silences cost
// nothing per metric sample. Deterministic: the decision depends only on the record
// and the silence set, so a replay with the same silences gives the same records.
#pragma once

#include "record/Stage.h"
#include "silence/SilenceBoard.h"

#include <memory>

namespace vigil::silence {

struct SilenceWiring {
    std::shared_ptr<const SilenceBoard> board;  // null: no silences (no marking stages)
    AnomalyKindFn kindOf;                       // for kind matchers; may be empty
};

class SilenceMarker final : public Stage {
public:
    enum class Marks { Anomalies, Incidents };
    SilenceMarker(const SilenceWiring& wiring, Marks marks);

    // An anomaly or incident that comes in as input was made elsewhere: left as it is.
    bool process(const Record&, std::vector<Record>&) override { return true; }
    bool marksOutputs() const override { return true; }
    void markOutput(Record& fresh) override;
    const char* name() const override { return marks_ == Marks::Anomalies ? "silences" : "silenced-incidents"; }
    std::uint32_t reads() const override {
        return kindBit(marks_ == Marks::Anomalies ? RecordKind::Anomaly : RecordKind::Incident);
    }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<SilenceMarker>(*this); }

    std::int64_t marked() const { return marked_; }

private:
    SilenceView view_;
    AnomalyKindFn kindOf_;
    Marks marks_;
    std::int64_t marked_ = 0;
};

// The marking stage for `marks` when the wiring has a board; else null.
std::unique_ptr<Stage> markSilences(const SilenceWiring& wiring, SilenceMarker::Marks marks);

}  // namespace vigil::silence
