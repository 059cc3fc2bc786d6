// The incident timeline: five swimlanes (anomalies, incidents, actions,
// approvals, outcomes) on one time axis, painted with QPainter straight from a
// TimelineModel (no widget per item), so thousands of items stay smooth: only
// items inside the visible range are looked at, and in each lane an item that
// would land on pixels already painted in the same colour is skipped.
//
// The visible range ends at the model's engine time while following live; the
// wheel zooms around the pointer, Shift+wheel, dragging or Left/Right scroll
// back (which stops following), End follows live again, +/- zoom. spanChanged
// lets the charts keep the same width of time. A click selects the item under
// the pointer (itemSelected, for the other panels); hovering shows its summary.
#pragma once

#include "record/Record.h"
#include "ui/TimelineItem.h"

#include <QWidget>

namespace vigil::ui {

class TimelineModel;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    static constexpr TimestampMs kMinSpanMs = 10'000;
    static constexpr TimestampMs kMaxSpanMs = 7 * 24 * 3'600'000LL;
    static constexpr int kGutter = 104;  // lane names
    static constexpr int kAxis = 22;     // time labels on top

    explicit TimelineView(TimelineModel* model, QWidget* parent = nullptr);

    TimestampMs span() const { return span_; }
    TimestampMs from() const { return end() - span_; }
    TimestampMs end() const;
    bool following() const { return follow_; }

    // The model row of the item under `pos` (widget coordinates), -1 if none.
    int itemAt(const QPoint& pos) const;
    // The lane under `pos`, or -1 outside the lanes.
    int laneAt(const QPoint& pos) const;
    QRect laneRect(Lane lane) const;
    // Where an item is drawn (its hit area); empty when outside the visible range.
    QRect itemRect(int row) const;
    int selectedRow() const;

    QSize sizeHint() const override { return {900, 200}; }
    QSize minimumSizeHint() const override { return {300, 110}; }

public slots:
    void setSpan(TimestampMs ms);
    // Shows [end - span, end] and stops following live.
    void scrollTo(TimestampMs end);
    void followLive();
    // Selects the item with this id (-1 row when unknown): from another panel.
    void selectId(const QString& id);

signals:
    void spanChanged(qint64 ms);
    void itemSelected(const QString& id, int lane, const QString& incidentId);

protected:
    void paintEvent(QPaintEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    bool event(QEvent* e) override;

private:
    double xOf(TimestampMs t) const;
    TimestampMs tAt(double x) const;
    void zoom(double factor, double anchorX);
    void select(int row);
    void paintAxis(QPainter& p) const;
    void paintLane(QPainter& p, Lane lane) const;

    TimelineModel* model_;
    TimestampMs span_ = 10 * 60'000;
    TimestampMs end_ = 0;  // used when not following
    bool follow_ = true;
    std::string selected_;
    QPoint dragFrom_;
    TimestampMs dragEnd_ = 0;
    bool dragging_ = false;
};

}  // namespace vigil::ui
