#include "ui/report/ReportChartImage.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vigil::report {

QImage renderChart(const ReportChart& c, TimestampMs opened, QSize size) {
    auto minutes = [opened](TimestampMs ts) { return double(ts - opened) / 60'000.0; };
    auto* line = new QLineSeries;
    line->setName(QString::fromStdString(c.target));
    double lo = 0, hi = 0;
    bool first = true;
    for (const auto& [ts, v] : c.points) {
        line->append(minutes(ts), v);
        lo = first ? v : std::min(lo, v);
        hi = first ? v : std::max(hi, v);
        first = false;
    }
    auto* marks = new QScatterSeries;
    marks->setName(QCoreApplication::translate("Report", "anomalies"));
    marks->setColor(QColor(0xd6, 0x45, 0x41));
    marks->setBorderColor(QColor(0xd6, 0x45, 0x41));
    marks->setMarkerSize(9);
    for (const Anomaly& a : c.marks) {
        if (a.ts < c.from || a.ts > c.to) continue;
        // The value the detector saw; where it saw none (a derived score), the line's value then.
        double y = a.observed;
        if (!std::isfinite(y) || y < lo - (hi - lo) || y > hi + (hi - lo)) {
            auto it =
                std::lower_bound(c.points.begin(), c.points.end(), a.ts,
                                 [](const std::pair<TimestampMs, double>& p, TimestampMs t) { return p.first < t; });
            y = it != c.points.end() ? it->second : (c.points.empty() ? 0.0 : c.points.back().second);
        }
        marks->append(minutes(a.ts), y);
        lo = std::min(lo, y);
        hi = std::max(hi, y);
    }

    QChart chart;
    chart.setAnimationOptions(QChart::NoAnimation);
    chart.setTitle(QCoreApplication::translate("Report", "%1 on %2").arg(QString::fromStdString(c.series), QString::fromStdString(c.target)));
    chart.setMargins(QMargins(4, 4, 4, 4));
    chart.setBackgroundRoundness(0);
    chart.legend()->setAlignment(Qt::AlignBottom);
    chart.addSeries(line);
    chart.addSeries(marks);
    auto* x = new QValueAxis;
    x->setTitleText(QStringLiteral("minutes from the incident's opening"));
    x->setRange(minutes(c.from), std::max(minutes(c.to), minutes(c.from) + 1));
    x->setLabelFormat(QStringLiteral("%.0f"));
    // Ticks on whole minutes, one at the opening.
    const double span = x->max() - x->min();
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(span <= 12 ? 1 : span <= 30 ? 5 : span <= 120 ? 10 : span <= 600 ? 60 : 240);
    auto* y = new QValueAxis;
    const double pad = hi > lo ? (hi - lo) * 0.1 : std::abs(hi) * 0.1 + 1;
    y->setRange(lo - pad, hi + pad);
    y->applyNiceNumbers();
    const double step = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    const int decimals = step >= 1 ? 0 : std::min(8, int(std::ceil(-std::log10(step))));  // enough for the tick step
    y->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    chart.addAxis(x, Qt::AlignBottom);
    chart.addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart.series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }

    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        scene.render(&p, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    }
    scene.removeItem(&chart);  // the chart is ours, not the scene's
    return image;
}

}  // namespace vigil::report
