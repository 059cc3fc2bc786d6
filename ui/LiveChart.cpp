#include "ui/LiveChart.h"

#include "ui/ChartPalette.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
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
    if (e->type() == QEvent::PaletteChange) applyPalette(chart_, palette());
    QWidget::changeEvent(e);
}

int LiveChart::plotWidth() const {
    const int w = static_cast<int>(chart_->plotArea().width());
    return w >= 16 ? w : kFallbackPlotWidth;
}

int LiveChart::plottedPoints() const {
    int n = 0;
    for (const auto& [_, line] : lines_) n += static_cast<int>(line->count());
    return n;
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
    // follow the rank, whatever order targets first appeared in.
    for (auto* s : chart_->series()) chart_->removeSeries(s);
    int rank = 0;
    for (auto& [_, line] : lines_) {
        chart_->addSeries(line);
        line->attachAxis(timeAxis_);
        line->attachAxis(valueAxis_);
        QPen pen(kPalette[rank++ % std::size(kPalette)]);
        pen.setWidthF(1.0);
        pen.setCosmetic(true);
        line->setPen(pen);
    }
}

void LiveChart::plot(std::span<const SeriesTail* const> tails, TimestampMs from, TimestampMs to) {
    addLines(tails);
    const int buckets = plotWidth();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    pending_.resize(tails.size());
    for (std::size_t k = 0; k < tails.size(); ++k) {
        // The visible part, plus one point on each side so lines run to the edges.
        const auto& all = tails[k]->points;
        auto first = std::lower_bound(all.begin(), all.end(), from,
                                      [](const SeriesPoint& p, TimestampMs t) { return p.ts < t; });
        if (first != all.begin()) --first;
        auto last = std::upper_bound(first, all.end(), to,
                                     [](TimestampMs t, const SeriesPoint& p) { return t < p.ts; });
        if (last != all.end()) ++last;
        MinMaxPyramid& pyramid = pyramids_[tails[k]->target];
        pyramid.sync(all);
        if (pyramid.sorted())
            pyramid.reduce(all, std::size_t(first - all.begin()), std::size_t(last - all.begin()), from, to, buckets, reduced_);
        else  // out of time order: only the one-pass decimator copes
            SeriesDecimator::reduce(std::span(first, last), from, to, buckets, reduced_);

        QList<QPointF>& pts = pending_[k];
        pts.clear();
        pts.reserve(static_cast<qsizetype>(reduced_.size()));
        for (const SeriesPoint& p : reduced_) {
            const double v = p.value * spec_.scale;
            if (!std::isfinite(v) || (spec_.logScale && v <= 0)) continue;
            pts.append(QPointF(static_cast<double>(p.ts), v));
            if (p.ts >= from && p.ts <= to) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    // Qt Charts rebuilds (and strokes, for its hit shape) every line's geometry on
    // each axis range change: with the lines emptied first the axes move for free,
    // and each line's geometry is built once, by its replace() (it was built four
    // or five times a frame).
    for (const SeriesTail* tail : tails) lines_.at(tail->target)->clear();
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    if (lo <= hi) fitValueAxis(lo, hi);
    for (std::size_t k = 0; k < tails.size(); ++k) lines_.at(tails[k]->target)->replace(pending_[k]);
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
    axis->setRange(lo, hi);
    axis->applyNiceNumbers();
    if (spec_.ceiling > 0 && axis->max() > spec_.ceiling && hi - pad <= spec_.ceiling)
        axis->setMax(spec_.ceiling);  // 0..100 %, not 0..200 %
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const int decimals = spec_.integral || step >= 1.0 ? 0 : step >= 0.1 ? 1 : 2;
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

}  // namespace vigil::ui
