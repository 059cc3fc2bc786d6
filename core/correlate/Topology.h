// A small map of how the fleet hangs together, learned from the records that pass
// by: an agent uses an endpoint, belongs to a workflow (and its worker pool) and
// sends transactions on a chain; an endpoint serves a chain. The correlator asks
// it whether two targets are related and which of them is upstream.
#pragma once

#include "record/Record.h"
#include "record/Target.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

namespace vigil {

class Topology {
public:
    explicit Topology(std::size_t maxNodes = 4096, std::size_t maxLinksPerNode = 64)
        : maxNodes_(maxNodes), maxLinks_(maxLinksPerNode) {}

    void learn(const Record& r);              // task and tx events; everything else ignored
    void link(const std::string& a, const std::string& b);  // undirected

    // Same target, directly linked, or sharing a neighbour (two hops): an endpoint
    // and the workflow of the agents using it, two agents on one endpoint.
    bool related(const std::string& a, const std::string& b) const;
    bool linked(const std::string& a, const std::string& b) const;
    // Layer in the causal order: chain 0, rpc/host 1, pool 2, agent 3, workflow 4,
    // anything else 5. Lower is further upstream.
    static int layer(std::string_view target);
    // a sits upstream of b and the two are related.
    bool upstreamOf(const std::string& a, const std::string& b) const {
        return layer(a) < layer(b) && related(a, b);
    }
    const std::set<std::string>* neighbours(const std::string& t) const;
    template <class F>
    void forEachNode(F&& f) const {
        for (const auto& [n, _] : links_) f(n);
    }
    std::uint64_t dropped() const { return dropped_; }  // links refused by the caps

private:
    // Whether the event with these fields ("t" task or "x" tx, sizes, fields) already
    // put all its links in; remembered only then (links are never taken out), so a
    // refused link is counted again on every such event, as before.
    bool learnedBefore(char kind, std::string_view a, std::string_view b, std::string_view c);
    void rememberLearned();

    std::size_t maxNodes_, maxLinks_;
    std::map<std::string, std::set<std::string>> links_;
    std::uint64_t dropped_ = 0;
    // The same few agents, endpoints and workflows come by in every task and tx event:
    // a repeated event skips building its targets and walking the maps for links it
    // already made (the events were ~5 k instructions each). Forgotten when full.
    static constexpr std::size_t kLearnedCap = 4096;
    std::unordered_set<std::string> learned_;
    std::string learnKey_;  // scratch
};

}  // namespace vigil
