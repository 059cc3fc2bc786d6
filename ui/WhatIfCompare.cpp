#include "ui/WhatIfCompare.h"

#include "remedy/IncidentSignature.h"
#include "ui/EngineActivityFeed.h"
#include "ui/MainWindow.h"
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include <cstdlib>

namespace vigil::ui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
QString at(TimestampMs ts) { return QDateTime::fromMSecsSinceEpoch(ts, Qt::UTC).toString(QStringLiteral("HH:mm:ss")); }
QString words(const RunIncident& i) {
    const QString what = i.kind.empty() ? qs(i.incident.id) : qs(i.kind);
    return WhatIfPanel::tr("%1 on %2 at %3").arg(what, qs(i.where), at(i.incident.ts));
}
}  // namespace

WhatIfPanel::WhatIfPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("whatIfPanel"));
    heading_ = new QLabel(tr("Replay → Compare with policy… runs this recording under a second policy."));
    heading_->setWordWrap(true);
    labelA_ = new QLabel;
    labelB_ = new QLabel;
    modelA_ = new TimelineModel(this);
    modelB_ = new TimelineModel(this);
    viewA_ = new TimelineView(modelA_);
    viewB_ = new TimelineView(modelB_);
    viewA_->setObjectName(QStringLiteral("whatIfLanesA"));
    viewB_->setObjectName(QStringLiteral("whatIfLanesB"));
    diff_ = new QListWidget;
    diff_->setObjectName(QStringLiteral("whatIfDifferences"));
    auto* lanes = new QWidget;
    auto* ll = new QVBoxLayout(lanes);
    ll->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : {static_cast<QWidget*>(labelA_), static_cast<QWidget*>(viewA_), static_cast<QWidget*>(labelB_),
                       static_cast<QWidget*>(viewB_)})
        ll->addWidget(w);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(lanes);
    split->addWidget(diff_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    diff_->setMinimumWidth(320);
    auto* v = new QVBoxLayout(this);
    v->addWidget(heading_);
    v->addWidget(split, 1);
    // One time axis: zooming either run's lanes zooms the other's.
    connect(viewA_, &TimelineView::spanChanged, viewB_, &TimelineView::setSpan);
    connect(viewB_, &TimelineView::spanChanged, viewA_, &TimelineView::setSpan);
}

std::vector<Record> WhatIfPanel::timelineRecords(const RunRecords& run) {
    std::vector<Record> out;
    for (const auto& i : run.incidents) out.emplace_back(i.incident);
    for (const auto& a : run.actions) out.emplace_back(markedSimulated(a));
    for (const auto& a : run.approvals) out.emplace_back(a);
    for (const auto& o : run.outcomes) out.emplace_back(o);
    return out;
}

QStringList WhatIfPanel::differenceLines(const RunDiff& d) {
    QStringList lines;
    for (const auto& i : d.onlyA) lines << tr("Only in A: %1").arg(words(i));
    for (const auto& i : d.onlyB) lines << tr("Only in B: %1").arg(words(i));
    for (const auto& m : d.both)
        if (m.detectDeltaMs != 0)
            lines << tr("Both, B detected %1 s %2: %3")
                         .arg(std::abs(m.detectDeltaMs) / 1000.0, 0, 'f', 1)
                         .arg(m.detectDeltaMs > 0 ? tr("later") : tr("earlier"), words(m.a));
    for (const auto& a : d.actions) lines << tr("Action %1: %2").arg(qs(describeAction(a.a ? *a.a : *a.b)), qs(a.what));
    return lines;
}

void WhatIfPanel::showRuns(const WhatIfRuns& r) {
    modelA_->addRecords(timelineRecords(r.a));
    modelB_->addRecords(timelineRecords(r.b));
    const TimestampMs end = std::max(r.a.last, r.b.last);
    modelA_->setNow(end);
    modelB_->setNow(end);
    labelA_->setText(
        tr("A: %1 — %2 incidents, %3 actions").arg(qs(r.a.label)).arg(r.a.incidents.size()).arg(r.a.actions.size()));
    labelB_->setText(
        tr("B: %1 — %2 incidents, %3 actions").arg(qs(r.b.label)).arg(r.b.incidents.size()).arg(r.b.actions.size()));
    heading_->setText(
        tr("What-if: %1 incidents only in A, %2 only in B, %3 in both; %4 actions differ (replays: nothing was sent)")
            .arg(r.diff.onlyA.size())
            .arg(r.diff.onlyB.size())
            .arg(r.diff.both.size())
            .arg(r.diff.actions.size()));
    diff_->clear();
    const QStringList lines = differenceLines(r.diff);
    diff_->addItems(lines);
    if (lines.isEmpty()) diff_->addItem(tr("No difference: both runs decided the same."));
}

WhatIfCompare::WhatIfCompare(MainWindow* window, QString log, WhatIfRunner runner)
    : QObject(window), window_(window), log_(std::move(log)), runner_(std::move(runner)) {
    panel_ = new WhatIfPanel;
    auto* dock = new QDockWidget(tr("What-if"), window);
    dock->setObjectName(QStringLiteral("whatIfDock"));
    dock->setWidget(panel_);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    dock_ = dock;
    QMenu* replay = window->menuBar()->addMenu(tr("&Replay"));
    replay->setObjectName(QStringLiteral("replayMenu"));
    QAction* compare = replay->addAction(tr("&Compare with policy…"), this, &WhatIfCompare::choosePolicy);
    compare->setObjectName(QStringLiteral("compareWithPolicyAction"));
    replay->addAction(dock->toggleViewAction());
}

WhatIfCompare::~WhatIfCompare() {
    if (worker_.joinable()) worker_.join();
}

void WhatIfCompare::choosePolicy() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Compare with policy"), QString(),
                                                      tr("Policies (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) compareWith(path);
}

void WhatIfCompare::compareWith(const QString& policyB) {
    if (worker_.joinable()) worker_.join();  // one comparison at a time; the last one has posted its result
    dock_->show();
    panel_->heading()->setText(tr("Comparing the shipped policy (A) with %1 (B)…").arg(QFileInfo(policyB).fileName()));
    window_->statusBar()->showMessage(tr("What-if: replaying %1 twice…").arg(QFileInfo(log_).fileName()));
    QPointer<WhatIfCompare> self(this);
    worker_ = std::thread([self, runner = runner_, log = log_, policyB] {
        auto runs = std::make_shared<WhatIfRuns>();
        QString error;
        const bool ok = runner && runner(log, policyB, *runs, error);
        if (!runner) error = WhatIfCompare::tr("no what-if runner in this build");
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, ok, runs, error] {
                if (!self) return;
                if (ok) {
                    self->panel_->showRuns(*runs);
                    self->window_->statusBar()->showMessage(WhatIfCompare::tr("What-if done"), 5000);
                } else {
                    self->panel_->heading()->setText(WhatIfCompare::tr("What-if failed: %1").arg(error));
                    self->window_->statusBar()->showMessage(WhatIfCompare::tr("What-if failed: %1").arg(error));
                }
                emit self->finished(ok, error);
            },
            Qt::QueuedConnection);
    });
}

}  // namespace vigil::ui
