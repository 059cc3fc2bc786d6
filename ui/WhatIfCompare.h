// Replay → Compare with policy… (issue #12): the replay window's recording run
// twice headless, under the shipped policy (A) and a chosen one (B), by the
// machinery `vigilctl replay --compare` uses (app/common/WhatIfRuns, handed in
// as a WhatIfRunner: ui cannot see app/). The result goes in a "What-if" dock:
// A's lanes, B's lanes under them on the same time axis, and the difference
// (incidents only in A, only in B, detected at another time; actions that
// differ). The runs go on a worker thread; the GUI never waits on them.
#pragma once

#include "eval/RunComparison.h"
#include "eval/RunRecords.h"

#include <QObject>
#include <QWidget>

#include <functional>
#include <thread>

class QLabel;
class QListWidget;

namespace vigil::ui {

class MainWindow;
class TimelineModel;
class TimelineView;

struct WhatIfRuns {
    RunRecords a, b;
    RunDiff diff;
};
// On a worker thread: runs `log` under A and under `policyB`; false with error.
using WhatIfRunner = std::function<bool(const QString& log, const QString& policyB, WhatIfRuns& out, QString& error)>;

class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(QWidget* parent = nullptr);
    void showRuns(const WhatIfRuns& r);

    TimelineModel* laneA() const { return modelA_; }
    TimelineModel* laneB() const { return modelB_; }
    QListWidget* differences() const { return diff_; }
    QLabel* heading() const { return heading_; }

    // A run's incidents (final state), actions (marked simulated), approvals and
    // outcomes, as the timeline takes them.
    static std::vector<Record> timelineRecords(const RunRecords& run);
    // One line per difference: "Only in A: …", "Only in B: …", "Both, B +12 s: …", "Action …".
    static QStringList differenceLines(const RunDiff& d);

private:
    QLabel* heading_;
    QLabel* labelA_;
    QLabel* labelB_;
    TimelineModel* modelA_;
    TimelineModel* modelB_;
    TimelineView* viewA_;
    TimelineView* viewB_;
    QListWidget* diff_;
};

class WhatIfCompare : public QObject {
    Q_OBJECT
public:
    // Adds the Replay menu to `window` (a replay window of `log`).
    WhatIfCompare(MainWindow* window, QString log, WhatIfRunner runner);
    ~WhatIfCompare() override;  // waits for a comparison in progress

    void compareWith(const QString& policyB);  // returns at once
    WhatIfPanel* panel() const { return panel_; }

signals:
    void finished(bool ok, const QString& error);

private:
    void choosePolicy();

    MainWindow* window_;
    QString log_;
    WhatIfRunner runner_;
    WhatIfPanel* panel_;
    QWidget* dock_;
    std::thread worker_;
};

}  // namespace vigil::ui
