#include "eval/RunComparison.h"

#include <simdjson.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace vigil {
namespace {

bool overlaps(const RunIncident& x, const RunIncident& y) {
    return x.incident.opened <= y.end && y.incident.opened <= x.end;
}

bool sameFault(const RunIncident& x, const RunIncident& y) {
    return x.kind == y.kind && x.where == y.where && overlaps(x, y);
}

using ActionKey = std::tuple<std::string, std::string, std::string>;  // B's incident id, kind, target

std::string statusWord(ActionStatus s) { return std::string(toString(s)); }

// An action's params (a flat JSON object) as key -> value text; empty when not an object.
std::map<std::string, std::string> paramMap(const std::string& json) {
    std::map<std::string, std::string> out;
    simdjson::dom::parser parser;
    simdjson::dom::object obj;
    if (parser.parse(json).get(obj) != simdjson::SUCCESS) return out;
    for (auto [key, value] : obj) {
        std::string_view sv;
        out[std::string(key)] = value.get(sv) == simdjson::SUCCESS ? std::string(sv) : simdjson::minify(value);
    }
    return out;
}

// "verdict execute -> paused; B says: kill switch is on ...": the keys that
// changed, the planner's reason last (its words, not a value to compare).
std::string paramDifference(const std::string& a, const std::string& b) {
    const auto x = paramMap(a), y = paramMap(b);
    if (x.empty() && y.empty()) return "params " + a + " -> " + b;
    std::set<std::string> keys;
    for (const auto& kv : x) keys.insert(kv.first);
    for (const auto& kv : y) keys.insert(kv.first);
    std::string out;
    for (const auto& k : keys) {
        if (k == "why") continue;
        const auto i = x.find(k), j = y.find(k);
        const std::string va = i == x.end() ? "(none)" : i->second, vb = j == y.end() ? "(none)" : j->second;
        if (va != vb) out += (out.empty() ? "" : "; ") + k + " " + va + " -> " + vb;
    }
    if (const auto j = y.find("why"); j != y.end() && (!x.count("why") || x.at("why") != j->second))
        out += (out.empty() ? "" : "; ") + std::string("B: ") + j->second;
    return out;
}

}  // namespace

bool RunDiff::detectDeltasZero() const {
    for (const auto& m : both)
        if (m.detectDeltaMs != 0) return false;
    return true;
}

std::string describeAction(const Action& a) { return a.kind + " on " + a.target; }

RunDiff compareRuns(const RunRecords& a, const RunRecords& b) {
    RunDiff d;
    d.labelA = a.label;
    d.labelB = b.label;

    // Incidents, earliest first on both sides so a recurring fault pairs in order.
    auto byOpened = [](const RunRecords& r) {
        std::vector<const RunIncident*> v;
        for (const auto& i : r.incidents) v.push_back(&i);
        std::stable_sort(v.begin(), v.end(), [](const RunIncident* x, const RunIncident* y) {
            return std::tie(x->incident.opened, x->incident.id) < std::tie(y->incident.opened, y->incident.id);
        });
        return v;
    };
    const auto as = byOpened(a), bs = byOpened(b);
    std::vector<bool> taken(bs.size(), false);
    std::map<std::string, std::string> aToB;  // incident id in A -> its match in B
    for (const RunIncident* x : as) {
        std::size_t k = 0;
        while (k < bs.size() && (taken[k] || !sameFault(*x, *bs[k]))) ++k;
        if (k == bs.size()) {
            d.onlyA.push_back(*x);
            continue;
        }
        taken[k] = true;
        aToB[x->incident.id] = bs[k]->incident.id;
        d.both.push_back({*x, *bs[k], bs[k]->incident.opened - x->incident.opened});
    }
    for (std::size_t k = 0; k < bs.size(); ++k)
        if (!taken[k]) d.onlyB.push_back(*bs[k]);

    // Actions: B's in order per (incident, kind, target); A's take the first with its key.
    d.actionsA = std::int64_t(a.actions.size());
    d.actionsB = std::int64_t(b.actions.size());
    std::map<ActionKey, std::deque<std::size_t>> open;
    for (std::size_t k = 0; k < b.actions.size(); ++k)
        open[{b.actions[k].incident_id, b.actions[k].kind, b.actions[k].target}].push_back(k);
    std::vector<bool> used(b.actions.size(), false);
    for (const Action& x : a.actions) {
        const auto m = aToB.find(x.incident_id);
        auto slot = m == aToB.end() ? open.end() : open.find({m->second, x.kind, x.target});
        if (slot == open.end() || slot->second.empty()) {
            d.actions.push_back({x, std::nullopt, "only in A"});
            continue;
        }
        const Action& y = b.actions[slot->second.front()];
        used[slot->second.front()] = true;
        slot->second.pop_front();
        std::string what;
        if (x.status != y.status) what = "status " + statusWord(x.status) + " -> " + statusWord(y.status);
        if (x.params != y.params) what += (what.empty() ? "" : "; ") + paramDifference(x.params, y.params);
        if (what.empty()) ++d.actionsSame;
        else d.actions.push_back({x, y, what});
    }
    for (std::size_t k = 0; k < b.actions.size(); ++k)
        if (!used[k]) d.actions.push_back({std::nullopt, b.actions[k], "only in B"});
    return d;
}

}  // namespace vigil
