// A stage's shortcut from a sample's hint (record/Record.h, SeriesHint) to its own
// state for that (series, target): a vector indexed by the hint's number, for the
// hint table it last saw. The stage stores its entries in a node-based map (their
// addresses stay put until erased); it remembers an entry's hint after looking the
// entry up by name, and forgets it when it erases the entry.
//
// Invariant: a slot points at an entry that holds the slot's hint. So the stage
// sets an entry's hint and remembers it together (never for an empty hint), and
// forgets the entry's hint when it erases it.
//
// Copies start empty (the pointers belong to the original's map, Stage::clone()),
// and fill again as samples come. A hint from another table empties it first, so
// entries of one numbering are never found by another's numbers.
#pragma once

#include "record/Record.h"

#include <vector>

namespace vigil {

template <class Entry>
class SeriesHintCache {
public:
    SeriesHintCache() = default;
    SeriesHintCache(const SeriesHintCache&) {}
    SeriesHintCache& operator=(const SeriesHintCache&) {
        clear();
        return *this;
    }
    // A moved map keeps its nodes, so the pointers stay right with it.
    SeriesHintCache(SeriesHintCache&& o) noexcept : table_(o.table_), slots_(std::move(o.slots_)) { o.clear(); }
    SeriesHintCache& operator=(SeriesHintCache&& o) noexcept {
        table_ = o.table_;
        slots_ = std::move(o.slots_);
        o.clear();
        return *this;
    }

    // The entry remembered for this hint, or nullptr (no hint, another table, not yet
    // seen). No hint needs no test of its own: while table_ is 0, slots_ is empty.
    Entry* find(const SeriesHint& h) const {
        return h.table == table_ && h.id < slots_.size() ? slots_[h.id] : nullptr;
    }
    void remember(const SeriesHint& h, Entry* e) {
        if (h.table == 0) return;
        if (h.table != table_) {
            slots_.clear();
            table_ = h.table;
        }
        if (h.id >= slots_.size()) slots_.resize(std::size_t{h.id} + 1, nullptr);
        slots_[h.id] = e;
    }
    void forget(const SeriesHint& h) {
        if (h.table == table_ && h.id < slots_.size()) slots_[h.id] = nullptr;
    }
    void clear() {
        table_ = 0;
        slots_.clear();
    }

private:
    std::uint32_t table_ = 0;
    std::vector<Entry*> slots_;
};

}  // namespace vigil
