// The live chart panel: a grid of small charts, one per catalogued metric series
// (see ChartCatalog), created when the series first shows up in a snapshot. All
// charts share one time window ending at the engine's time.
#pragma once

#include "engine/Snapshot.h"
#include "ui/SnapshotMetaType.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <string_view>
#include <vector>

class QGridLayout;
class QLabel;

namespace vigil::ui {

class LiveChart;

class ChartPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr TimestampMs kMinWindowMs = 30'000;
    static constexpr qint64 kMinRedrawIntervalMs = 200;

    explicit ChartPanel(QWidget* parent = nullptr);

    // Width of the time window shown (default 10 min). The window starts at the
    // oldest data while less than this has been seen, but spans at least 30 s. It
    // ends at the engine time rounded up to the time one pixel covers.
    void setTimeWindow(TimestampMs ms);
    TimestampMs timeWindow() const { return window_; }

    // Points plotted for a series over all its targets; -1 when it has no chart.
    int plottedPoints(std::string_view series) const;
    int chartCount() const { return static_cast<int>(charts_.size()); }

public slots:
    void showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot);

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    LiveChart* chartFor(std::string_view series) const;
    void relayout();
    void replot();
    void plotNext();  // the next chart of the current frame

    QGridLayout* grid_ = nullptr;
    QLabel* waiting_ = nullptr;
    std::vector<LiveChart*> charts_;  // catalogue order
    int columns_ = 0;
    TimestampMs window_ = 10 * 60'000;
    std::shared_ptr<const Snapshot> shown_;
    TimestampMs shownTo_ = -1;  // end of the window last drawn
    QElapsedTimer sinceRedraw_;
    bool dirty_ = true;
    // The frame being drawn, one chart per event-loop turn.
    QTimer stagger_;
    std::shared_ptr<const Snapshot> frame_;                  // keeps frameTails_ valid
    std::vector<std::vector<const SeriesTail*>> frameTails_;  // by catalogue index
    TimestampMs frameFrom_ = 0, frameTo_ = 0;
    std::size_t nextChart_ = 0;  // charts_ index, round-robin
    std::size_t remaining_ = 0;  // charts still to get the newest frame
    bool frameWanted_ = false;   // a snapshot came: replot() at the next turn
};

}  // namespace vigil::ui
