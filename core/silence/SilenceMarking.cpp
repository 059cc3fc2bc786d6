#include "silence/SilenceMarking.h"

namespace vigil::silence {

SilenceMarking::SilenceMarking(std::unique_ptr<Stage> inner, const SilenceWiring& wiring, Role role)
    : inner_(std::move(inner)), view_(wiring.board), kindOf_(wiring.kindOf), role_(role) {}

bool SilenceMarking::process(const Record& in, std::vector<Record>& out) {
    if (role_ == Role::Correlator) {
        if (const auto* a = std::get_if<Anomaly>(&in); a && a->silenced) {
            ++counts_.withheld;
            return true;  // recorded by the sinks, never evidence for an incident
        }
    }
    const std::size_t from = out.size();
    const bool ok = inner_->process(in, out);
    mark(out, from);
    return ok;
}

void SilenceMarking::tick(TimestampMs now, std::vector<Record>& out) {
    const std::size_t from = out.size();
    inner_->tick(now, out);
    mark(out, from);
}

void SilenceMarking::mark(std::vector<Record>& out, std::size_t from) {
    if (from == out.size()) return;
    const SilenceSet& set = view_.set();
    if (set.all().empty()) return;
    for (std::size_t i = from; i < out.size(); ++i) {
        if (auto* a = std::get_if<Anomaly>(&out[i]); a && !a->silenced && role_ == Role::Detector) {
            if (set.find(subjectOf(*a, kindOf_), a->ts)) {
                a->silenced = true;
                ++counts_.anomaliesMarked;
            }
        } else if (auto* inc = std::get_if<Incident>(&out[i]); inc && role_ == Role::Correlator) {
            if (set.find(subjectOf(*inc), inc->ts)) {
                inc->silenced = true;
                ++counts_.incidentsMarked;
            }
        }
    }
}

std::unique_ptr<Stage> applySilences(std::unique_ptr<Stage> stage, const SilenceWiring& wiring, SilenceMarking::Role role) {
    if (!wiring.board || !stage) return stage;
    return std::make_unique<SilenceMarking>(std::move(stage), wiring, role);
}

}  // namespace vigil::silence
