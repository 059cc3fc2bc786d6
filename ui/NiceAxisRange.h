// The value range and tick count QValueAxis::applyNiceNumbers() would give
// (Qt Charts' "loose nice numbers"), worked out without touching an axis. The
// live charts fit their value axis every frame: setting the raw range and then
// the nice one moved the axis twice, each time recomputing its labels and, as
// the labels' width changed, laying out the whole chart again, even when the
// nice range ended where it already was. Computed here, the axis is set once,
// and only when the result differs (ui/tst_niceaxisrange checks it against Qt).
#pragma once

namespace vigil::ui {

struct NiceAxisRange {
    double min = 0, max = 0;
    int ticks = 0;
    bool operator==(const NiceAxisRange&) const = default;
};

// lo < hi; ticks is the axis's tick count before the call (Qt starts from it).
NiceAxisRange looseNiceRange(double lo, double hi, int ticks);

}  // namespace vigil::ui
