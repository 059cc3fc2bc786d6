// What a replay counted but did not keep, in words for the ReplayBar: the
// replay keeps at most ReplayControllerOptions::maxIncidents incidents and
// maxActions actions for its report and its seeks (memory stays flat however
// long the recording); the rest are counted, and the report says how many.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil {
struct ReplayProgress;
}

namespace vigil::ui {

class ReplayDroppedText {
    Q_DECLARE_TR_FUNCTIONS(ReplayDroppedText)
public:
    // "12,340 actions not kept, counted in the report" (locale digits); "" when none.
    static QString line(const ReplayProgress& p);
    // Why, and how many of each were seen in all.
    static QString tip(const ReplayProgress& p);
};

}  // namespace vigil::ui
