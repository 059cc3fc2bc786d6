// `vigilctl replay LOG --compare B.yaml`: the log through two engines, one
// after the other (each as fast as possible, nothing sent or stored), then the
// difference of what they decided: app/common/WhatIfRuns, which the console's
// Replay → Compare with policy… runs too.
#include "vigilctl/Commands.h"
#include "vigilctl/ReplayRun.h"
#include "vigilctl/ReportOutput.h"

#include "common/WhatIfText.h"
#include "eval/RunComparison.h"

#include <QJsonDocument>

#include <cstdio>

namespace vigilctl {

int replayWhatIf(const ReplayOptions& o) {
    vigil::app::WhatIfResult what;
    std::string error;
    const bool ok = vigil::app::runWhatIf(
        o.log.toStdString(), o.a, o.b, what, error,
        [&o](int side, const vigil::RunRecords& run, const vigil::DecodeStats& in) {
            if (side == 0)  // said once, not per run
                for (std::size_t i = 0; i < in.errors.size() && i < 20; ++i)
                    std::fprintf(stderr, "%s:%lld: %s\n", qPrintable(o.log), static_cast<long long>(in.errors[i].line),
                                 in.errors[i].reason.c_str());
            if (!o.json)
                std::printf("%s: %s: %lld records, malformed=%lld, anomalies=%lld, incidents=%zu, actions=%zu\n",
                            side == 0 ? "A" : "B", run.label.c_str(), static_cast<long long>(in.records),
                            static_cast<long long>(in.malformed), static_cast<long long>(run.anomalyCount),
                            run.incidents.size(), run.actions.size());
        });
    if (!ok) return usageError(QString::fromStdString(error));
    const vigil::DecodeStats& input = what.input;
    const auto& runs = what.runs;
    const vigil::RunDiff& diff = what.diff;
    if (o.json)
        std::printf("%s", QJsonDocument(vigil::app::whatIfJson(diff)).toJson(QJsonDocument::Indented).constData());
    else std::printf("%s", qPrintable(vigil::app::whatIfText(diff)));
    std::fflush(stdout);

    if (!o.report.isEmpty()) {
        vigil::IncidentReport rep = replayReport(o, input, runs[0]);
        rep.title = "What-if replay of " + rep.source;
        rep.whatIf = diff;
        QString why;
        if (!writeReport(rep, o.report, why)) return usageError(why);
    }
    return kOk;
}

}  // namespace vigilctl
