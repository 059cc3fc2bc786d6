#include "ui/TimelineView.h"

#include "ui/Palette.h"
#include "ui/TimelineModel.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigil::ui {

namespace {

constexpr int kRightMargin = 6;
constexpr int kInstantWidth = 5;
constexpr int kIncidentTracks = 2;  // overlapping incidents share their (double) lane in 2 tracks
// Lane heights in units: incidents get two, so two tracks stay readable.
constexpr int kLaneUnits[kLaneCount] = {1, 2, 1, 1, 1};
constexpr int kTotalUnits = 6;

// Tick steps for the time axis, the smallest at least ~90 px apart is used.
constexpr TimestampMs kSteps[] = {1'000, 2'000, 5'000, 10'000, 15'000, 30'000, 60'000, 120'000, 300'000,
                                  600'000, 900'000, 1'800'000, 3'600'000, 7'200'000, 10'800'000, 21'600'000,
                                  43'200'000, 86'400'000};

}  // namespace

TimelineView::TimelineView(TimelineModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("timeline"));
    setAccessibleName(tr("Incident timeline"));
    setAccessibleDescription(tr("Anomalies, incidents, actions, approvals and outcomes over time. Wheel zooms, "
                                "Shift+wheel or arrows scroll, End follows live, click selects."));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    auto repaint = [this] { update(); };
    connect(model_, &QAbstractItemModel::rowsInserted, this, repaint);
    connect(model_, &QAbstractItemModel::dataChanged, this, repaint);
    connect(model_, &QAbstractItemModel::modelReset, this, repaint);
    // Snapshots come at the bridge's throttled rate, so this repaints at most that often.
    connect(model_, &TimelineModel::nowAdvanced, this, [this] {
        if (follow_) update();
    });
}

TimestampMs TimelineView::end() const { return follow_ ? model_->now() : end_; }

double TimelineView::xOf(TimestampMs t) const {
    const double w = std::max(1, width() - kGutter - kRightMargin);
    return kGutter + double(t - from()) * w / double(span_);
}

TimestampMs TimelineView::tAt(double x) const {
    const double w = std::max(1, width() - kGutter - kRightMargin);
    return from() + TimestampMs(std::llround((x - kGutter) * double(span_) / w));
}

QRect TimelineView::laneRect(Lane lane) const {
    const int unit = std::max(kTotalUnits, height() - kAxis - 2) / kTotalUnits;
    int top = kAxis;
    for (int l = 0; l < int(lane); ++l) top += kLaneUnits[l] * unit;
    return {0, top, width(), kLaneUnits[int(lane)] * unit};
}

int TimelineView::laneAt(const QPoint& pos) const {
    for (int l = 0; l < kLaneCount; ++l)
        if (laneRect(Lane(l)).contains(pos)) return l;
    return -1;
}

void TimelineView::setSpan(TimestampMs ms) {
    ms = std::clamp(ms, kMinSpanMs, kMaxSpanMs);
    if (ms == span_) return;
    span_ = ms;
    update();
    emit spanChanged(span_);
}

void TimelineView::scrollTo(TimestampMs e) {
    if (e >= model_->now()) return followLive();
    end_ = e;
    follow_ = false;
    update();
}

void TimelineView::followLive() {
    follow_ = true;
    update();
}

QRect TimelineView::itemRect(int row) const {
    if (row < 0 || row >= int(model_->items().size())) return {};
    const TimelineItem& it = model_->items()[std::size_t(row)];
    const TimestampMs e = it.ongoing ? std::max(it.end, model_->now()) : it.end;
    if (e < from() || it.start > end()) return {};
    const QRect lane = laneRect(it.lane).adjusted(kGutter, 3, -kRightMargin, -3);
    int top = lane.top(), h = lane.height();
    if (it.lane == Lane::Incidents) {
        // Track by rank among the lane's incidents (start order): stable and cheap.
        const int track = model_->rankInLane(row) % kIncidentTracks;
        h = lane.height() / kIncidentTracks;
        top = lane.top() + track * h;
        h = std::max(2, h - 2);
    } else {
        top = lane.top() + lane.height() / 5;
        h = lane.height() * 3 / 5;
    }
    const double x0 = xOf(it.start), x1 = xOf(e);
    if (x1 - x0 < kInstantWidth) {
        const int cx = int(std::lround((x0 + x1) / 2));
        return {cx - kInstantWidth / 2, top, kInstantWidth, h};
    }
    return QRect(QPoint(int(std::floor(x0)), top), QPoint(int(std::ceil(x1)), top + h - 1)).intersected(
        QRect(kGutter, 0, width() - kGutter - kRightMargin + 1, height()));
}

