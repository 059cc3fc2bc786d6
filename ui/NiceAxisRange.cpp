#include "ui/NiceAxisRange.h"

#include <QtMath>

#include <cmath>

namespace vigil::ui {

namespace {
// Qt Charts' AbstractDomain::niceNumber, step for step (the same rounding).
double niceNumber(double x, bool ceiling) {
    const qreal z = qPow(10, qFloor(std::log10(x)));  // the power of ten just below x
    qreal q = x / z;                                   // 1 <= q < 10
    if (ceiling) {
        if (q <= 1.0) q = 1;
        else if (q <= 2.0) q = 2;
        else if (q <= 5.0) q = 5;
        else q = 10;
    } else {
        if (q < 1.5) q = 1;
        else if (q < 3.0) q = 2;
        else if (q < 7.0) q = 5;
        else q = 10;
    }
    return q * z;
}
}  // namespace

NiceAxisRange looseNiceRange(double lo, double hi, int ticks) {
    // AbstractDomain::looseNiceNumbers
    const qreal range = niceNumber(hi - lo, true);
    const qreal step = niceNumber(range / (ticks - 1), false);
    qreal min = qFloor(lo / step);
    qreal max = qCeil(hi / step);
    NiceAxisRange r;
    r.ticks = int(max - min) + 1;
    r.min = min * step;
    r.max = max * step;
    return r;
}

}  // namespace vigil::ui
