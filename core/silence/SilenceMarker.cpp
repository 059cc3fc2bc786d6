#include "silence/SilenceMarker.h"

namespace vigil::silence {

SilenceMarker::SilenceMarker(const SilenceWiring& wiring, Marks marks)
    : view_(wiring.board), kindOf_(wiring.kindOf), marks_(marks) {}

void SilenceMarker::markOutput(Record& fresh) {
    const SilenceSet& set = view_.set();
    if (set.all().empty()) return;
    if (auto* a = std::get_if<Anomaly>(&fresh); a && !a->silenced && marks_ == Marks::Anomalies) {
        if (set.find(subjectOf(*a, kindOf_), a->ts)) {
            a->silenced = true;
            ++marked_;
        }
    } else if (auto* inc = std::get_if<Incident>(&fresh); inc && marks_ == Marks::Incidents) {
        if (set.find(subjectOf(*inc), inc->ts)) {
            inc->silenced = true;
            ++marked_;
        }
    }
}

std::unique_ptr<Stage> markSilences(const SilenceWiring& wiring, SilenceMarker::Marks marks) {
    if (!wiring.board) return nullptr;
    return std::make_unique<SilenceMarker>(wiring, marks);
}

}  // namespace vigil::silence
