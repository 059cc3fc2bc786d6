#include "ui/ChartPalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace vigil::ui {

void applyPalette(QChart* chart, const QPalette& pal) {
    if (!chart) return;
    const QColor text = pal.color(QPalette::Text);
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    // Grid lines between Base and Text, so they are faint on either palette.
    const QColor grid = isDark(pal) ? pal.color(QPalette::Base).lighter(180) : pal.color(QPalette::Base).darker(115);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
}

}  // namespace vigil::ui
