// One small live chart: one line per target of a metric series, time on the x axis
// (HH:mm:ss), the series' unit on the y axis. Each line is decimated to about two
// points per horizontal pixel before Qt Charts sees it, through a min/max pyramid
// kept per line across frames (MinMaxPyramid), so a frame costs O(pixels), not
// O(points in view). This header keeps Qt Charts
// out of its includers; only LiveChart.cpp includes it.
#pragma once

#include "engine/Snapshot.h"
#include "ui/ChartCatalog.h"
#include "ui/MinMaxPyramid.h"
#include "ui/SeriesDecimator.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <map>
#include <span>
#include <string>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
QT_END_NAMESPACE

namespace vigil::ui {

class LiveChart : public QWidget {
    Q_OBJECT
public:
    explicit LiveChart(const ChartSpec& spec, QWidget* parent = nullptr);

    const ChartSpec& spec() const { return spec_; }

    // Shows `tails` (all of this chart's series) over [from, to]; a target seen for
    // the first time gets a new line.
    void plot(std::span<const SeriesTail* const> tails, TimestampMs from, TimestampMs to);

    // Points now handed to Qt Charts, over all lines (tests, diagnostics).
    int plottedPoints() const;
    // Width of the plot area in pixels: the decimation bucket count.
    int plotWidth() const;

protected:
    void changeEvent(QEvent* e) override;  // follows the palette

private:
    void addLines(std::span<const SeriesTail* const> tails);
    void fitValueAxis(double lo, double hi);

    const ChartSpec& spec_;
    QChart* chart_ = nullptr;
    QChartView* view_ = nullptr;
    QDateTimeAxis* timeAxis_ = nullptr;
    QAbstractAxis* valueAxis_ = nullptr;  // QValueAxis, or QLogValueAxis for logScale
    std::map<std::string, QLineSeries*> lines_;  // by target
    std::map<std::string, MinMaxPyramid> pyramids_;  // by target, following its tail
    std::vector<SeriesPoint> reduced_;           // reused between frames
    std::vector<QList<QPointF>> pending_;        // per tail, the points before they go to its line
};

}  // namespace vigil::ui
