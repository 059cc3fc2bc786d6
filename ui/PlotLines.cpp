#include "ui/PlotLines.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vigil::ui {

namespace {
// Above the axes and grid (Qt Charts' series sit at z 4 in the chart), below the
// legend (5): where Qt Charts drew its own lines.
constexpr double kZ = 4.5;
}  // namespace

PlotLines::PlotLines(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setZValue(kZ);
    // The picture is kept until update(): exposes and overlapping repaints (a
    // tooltip, a dock being dragged) blit it instead of stroking every line again.
    setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    setAcceptedMouseButtons(Qt::NoButton);  // the chart underneath keeps its mouse
}

void PlotLines::changed() {
    stale_ = true;
    update();
}

void PlotLines::setRanges(const Ranges& r) {
    if (r == ranges_) return;
    ranges_ = r;
    changed();
}

void PlotLines::setPlotArea(const QRectF& area) {
    if (area == area_) return;
    prepareGeometryChange();
    area_ = area;
    changed();
}

QRectF PlotLines::boundingRect() const {
    // A 1 px antialiased line at the edge reaches half a pixel out on either side.
    return area_.adjusted(-1, -1, 1, 1);
}

// The same mapping as Qt Charts' XYDomain / LogXYDomain, so the lines sit where its
// own would, on the grid its axes draw.
void PlotLines::map() const {
    polygons_.resize(lines_.size());
    const double w = area_.width(), h = area_.height();
    const bool log = ranges_.logY && ranges_.yMin > 0 && ranges_.yMax > 0;
    const double y0 = log ? std::log10(ranges_.yMin) : ranges_.yMin;
    const double y1 = log ? std::log10(ranges_.yMax) : ranges_.yMax;
    // An empty range (before the first plot) maps everything to one edge.
    const double sx = ranges_.xMax > ranges_.xMin ? w / (ranges_.xMax - ranges_.xMin) : 0.0;
    const double sy = y1 > y0 ? h / (y1 - y0) : 0.0;
    const double left = area_.left(), bottom = area_.top() + h;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const auto& pts = lines_[i].points;
        QPolygonF& poly = polygons_[i];
        poly.resize(qsizetype(pts.size()));
        QPointF* out = poly.data();
        for (const QPointF& p : pts) {
            const double y = log ? std::log10(p.y()) : p.y();
            *out++ = QPointF(left + (p.x() - ranges_.xMin) * sx, bottom - (y - y0) * sy);
        }
    }
    stale_ = false;
}

const QPolygonF& PlotLines::polygon(std::size_t i) const {
    if (stale_) map();
    return polygons_.at(i);
}

void PlotLines::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (area_.isEmpty() || !(ranges_.xMax > ranges_.xMin) || !(ranges_.yMax > ranges_.yMin)) return;
    if (stale_) map();
    painter->save();
    // Qt Charts' own clip (LineChartItem): the plot area widened by the fraction of
    // a pixel that keeps a line along its edge (a zero on a zero-based axis) whole,
    // never so much that a line shows beyond it.
    QRectF clip = area_;
    const double x1 = area_.left() - int(area_.left()), y1 = area_.top() - int(area_.top());
    const double x2 = (area_.width() + 0.5) - int(area_.width() + 0.5);
    const double y2 = (area_.height() + 0.5) - int(area_.height() + 0.5);
    clip.adjust(-x1, -y1, std::max(x1, x2), std::max(y1, y2));
    painter->setClipRect(clip);
    painter->setBrush(Qt::NoBrush);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        // A lone point draws nothing, as with Qt Charts' QLineSeries.
        if (!lines_[i].visible || polygons_[i].size() < 2) continue;
        painter->setPen(lines_[i].pen);
        // Segment by segment, as Qt Charts strokes a solid line: a polyline joins
        // them more smoothly, which left every vertex a shade lighter than before.
        // Handed over in one call (each segment is still stroked on its own):
        // 14 k drawLine calls cost more in QPainter's per-call work than in pixels.
        const QPolygonF& poly = polygons_[i];
        segments_.resize(std::size_t(poly.size() - 1));
        for (qsizetype k = 1; k < poly.size(); ++k) segments_[std::size_t(k - 1)] = QLineF(poly[k - 1], poly[k]);
        painter->drawLines(segments_.data(), int(segments_.size()));
    }
    painter->restore();
}

}  // namespace vigil::ui
