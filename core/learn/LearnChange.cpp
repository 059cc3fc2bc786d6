#include "learn/LearnChange.h"

#include <algorithm>

namespace vigil::learn {

std::string_view toString(ChangeKind k) { return k == ChangeKind::SeriesCut ? "series_cut" : "playbook_order"; }

bool fromString(std::string_view s, ChangeKind& out) {
    if (s == "series_cut") out = ChangeKind::SeriesCut;
    else if (s == "playbook_order") out = ChangeKind::PlaybookOrder;
    else return false;
    return true;
}

std::string LearnChange::subject() const {
    return kind == ChangeKind::SeriesCut ? series + " " + target : "rule " + rule;
}

LearnedModel modelOf(const std::vector<LearnChange>& changes) {
    std::vector<const LearnChange*> inForce;
    for (const auto& c : changes)
        if (!c.reverted()) inForce.push_back(&c);
    std::stable_sort(inForce.begin(), inForce.end(), [](auto* a, auto* b) { return a->id < b->id; });
    LearnedModel m;
    for (const LearnChange* c : inForce) {
        if (c->kind == ChangeKind::SeriesCut) {
            if (c->cutAfter > 0) m.cuts[{c->series, c->target}] = c->cutAfter;
            else m.cuts.erase({c->series, c->target});
        } else if (c->orderAfter.empty()) {
            m.orders.erase(c->rule);
        } else {
            m.orders[c->rule] = c->orderAfter;
        }
    }
    return m;
}

SeriesCuts cutsOf(const LearnedModel& model) {
    SeriesCuts s;
    s.cuts = model.cuts;
    return s;
}

std::string joinList(const std::vector<std::string>& v) {
    std::string o;
    for (const auto& s : v) o += (o.empty() ? "" : ", ") + s;
    return o;
}

std::vector<std::string> splitList(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (const char c : s) {
        if (c == ',' || c == ' ') flush();
        else cur += c;
    }
    flush();
    return out;
}

}  // namespace vigil::learn
