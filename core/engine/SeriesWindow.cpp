#include "engine/SeriesWindow.h"

namespace vigil {

void SeriesWindow::add(const MetricSample& m) {
    const KeyView key{m.series, m.target};
    auto it = rings_.lower_bound(key);
    if (it == rings_.end() || rings_.key_comp()(key, it->first))  // a new series: only now copy the names
        it = rings_.emplace_hint(it, Key{m.series, m.target}, Ring{});
    Ring& r = it->second;
    if (r.pts.size() < cap_) {
        r.pts.push_back({m.ts, m.value});
    } else {
        r.pts[r.head] = {m.ts, m.value};
        r.head = (r.head + 1) % cap_;
    }
}

std::vector<SeriesTail> SeriesWindow::tails() const {
    std::vector<SeriesTail> out;
    out.reserve(rings_.size());
    for (const auto& [key, r] : rings_) {
        SeriesTail t{key.first, key.second, {}};
        t.points.reserve(r.pts.size());
        for (std::size_t i = 0; i < r.pts.size(); ++i) t.points.push_back(r.pts[(r.head + i) % r.pts.size()]);
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace vigil
