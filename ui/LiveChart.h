// One small live chart: one line per target of a metric series, time on the x axis
// (HH:mm:ss), the series' unit on the y axis. Each line is decimated to about two
// points per horizontal pixel through a min/max pyramid kept per line across
// frames (MinMaxPyramid), so a frame costs O(pixels), not O(points in view). Qt
// Charts draws the axes, grid, legend and title (each line has an empty
// QLineSeries for its legend entry); the lines themselves are drawn by PlotLines
// over the plot area. Clicking a legend entry hides or shows its line. This
// header keeps Qt Charts out of its includers; only LiveChart.cpp includes it.
#pragma once

#include "engine/Snapshot.h"
#include "ui/ChartCatalog.h"
#include "ui/MinMaxPyramid.h"
#include "ui/SeriesDecimator.h"

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QTransform>
#include <QWidget>

#include <map>
#include <span>
#include <string>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QLegendMarker;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
QT_END_NAMESPACE

namespace vigil::ui {

class PlotLines;

class LiveChart : public QWidget {
    Q_OBJECT
public:
    explicit LiveChart(const ChartSpec& spec, QWidget* parent = nullptr);

    const ChartSpec& spec() const { return spec_; }

    // Shows `tails` (all of this chart's series) over [from, to]; a target seen for
    // the first time gets a new line.
    void plot(std::span<const SeriesTail* const> tails, TimestampMs from, TimestampMs to);

    // Points now drawn, over all lines (tests, diagnostics).
    int plottedPoints() const;
    // Width of the plot area in pixels: the decimation bucket count.
    int plotWidth() const;
    QRectF plotArea() const;  // in this widget's coordinates, as grab() shows it

    // Targets with a line, in legend order.
    std::vector<std::string> targets() const;
    // A target's line: its (ms, value) points, and the same in this widget's
    // pixels, as drawn; empty for an unknown target.
    std::vector<QPointF> lineValues(const std::string& target) const;
    QPolygonF linePixels(const std::string& target) const;

    // Hides or shows a target's line (what a click on its legend entry does); its
    // legend entry stays, dimmed while hidden.
    void setLineVisible(const std::string& target, bool visible);
    bool lineVisible(const std::string& target) const;

protected:
    void changeEvent(QEvent* e) override;  // follows the palette

private:
    void addLines(std::span<const SeriesTail* const> tails);
    void fitValueAxis(double lo, double hi);
    void followAxes();      // the axes' ranges to the drawn lines
    QTransform chartToWidget() const;
    void showVisibility();  // legend entries of hidden lines dimmed

    const ChartSpec& spec_;
    QChart* chart_ = nullptr;
    QChartView* view_ = nullptr;
    QDateTimeAxis* timeAxis_ = nullptr;
    QAbstractAxis* valueAxis_ = nullptr;  // QValueAxis, or QLogValueAxis for logScale
    std::map<std::string, QLineSeries*> lines_;  // by target: legend entries, no points
    std::map<std::string, std::size_t> rank_;    // by target: index in drawn_->lines()
    std::map<std::string, MinMaxPyramid> pyramids_;  // by target, following its tail
    std::vector<SeriesPoint> reduced_;           // reused between frames
    PlotLines* drawn_ = nullptr;                 // owned by the chart (a child item)
};

}  // namespace vigil::ui
