// A live chart's lines, drawn with QPainter over the chart's plot area (issue #10:
// 8 lines x 1 M points within 16 ms a frame). Qt Charts keeps the axes, grid,
// legend and theme, but handing it ~14 k decimated points a frame cost more than
// drawing them: it copies them, builds geometry and a hit shape per line and
// strokes paths. Here each line is one QPolygonF, mapped from (time, value) to
// pixels with the axes' ranges only when the data, the ranges or the plot area
// change, and the item keeps its picture in a device-coordinate cache, so an
// expose with nothing new repaints a pixmap. No Qt Charts header needed.
#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <QPen>
#include <QPolygonF>

#include <vector>

namespace vigil::ui {

class PlotLines : public QGraphicsItem {
public:
    // The axes' ranges: x in ms since the epoch, y in the chart's unit (log10
    // mapped when logY, as QLogValueAxis does).
    struct Ranges {
        double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
        bool logY = false;
        bool operator==(const Ranges&) const = default;
    };
    struct Line {
        std::vector<QPointF> points;  // (ms, value), in time order
        QPen pen;
        bool visible = true;
    };

    explicit PlotLines(QGraphicsItem* parent = nullptr);

    // Lines by index (the chart's target order); call changed() after editing.
    std::vector<Line>& lines() { return lines_; }
    const std::vector<Line>& lines() const { return lines_; }
    void changed();

    void setRanges(const Ranges& r);
    void setPlotArea(const QRectF& area);  // in the parent's (the chart's) coordinates
    QRectF plotArea() const { return area_; }

    // Line `i` in pixels, exactly as drawn (tests, diagnostics).
    const QPolygonF& polygon(std::size_t i) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void map() const;

    std::vector<Line> lines_;
    Ranges ranges_;
    QRectF area_;
    mutable std::vector<QPolygonF> polygons_;
    std::vector<QLineF> segments_;  // paint's buffer: one drawLines call a line
    mutable bool stale_ = true;
};

}  // namespace vigil::ui
