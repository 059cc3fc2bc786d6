#include "engine/SeriesWindow.h"

#include <algorithm>
#include <tuple>

namespace vigil {

void SeriesWindow::add(const MetricSample& m) {
    auto it = rings_.find(KeyView{m.series, m.target});
    if (it == rings_.end()) {  // a new series: only now copy the names
        if (rings_.size() >= maxSeries_) {
            rings_.erase(rings_.find(recency_.leastRecent(rings_)));
            recency_.forgetLeastRecent();
            ++evicted_;
        }
        it = rings_.emplace(Key{m.series, m.target}, Ring{}).first;
        recency_.added(it->first, it->second.recency);
    } else {
        recency_.touched(it->second.recency);
    }
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
    std::sort(out.begin(), out.end(), [](const SeriesTail& a, const SeriesTail& b) {
        return std::tie(a.series, a.target) < std::tie(b.series, b.target);
    });
    return out;
}

}  // namespace vigil