int TimelineView::itemAt(const QPoint& pos) const {
    const int lane = laneAt(pos);
    if (lane < 0 || pos.x() < kGutter) return -1;
    // The item whose rect holds the point; among several (dense instants), the
    // one whose centre is nearest, the newest on ties.
    const auto& order = model_->laneOrder(Lane(lane));
    const TimestampMs slack = span_ * (kInstantWidth + 2) / std::max(1, width() - kGutter - kRightMargin);
    const TimestampMs lo = tAt(pos.x()) - slack, hi = tAt(pos.x()) + slack;
    int best = -1;
    int bestDist = 1 << 30;
    for (int row : order) {
        const TimelineItem& it = model_->items()[std::size_t(row)];
        if (it.start > hi) break;
        const TimestampMs e = it.ongoing ? std::max(it.end, model_->now()) : it.end;
        if (e < lo) continue;
        const QRect r = itemRect(row);
        if (!r.adjusted(-1, 0, 1, 0).contains(pos)) continue;
        const int d = std::abs(r.center().x() - pos.x());
        if (d <= bestDist) best = row, bestDist = d;
    }
    return best;
}

int TimelineView::selectedRow() const { return selected_.empty() ? -1 : model_->rowOf(selected_); }

void TimelineView::select(int row) {
    if (row < 0) return;
    const TimelineItem& it = model_->items()[std::size_t(row)];
    selected_ = it.id;
    update();
    emit itemSelected(qs(it.id), int(it.lane), qs(it.incidentId));
}

void TimelineView::selectId(const QString& id) {
    const std::string key = id.toStdString();
    if (key == selected_) return;
    selected_ = model_->rowOf(key) >= 0 ? key : std::string();
    update();
}

void TimelineView::zoom(double factor, double anchorX) {
    const TimestampMs anchor = tAt(anchorX);
    const TimestampMs newSpan = std::clamp(TimestampMs(double(span_) * factor), kMinSpanMs, kMaxSpanMs);
    if (!follow_) {
        // Keep the time under the pointer where it is.
        const double frac = (anchorX - kGutter) / std::max(1, width() - kGutter - kRightMargin);
        end_ = anchor + TimestampMs(double(newSpan) * (1.0 - frac));
        if (end_ >= model_->now()) follow_ = true;
    }
    setSpan(newSpan);
    update();
}

void TimelineView::wheelEvent(QWheelEvent* e) {
    const QPoint d = e->angleDelta();
    if (e->modifiers() & Qt::ShiftModifier || std::abs(d.x()) > std::abs(d.y())) {
        const int steps = (d.x() != 0 ? d.x() : d.y()) / 120;
        scrollTo(end() - span_ * steps / 8);
    } else if (d.y() != 0) {
        zoom(std::pow(1.25, -d.y() / 120.0), e->position().x());
    }
    e->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return QWidget::mousePressEvent(e);
    const int row = itemAt(e->pos());
    if (row >= 0) select(row);
    dragFrom_ = e->pos();
    dragEnd_ = end();
    dragging_ = true;
}

void TimelineView::mouseMoveEvent(QMouseEvent* e) {
    if (!dragging_ || !(e->buttons() & Qt::LeftButton)) return;
    const int dx = e->pos().x() - dragFrom_.x();
    if (std::abs(dx) < 4) return;
    const double w = std::max(1, width() - kGutter - kRightMargin);
    scrollTo(dragEnd_ - TimestampMs(double(dx) * double(span_) / w));
}

void TimelineView::mouseReleaseEvent(QMouseEvent*) { dragging_ = false; }

void TimelineView::keyPressEvent(QKeyEvent* e) {
    switch (e->key()) {
    case Qt::Key_Left: scrollTo(end() - span_ / 8); break;
    case Qt::Key_Right: scrollTo(end() + span_ / 8); break;
    case Qt::Key_End: followLive(); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.8, width() - kRightMargin); break;
    case Qt::Key_Minus: zoom(1.25, width() - kRightMargin); break;
    default: QWidget::keyPressEvent(e); return;
    }
    e->accept();
}

