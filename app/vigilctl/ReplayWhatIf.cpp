// `vigilctl replay LOG --compare B.yaml`: the log through two engines, one
// after the other (each as fast as possible, nothing sent or stored), then the
// difference of what they decided (eval/RunComparison).
#include "vigilctl/Commands.h"
#include "vigilctl/ReplayRun.h"
#include "vigilctl/ReportOutput.h"

#include "common/WhatIfText.h"
#include "eval/RunComparison.h"

#include <QJsonDocument>

#include <cstdio>

namespace vigilctl {

int replayWhatIf(const ReplayOptions& o) {
    vigil::RunRecords runs[2];
    vigil::DecodeStats input;
    for (int side = 0; side < 2; ++side) {
        vigil::LogFileReader reader;
        if (!reader.open(o.log.toStdString())) return usageError(QString::fromStdString(reader.error()));
        ReplayEngine run(side == 0 ? o.a : o.b);
        run.engine().start();
        feedLog(reader, run.engine(), 0);
        run.engine().stop();
        if (!reader.error().empty()) return usageError(QString::fromStdString(reader.error()));
        if (reader.stats().records == 0)
            return usageError(QString::fromStdString(reader.path() + ": no valid record (" +
                                                     std::to_string(reader.stats().malformed) + " malformed lines)"));
        runs[side] = run.take();
        if (side == 0) {
            input = reader.stats();
            for (std::size_t i = 0; i < input.errors.size() && i < 20; ++i)  // said once, not per run
                std::fprintf(stderr, "%s:%lld: %s\n", reader.path().c_str(),
                             static_cast<long long>(input.errors[i].line), input.errors[i].reason.c_str());
        }
        if (!o.json)
            std::printf("%s: %s: %lld records, malformed=%lld, anomalies=%lld, incidents=%zu, actions=%zu\n",
                        side == 0 ? "A" : "B", runs[side].label.c_str(), static_cast<long long>(reader.stats().records),
                        static_cast<long long>(reader.stats().malformed),
                        static_cast<long long>(runs[side].anomalyCount), runs[side].incidents.size(),
                        runs[side].actions.size());
    }
    const vigil::RunDiff diff = vigil::compareRuns(runs[0], runs[1]);
    if (o.json)
        std::printf("%s", QJsonDocument(vigil::app::whatIfJson(diff)).toJson(QJsonDocument::Indented).constData());
    else std::printf("%s", qPrintable(vigil::app::whatIfText(diff)));
    std::fflush(stdout);

    if (!o.report.isEmpty()) {
        vigil::IncidentReport rep = replayReport(o, input, runs[0]);
        rep.title = "What-if replay of " + rep.source;
        rep.whatIf = diff;
        QString error;
        if (!writeReport(rep, o.report, error)) return usageError(error);
    }
    return kOk;
}

}  // namespace vigilctl
