#include "engine/SeriesReaders.h"

#include <algorithm>

namespace vigil {

void SeriesReaders::setAll(const std::vector<std::uint16_t>& all) {
    all_ = all;
    byHint_.clear();
    lists_.clear();
}

const std::vector<std::uint16_t>& SeriesReaders::learn(const MetricSample& m, const Ask& ask) {
    std::vector<std::uint16_t> list;
    for (const std::uint16_t s : all_)
        if (ask(s, m.series)) list.push_back(s);
    auto it = std::find(lists_.begin(), lists_.end(), list);
    if (it == lists_.end()) it = lists_.insert(lists_.end(), std::move(list));
    byHint_.remember(m.hint, &*it);  // another numbering's hint empties the cache first
    return *it;
}

}  // namespace vigil