bool TimelineView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int row = itemAt(help->pos());
        if (row >= 0) QToolTip::showText(help->globalPos(), model_->items()[std::size_t(row)].summary, this, itemRect(row));
        else QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void TimelineView::paintAxis(QPainter& p) const {
    const QPalette& pal = palette();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(kGutter, kAxis - 1, width() - kRightMargin, kAxis - 1);
    const double pxPerMs = double(std::max(1, width() - kGutter - kRightMargin)) / double(span_);
    TimestampMs step = kSteps[std::size(kSteps) - 1];
    for (TimestampMs s : kSteps)
        if (double(s) * pxPerMs >= 90) {
            step = s;
            break;
        }
    const QString fmt = step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    // Ticks on whole local steps (a day's ticks on local midnight).
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(from()).offsetFromUtc()) * 1000;
    TimestampMs t = ((from() + offset) / step + 1) * step - offset;
    const QFontMetrics fm(font());
    for (; t <= end(); t += step) {
        const int x = int(std::lround(xOf(t)));
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(x, kAxis, x, height());
        p.setPen(pal.color(QPalette::WindowText));
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(fmt);
        const int half = fm.horizontalAdvance(label) / 2 + 1;
        if (x - half < kGutter || x + half > width()) continue;  // no half-cut labels at the edges
        p.drawText(QRect(x - half, 0, 2 * half, kAxis - 2), Qt::AlignCenter, label);
    }
}

void TimelineView::paintLane(QPainter& p, Lane lane) const {
    const auto& order = model_->laneOrder(lane);
    const auto& items = model_->items();
    const TimestampMs lo = from(), hi = end();
    // Per track (incidents have two): how far right this colour is already painted.
    struct Covered {
        int right = INT_MIN;
        ItemState state = ItemState::Anomaly;
    };
    Covered covered[kIncidentTracks];
    const int sel = selectedRow();
    for (int row : order) {
        const TimelineItem& it = items[std::size_t(row)];
        if (it.start > hi) break;
        const TimestampMs e = it.ongoing ? std::max(it.end, model_->now()) : it.end;
        if (e < lo) continue;
        const QRect r = itemRect(row);
        if (r.isEmpty()) continue;
        // Items start in order, so one whose pixels are already painted in its colour
        // on its track (dense instants, spans inside a longer one) adds nothing.
        Covered& c = covered[lane == Lane::Incidents ? model_->rankInLane(row) % kIncidentTracks : 0];
        const bool mixed = it.lane == Lane::Incidents && it.mitigated > it.start;
        if (r.right() <= c.right && it.state == c.state && !mixed && row != sel) continue;
        if (r.right() > c.right || it.state != c.state) c = {r.right(), it.state};
        if (it.lane == Lane::Incidents && it.mitigated > it.start && it.state != ItemState::IncidentResolved) {
            const int xm = std::clamp(int(std::lround(xOf(it.mitigated))), r.left(), r.right() + 1);
            p.fillRect(QRect(r.left(), r.top(), xm - r.left(), r.height()), stateColor(ItemState::IncidentOpen));
            p.fillRect(QRect(xm, r.top(), r.right() + 1 - xm, r.height()), stateColor(it.state));
        } else {
            p.fillRect(r, stateColor(it.state));
        }
        if (r.width() > 60 && it.lane == Lane::Incidents && r.height() >= p.fontMetrics().height()) {
            p.setPen(Qt::white);
            p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, qs(it.id));
        }
    }
    if (sel >= 0 && items[std::size_t(sel)].lane == lane) {
        const QRect r = itemRect(sel);
        if (!r.isEmpty()) {
            p.setPen(QPen(palette().color(QPalette::Highlight), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(-2, -2, 2, 2));
        }
    }
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    paintAxis(p);
    for (int l = 0; l < kLaneCount; ++l) {
        const QRect lane = laneRect(Lane(l));
        if (l % 2) p.fillRect(lane.adjusted(kGutter, 0, 0, 0), pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(lane.adjusted(6, 0, -kGutter + lane.width() - 4, 0).intersected(QRect(0, lane.top(), kGutter - 4, lane.height())),
                   Qt::AlignVCenter | Qt::AlignLeft, laneName(Lane(l)));
        p.setClipRect(QRect(kGutter, lane.top(), width() - kGutter, lane.height()));
        paintLane(p, Lane(l));
        p.setClipping(false);
    }
    // Now, when in view.
    const double xn = xOf(model_->now());
    if (xn >= kGutter && xn <= width()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DashLine));
        p.drawLine(int(xn), kAxis, int(xn), height());
    }
    if (!follow_) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(0, 0, kGutter, kAxis), Qt::AlignCenter, tr("paused · End: live"));
    }
}

}  // namespace vigil::ui
