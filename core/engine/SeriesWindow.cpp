#include "engine/SeriesWindow.h"

#include <algorithm>
#include <tuple>

namespace vigil {

SeriesWindow::SeriesWindow(const SeriesWindow& o)
    : cap_(o.cap_), maxSeries_(o.maxSeries_), rings_(o.rings_), evicted_(o.evicted_) {
    for (const Key* k : o.order_) {
        auto it = rings_.find(*k);
        order_.push_back(&it->first);
        it->second.pos = std::prev(order_.end());
    }
}

void SeriesWindow::add(const MetricSample& m) {
    auto it = rings_.find(KeyView{m.series, m.target});
    if (it == rings_.end()) {  // a new series: only now copy the names
        if (rings_.size() >= maxSeries_) {
            const Key* victim = order_.back();
            order_.pop_back();
            rings_.erase(rings_.find(*victim));
            ++evicted_;
        }
        it = rings_.emplace(Key{m.series, m.target}, Ring{}).first;
        order_.push_front(&it->first);
        it->second.pos = order_.begin();
    } else if (it->second.pos != order_.begin()) {
        order_.splice(order_.begin(), order_, it->second.pos);
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
