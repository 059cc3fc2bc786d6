#include "ui/ChartPanel.h"

#include "ui/ChartCatalog.h"
#include "ui/LiveChart.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>

#include <algorithm>

namespace vigil::ui {

namespace {
constexpr int kMinColumnWidth = 460;
constexpr int kMaxColumns = 3;

int catalogIndex(const ChartSpec& spec) {
    const auto cat = chartCatalog();
    return static_cast<int>(&spec - cat.data());
}
}  // namespace

ChartPanel::ChartPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("chartPanel"));
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(4, 4, 4, 4);
    grid_->setSpacing(6);
    waiting_ = new QLabel(tr("Waiting for telemetry from the fleet…"), this);
    waiting_->setAlignment(Qt::AlignCenter);
    grid_->addWidget(waiting_, 0, 0);
    stagger_.setSingleShot(true);
    stagger_.setInterval(0);
    connect(&stagger_, &QTimer::timeout, this, &ChartPanel::plotNext);
}

void ChartPanel::setTimeWindow(TimestampMs ms) {
    window_ = std::max(ms, kMinWindowMs);
    dirty_ = true;
    replot();
}

LiveChart* ChartPanel::chartFor(std::string_view series) const {
    for (LiveChart* c : charts_)
        if (c->spec().series == series) return c;
    return nullptr;
}

int ChartPanel::plottedPoints(std::string_view series) const {
    const LiveChart* c = chartFor(series);
    return c ? c->plottedPoints() : -1;
}

void ChartPanel::showSnapshot(std::shared_ptr<const vigil::Snapshot> snapshot) {
    if (!snapshot) return;
    shown_ = std::move(snapshot);
    // Rasterising antialiased lines is most of the console's CPU time: draw at
    // most 5 frames a second; the bridge's next tick brings the newest data anyway.
    if (sinceRedraw_.isValid() && sinceRedraw_.elapsed() < kMinRedrawIntervalMs && !dirty_) return;
    // Not here: the snapshot's other panels and their layouts run in this turn of
    // the event loop; the frame starts in a turn of its own (plotNext), so the
    // charts' work never lands back to back with theirs.
    frameWanted_ = true;
    if (!stagger_.isActive()) stagger_.start();
}

void ChartPanel::replot() {
    if (!shown_) return;
    const Snapshot& s = *shown_;

    // Group the snapshot's tails (sorted by series) per catalogued chart.
    std::vector<std::vector<const SeriesTail*>> perChart(chartCatalog().size());
    TimestampMs oldest = s.engineTime;
    bool added = false;
    for (const SeriesTail& tail : s.series) {
        const ChartSpec* spec = findChart(tail.series);
        if (!spec || tail.points.empty()) continue;
        perChart[catalogIndex(*spec)].push_back(&tail);
        oldest = std::min(oldest, tail.points.front().ts);
        if (!chartFor(spec->series)) {
            auto* chart = new LiveChart(*spec, this);
            auto pos = std::find_if(charts_.begin(), charts_.end(),
                                    [&](LiveChart* c) { return catalogIndex(c->spec()) > catalogIndex(*spec); });
            charts_.insert(pos, chart);
            added = true;
        }
    }
    if (added) relayout();

    // The window ends at the engine time rounded up to a whole pixel's worth of
    // time: the charts redraw when the picture can change by a pixel, not on every
    // snapshot, so the redraw rate does not follow the record rate; and the slices
    // of the min/max decimation stay put from frame to frame, so the lines do not
    // shimmer.
    const TimestampMs span = std::clamp(s.engineTime - oldest, kMinWindowMs, std::max(window_, kMinWindowMs));
    const int pixels = charts_.empty() ? 400 : charts_.front()->plotWidth();
    const TimestampMs step = std::max<TimestampMs>(1, span / std::max(pixels, 1));
    const TimestampMs to = (s.engineTime + step - 1) / step * step;
    if (!added && !dirty_ && to == shownTo_) return;
    // One chart per turn of the event loop (plotNext): a frame of six charts with
    // dozens of lines each is a few hundred milliseconds of Qt Charts work on a busy
    // machine, which in one piece would stall the GUI (docs/performance.md, "GUI
    // event loop under load"). A frame that arrives mid-round takes over the rest.
    frame_ = shown_;
    frameTails_ = std::move(perChart);
    frameFrom_ = to - span;
    frameTo_ = to;
    if (added || remaining_ == 0) nextChart_ = 0;
    remaining_ = charts_.size();  // every chart gets this frame, wherever the round is
    if (!stagger_.isActive()) stagger_.start();
    sinceRedraw_.start();
    shownTo_ = to;
    dirty_ = false;
}

void ChartPanel::plotNext() {
    if (frameWanted_) {  // a new snapshot: the frame is set up in this turn, drawn from the next
        frameWanted_ = false;
        replot();
        if (remaining_ > 0) stagger_.start();
        return;
    }
    if (remaining_ > 0 && !charts_.empty()) {
        nextChart_ %= charts_.size();
        LiveChart* c = charts_[nextChart_++];
        c->plot(frameTails_[std::size_t(catalogIndex(c->spec()))], frameFrom_, frameTo_);
        --remaining_;
    }
    if (remaining_ > 0) stagger_.start();
    else frame_.reset();  // the round is done: the snapshot may go
}

void ChartPanel::relayout() {
    waiting_->setVisible(charts_.empty());
    if (charts_.empty()) return;
    const int cols = std::clamp(width() / kMinColumnWidth, 1, std::min<int>(kMaxColumns, static_cast<int>(charts_.size())));
    while (grid_->count() > 0) delete grid_->takeAt(0);  // only the layout items; widgets stay
    for (int i = 0; i < static_cast<int>(charts_.size()); ++i) {
        grid_->addWidget(charts_[i], i / cols, i % cols);
        charts_[i]->show();
    }
    for (int c = 0; c < kMaxColumns; ++c) grid_->setColumnStretch(c, c < cols ? 1 : 0);
    columns_ = cols;
}

void ChartPanel::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    const int cols = std::clamp(width() / kMinColumnWidth, 1,
                                std::max(1, std::min<int>(kMaxColumns, static_cast<int>(charts_.size()))));
    if (!charts_.empty() && cols != columns_) relayout();
    dirty_ = true;  // the plot width, hence the decimation, changed
}

}  // namespace vigil::ui
