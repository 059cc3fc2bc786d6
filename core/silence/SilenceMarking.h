// Silences applied in the pipeline without any stage knowing about them: the
// pipeline (engine/Pipeline.cpp) wraps stages in a SilenceMarking decorator.
// - Around the detectors: every Anomaly they emit that an active silence matches
//   (on its own timestamp) is marked `silenced`, so stores, snapshots and the UI
//   still have it, greyed.
// - Around the correlator, also: silenced anomalies are withheld from it (they
//   open and extend no incident), and every Incident it emits whose likely
//   cause a silence matches is marked `silenced` (the planner takes no action
//   on it; no notification follows).
// Deterministic: the decision depends only on the record and the silence set,
// so a replay with the same silences gives the same records.
#pragma once

#include "record/Stage.h"
#include "silence/SilenceBoard.h"

#include <memory>

namespace vigil::silence {

struct SilenceWiring {
    std::shared_ptr<const SilenceBoard> board;  // null: no silences (the stages are not wrapped)
    AnomalyKindFn kindOf;                       // for kind matchers; may be empty
};

struct SilenceCounts {
    std::int64_t anomaliesMarked = 0, incidentsMarked = 0, withheld = 0;
};

class SilenceMarking final : public Stage {
public:
    enum class Role { Detector, Correlator };
    SilenceMarking(std::unique_ptr<Stage> inner, const SilenceWiring& wiring, Role role);

    bool process(const Record& in, std::vector<Record>& out) override;
    void tick(TimestampMs now, std::vector<Record>& out) override;
    const char* name() const override { return inner_->name(); }
    std::uint32_t reads() const override { return inner_->reads(); }
    std::string lastRejectReason() const override { return inner_->lastRejectReason(); }
    std::uint64_t evictions() const override { return inner_->evictions(); }

    Stage& inner() { return *inner_; }
    const SilenceCounts& counts() const { return counts_; }

private:
    void mark(std::vector<Record>& out, std::size_t from);

    std::unique_ptr<Stage> inner_;
    SilenceView view_;
    AnomalyKindFn kindOf_;
    Role role_;
    SilenceCounts counts_;
};

// Wraps `stage` when the wiring has a board; else returns it as it is.
std::unique_ptr<Stage> applySilences(std::unique_ptr<Stage> stage, const SilenceWiring& wiring, SilenceMarking::Role role);

}  // namespace vigil::silence
