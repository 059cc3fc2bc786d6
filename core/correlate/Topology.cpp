#include "correlate/Topology.h"

namespace vigil {

int Topology::layer(std::string_view target) {
    const auto k = targetKind(target);
    if (k == "chain") return 0;
    if (k == "rpc" || k == "host") return 1;
    if (k == "pool") return 2;
    if (k == "agent") return 3;
    if (k == "workflow") return 4;
    return 5;
}

void Topology::link(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty() || a == b) return;
    auto add = [&](const std::string& from, const std::string& to) {
        auto it = links_.find(from);
        if (it == links_.end()) {
            if (links_.size() >= maxNodes_) return false;
            it = links_.emplace(from, std::set<std::string>{}).first;
        }
        if (it->second.count(to)) return true;
        if (it->second.size() >= maxLinks_) return false;
        it->second.insert(to);
        return true;
    };
    if (!add(a, b) || !add(b, a)) ++dropped_;
}

bool Topology::learnedBefore(char kind, std::string_view a, std::string_view b, std::string_view c) {
    // Sizes first: the fields may hold any byte, so no separator would be unambiguous.
    learnKey_.assign(1, kind);
    for (const std::string_view f : {a, b, c}) {
        const auto n = static_cast<std::uint32_t>(f.size());
        learnKey_.append(reinterpret_cast<const char*>(&n), sizeof n);
    }
    learnKey_.append(a).append(b).append(c);
    return learned_.count(learnKey_) != 0;
}

void Topology::rememberLearned() {
    if (learned_.size() >= kLearnedCap) learned_.clear();
    learned_.insert(learnKey_);
}

void Topology::learn(const Record& r) {
    const std::uint64_t droppedBefore = dropped_;
    if (const auto* t = std::get_if<TaskEvent>(&r)) {
        if (t->agent.empty()) return;
        if (learnedBefore('t', t->agent, t->endpoint, t->workflow)) return;
        const std::string agent = typedTarget("agent", t->agent);
        if (!t->endpoint.empty()) link(agent, typedTarget("rpc", t->endpoint));
        if (!t->workflow.empty()) {
            const std::string wf = typedTarget("workflow", targetName(t->workflow));
            const std::string pool = typedTarget("pool", targetName(t->workflow));
            link(agent, wf);
            link(agent, pool);
            link(wf, pool);
        }
    } else if (const auto* x = std::get_if<TxEvent>(&r)) {
        if (x->chain.empty()) return;
        if (learnedBefore('x', x->chain, x->agent, x->endpoint)) return;
        const std::string chain = typedTarget("chain", x->chain);
        if (!x->agent.empty()) link(typedTarget("agent", x->agent), chain);
        if (!x->endpoint.empty()) {
            link(typedTarget("rpc", x->endpoint), chain);
            if (!x->agent.empty()) link(typedTarget("agent", x->agent), typedTarget("rpc", x->endpoint));
        }
    } else {
        return;
    }
    if (dropped_ == droppedBefore) rememberLearned();
}

const std::set<std::string>* Topology::neighbours(const std::string& t) const {
    auto it = links_.find(t);
    return it == links_.end() ? nullptr : &it->second;
}

bool Topology::linked(const std::string& a, const std::string& b) const {
    const auto* n = neighbours(a);
    return n && n->count(b);
}

bool Topology::related(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    const auto* na = neighbours(a);
    const auto* nb = neighbours(b);
    if (!na || !nb) return false;
    if (na->count(b)) return true;
    // Two hops: walk the smaller set, look up in the larger.
    const auto* small = na->size() <= nb->size() ? na : nb;
    const auto* large = small == na ? nb : na;
    for (const auto& x : *small)
        if (large->count(x)) return true;
    return false;
}

}  // namespace vigil
