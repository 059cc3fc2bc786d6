// Qt Charts keep their own light theme whatever the desktop's palette; this
// paints a chart from the widget's QPalette instead (background, title, legend,
// axes and grid), so the charts follow a light or dark system palette with the
// rest of the console. Call it after axes are added and on QEvent::PaletteChange.
#pragma once

#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace vigil::ui {

void applyPalette(QChart* chart, const QPalette& palette);

// Whether a palette is dark (its window colour is), for colours that must stay
// readable on either: status chips, line colours.
inline bool isDark(const QPalette& p) { return p.color(QPalette::Window).lightness() < 128; }

}  // namespace vigil::ui
