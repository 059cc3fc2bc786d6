#include "ui/LiveChart.h"

#include "ui/ChartPalette.h"
#include "ui/NiceAxisRange.h"
#include "ui/PlotLines.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::ui {

namespace {
constexpr int kFallbackPlotWidth = 400;  // before the first layout pass

// Line colours by target rank, so a target keeps its colour from run to run.
const QColor kPalette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                           QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                           QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                           QColor(0x17, 0xbe, 0xcf)};

QFont scaledFont(const QFont& base, double factor, bool bold = false) {
    QFont f = base;
    if (base.pointSizeF() > 0) f.setPointSizeF(std::max(6.0, base.pointSizeF() * factor));
    f.setBold(bold);
    return f;
}
}  // namespace

LiveChart::LiveChart(const ChartSpec& spec, QWidget* parent) : QWidget(parent), spec_(spec) {
    setObjectName(QStringLiteral("chart:%1").arg(QString::fromUtf8(spec.series.data(), spec.series.size())));

    chart_ = new QChart;
    chart_->setTitle(spec.titleText());
    chart_->setTitleFont(scaledFont(font(), 1.0, true));
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->setBackgroundRoundness(0);
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->setLocalizeNumbers(true);  // decimal comma in German
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->legend()->setFont(scaledFont(font(), 0.9));

    // The axes join the chart with the first line: a QDateTimeAxis laid out
    // before it has a series never shows its labels (Qt 6.4).
    timeAxis_ = new QDateTimeAxis(chart_);
    timeAxis_->setFormat(QStringLiteral("HH:mm:ss"));
    timeAxis_->setTickCount(5);
    timeAxis_->setLabelsFont(scaledFont(font(), 0.85));
    if (spec.logScale) {
        auto* log = new QLogValueAxis(chart_);
        log->setBase(10);
        // With localized numbers Qt 6.4 draws no labels for a bare "%g".
        log->setLabelFormat(QStringLiteral("%.3g"));
        log->setMinorTickCount(0);
        valueAxis_ = log;
    } else {
        auto* lin = new QValueAxis(chart_);
        lin->setRange(0, 1);
        valueAxis_ = lin;
    }
    valueAxis_->setTitleText(spec.unitText());
    valueAxis_->setTitleFont(scaledFont(font(), 0.85));
    valueAxis_->setLabelsFont(scaledFont(font(), 0.85));

    drawn_ = new PlotLines(chart_);
    connect(chart_, &QChart::plotAreaChanged, this, [this](const QRectF& area) { drawn_->setPlotArea(area); });

    view_ = new QChartView(chart_, this);  // takes ownership of the chart
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumSize(320, 200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    applyPalette(chart_, palette());
}

void LiveChart::changeEvent(QEvent* e) {
    // A system switch to dark (ApplicationPaletteChange) reaches us as PaletteChange.
    if (e->type() == QEvent::PaletteChange) {
        applyPalette(chart_, palette());
        showVisibility();  // the palette reset every legend label's colour
    }
    QWidget::changeEvent(e);
}

int LiveChart::plotWidth() const {
    const int w = static_cast<int>(chart_->plotArea().width());
    return w >= 16 ? w : kFallbackPlotWidth;
}

// Chart coordinates to this widget's (what grab() shows), without rounding.
QTransform LiveChart::chartToWidget() const {
    const QPoint viewport = view_->viewport()->mapTo(this, QPoint(0, 0));
    return chart_->sceneTransform() * view_->viewportTransform() * QTransform::fromTranslate(viewport.x(), viewport.y());
}

QRectF LiveChart::plotArea() const {
    return chartToWidget().mapRect(chart_->plotArea());
}

int LiveChart::plottedPoints() const {
    int n = 0;
    for (const auto& line : drawn_->lines()) n += static_cast<int>(line.points.size());
    return n;
}

std::vector<std::string> LiveChart::targets() const {
    std::vector<std::string> out;
    for (const auto& [target, _] : lines_) out.push_back(target);
    return out;
}

std::vector<QPointF> LiveChart::lineValues(const std::string& target) const {
    auto it = rank_.find(target);
    return it == rank_.end() ? std::vector<QPointF>() : drawn_->lines()[it->second].points;
}

QPolygonF LiveChart::linePixels(const std::string& target) const {
    auto it = rank_.find(target);
    if (it == rank_.end()) return {};
    return chartToWidget().map(drawn_->polygon(it->second));
}

bool LiveChart::lineVisible(const std::string& target) const {
    auto it = rank_.find(target);
    return it != rank_.end() && drawn_->lines()[it->second].visible;
}

void LiveChart::setLineVisible(const std::string& target, bool visible) {
    auto it = rank_.find(target);
    if (it == rank_.end() || drawn_->lines()[it->second].visible == visible) return;
    drawn_->lines()[it->second].visible = visible;
    drawn_->update();  // the mapped polygons stay valid
    lines_.at(target)->setVisible(visible);
    showVisibility();
}

void LiveChart::showVisibility() {
    for (const auto& [target, line] : lines_) {
        const bool visible = drawn_->lines()[rank_.at(target)].visible;
        for (QLegendMarker* m : chart_->legend()->markers(line)) {
            m->setVisible(true);  // hiding a series hides its marker too: kept, to click again
            QColor label = palette().color(QPalette::Text);
            if (!visible) label.setAlphaF(0.4);
            m->setLabelBrush(label);
            // The swatch faded while hidden; left as Qt Charts draws it otherwise.
            const double alpha = visible ? 1.0 : 0.25;
            if (m->brush().color().alphaF() == alpha) continue;
            QColor swatch = m->brush().color();
            swatch.setAlphaF(alpha);
            m->setBrush(swatch);
            QPen pen = m->pen();
            QColor edge = pen.color();
            edge.setAlphaF(alpha);
            pen.setColor(edge);
            m->setPen(pen);
        }
    }
}

void LiveChart::addLines(std::span<const SeriesTail* const> tails) {
    bool added = false;
    for (const SeriesTail* tail : tails) {
        if (lines_.count(tail->target)) continue;
        auto* line = new QLineSeries(chart_);
        line->setName(targetLabel(tail->target));
        lines_.emplace(tail->target, line);
        added = true;
    }
    if (!added) return;
    if (chart_->axes().isEmpty()) {
        chart_->addAxis(timeAxis_, Qt::AlignBottom);
        chart_->addAxis(valueAxis_, Qt::AlignLeft);
        applyPalette(chart_, palette());
    }
    // Re-add every line in target order: the legend stays sorted and colours
    // follow the rank, whatever order targets first appeared in. The drawn lines
    // move to their new ranks with their points and visibility.
    for (auto* s : chart_->series()) chart_->removeSeries(s);
    std::vector<PlotLines::Line> drawn(lines_.size());
    for (const auto& [target, rank] : rank_) drawn[std::distance(lines_.begin(), lines_.find(target))] = std::move(drawn_->lines()[rank]);
    rank_.clear();
    std::size_t rank = 0;
    for (auto& [target, line] : lines_) {
        chart_->addSeries(line);
        line->attachAxis(timeAxis_);
        line->attachAxis(valueAxis_);
        QPen pen(kPalette[rank % std::size(kPalette)]);
        pen.setWidthF(1.0);
        pen.setCosmetic(true);
        line->setPen(pen);  // the legend entry's colour
        line->setVisible(drawn[rank].visible);
        drawn[rank].pen = pen;
        rank_.emplace(target, rank);
        for (QLegendMarker* m : chart_->legend()->markers(line))
            connect(m, &QLegendMarker::clicked, this,
                    [this, t = target] { setLineVisible(t, !lineVisible(t)); });
        ++rank;
    }
    drawn_->lines() = std::move(drawn);
    drawn_->changed();
    showVisibility();
}

void LiveChart::plot(std::span<const SeriesTail* const> tails, TimestampMs from, TimestampMs to) {
    addLines(tails);
    const int buckets = plotWidth();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const SeriesTail* tail : tails) {
        // The visible part, plus one point on each side so lines run to the edges.
        const auto& all = tail->points;
        auto first = std::lower_bound(all.begin(), all.end(), from,
                                      [](const SeriesPoint& p, TimestampMs t) { return p.ts < t; });
        if (first != all.begin()) --first;
        auto last = std::upper_bound(first, all.end(), to,
                                     [](TimestampMs t, const SeriesPoint& p) { return t < p.ts; });
        if (last != all.end()) ++last;
        MinMaxPyramid& pyramid = pyramids_[tail->target];
        pyramid.sync(all);
        if (pyramid.sorted())
            pyramid.reduce(all, std::size_t(first - all.begin()), std::size_t(last - all.begin()), from, to, buckets, reduced_);
        else  // out of time order: only the one-pass decimator copes
            SeriesDecimator::reduce(std::span(first, last), from, to, buckets, reduced_);

        std::vector<QPointF>& pts = drawn_->lines()[rank_.at(tail->target)].points;
        pts.clear();
        pts.reserve(reduced_.size());
        for (const SeriesPoint& p : reduced_) {
            const double v = p.value * spec_.scale;
            if (!std::isfinite(v) || (spec_.logScale && v <= 0)) continue;
            pts.emplace_back(static_cast<double>(p.ts), v);
            if (p.ts >= from && p.ts <= to) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    // The legend's series hold no points, so moving the axes costs Qt Charts no
    // geometry; the lines are mapped to pixels once, at their next paint.
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    if (lo <= hi) fitValueAxis(lo, hi);
    followAxes();
    drawn_->changed();
}

void LiveChart::followAxes() {
    PlotLines::Ranges r;
    r.xMin = static_cast<double>(timeAxis_->min().toMSecsSinceEpoch());
    r.xMax = static_cast<double>(timeAxis_->max().toMSecsSinceEpoch());
    if (auto* log = qobject_cast<QLogValueAxis*>(valueAxis_)) {
        r.logY = true;
        r.yMin = log->min();
        r.yMax = log->max();
    } else {
        auto* axis = static_cast<QValueAxis*>(valueAxis_);
        r.yMin = axis->min();
        r.yMax = axis->max();
    }
    drawn_->setRanges(r);
    drawn_->setPlotArea(chart_->plotArea());
}

void LiveChart::fitValueAxis(double lo, double hi) {
    if (auto* log = qobject_cast<QLogValueAxis*>(valueAxis_)) {
        // Whole decades, so the labels sit on powers of ten; widened a hair so
        // rounding cannot drop the end labels.
        const double bottom = std::pow(10.0, std::floor(std::log10(lo)));
        const double top = std::pow(10.0, std::ceil(std::log10(hi) + 1e-9));
        log->setRange(bottom * 0.999, top * 1.001);
        return;
    }
    auto* axis = static_cast<QValueAxis*>(valueAxis_);
    if (spec_.zeroBased) lo = std::min(lo, 0.0);
    if (spec_.integral) hi = std::max(hi, 4.0);  // at least 0..4 so ticks land on whole numbers
    double pad = (hi - lo) * 0.08;
    if (pad <= 0) pad = std::max(std::abs(hi) * 0.1, 1.0);
    if (!spec_.zeroBased || lo < 0) lo -= pad;
    hi += pad;
    // What setRange(lo, hi) and applyNiceNumbers() gave, set in one go and only
    // when it changed (NiceAxisRange.h): a frame that moves only the time axis
    // leaves this axis, its labels and the chart's layout alone.
    NiceAxisRange nice = looseNiceRange(lo, hi, axis->tickCount());
    if (spec_.ceiling > 0 && nice.max > spec_.ceiling && hi - pad <= spec_.ceiling)
        nice.max = spec_.ceiling;  // 0..100 %, not 0..200 %
    if (nice.ticks != axis->tickCount()) axis->setTickCount(nice.ticks);
    if (nice.min != axis->min() || nice.max != axis->max()) axis->setRange(nice.min, nice.max);
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const int decimals = spec_.integral || step >= 1.0 ? 0 : step >= 0.1 ? 1 : 2;
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    if (axis->labelFormat() != format) axis->setLabelFormat(format);  // a new format lays the chart out again
}

}  // namespace vigil::ui
