#include "engine/SeriesReaders.h"

#include <algorithm>

namespace vigil {

void SeriesReaders::setAll(const std::vector<std::uint16_t>& all) {
    all_ = all;
    table_ = 0;
    listOf_.clear();
    lists_.clear();
}

const std::vector<std::uint16_t>& SeriesReaders::learn(const MetricSample& m, const Ask& ask) {
    if (m.hint.table != table_) {  // another numbering: its numbers mean other pairs
        table_ = m.hint.table;
        listOf_.clear();
    }
    std::vector<std::uint16_t> list;
    for (const std::uint16_t s : all_)
        if (ask(s, m.series)) list.push_back(s);
    auto it = std::find(lists_.begin(), lists_.end(), list);
    if (it == lists_.end()) it = lists_.insert(lists_.end(), std::move(list));
    if (m.hint.id >= listOf_.size()) listOf_.resize(std::size_t{m.hint.id} + 1, 0);
    listOf_[m.hint.id] = static_cast<std::uint32_t>(it - lists_.begin()) + 1;
    return *it;
}

}  // namespace vigil
