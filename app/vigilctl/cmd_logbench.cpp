// vigilctl logbench --data DIR [--min-ga X]
// Grouping accuracy of the log template miner on every Loghub
// <System>_2k.log_structured.csv under DIR (Content parsed, EventId as truth), one
// configuration for all systems. Prints a per-system table and the average; exit 1
// when the average is below --min-ga, 2 on unreadable input (file:line on stderr).
#include "vigilctl/Commands.h"

#include "detect/logs/LoghubSample.h"

#include <QCommandLineParser>
#include <QDirIterator>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_set>

namespace vigilctl {

int cmdLogbench(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Grouping accuracy of the log template miner on Loghub samples."));
    p.addHelpOption();
    p.addOption({QStringLiteral("data"), QStringLiteral("folder searched for <System>_2k.log_structured.csv"), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("min-ga"), QStringLiteral("fail (exit 1) when the average GA is below X"), QStringLiteral("X")});
    if (auto rc = parseArguments(p, args, "logbench")) return *rc;
    if (!p.isSet(QStringLiteral("data"))) return usageError(QStringLiteral("logbench: --data DIR is required"));
    double minGa = -1.0;
    if (p.isSet(QStringLiteral("min-ga"))) {
        bool ok = false;
        minGa = p.value(QStringLiteral("min-ga")).toDouble(&ok);
        if (!ok || minGa < 0.0 || minGa > 1.0) return usageError(QStringLiteral("logbench: --min-ga must be in [0, 1]"));
    }
    const QString dir = p.value(QStringLiteral("data"));
    std::set<QString> files;  // sorted: a stable table
    QDirIterator it(dir, {QStringLiteral("*_2k.log_structured.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files.insert(it.next());
    if (files.empty())
        return usageError(QStringLiteral("logbench: %1:0: no *_2k.log_structured.csv found").arg(dir));

    const vigil::logs::LogMinerConfig cfg;
    std::printf("%-14s %7s %7s %9s %8s\n", "system", "lines", "truth", "templates", "GA");
    double sum = 0.0;
    std::size_t lines = 0;
    double seconds = 0.0;
    for (const QString& f : files) {
        vigil::logs::LoghubSample sample;
        std::string error;
        if (!vigil::logs::loadLoghubSample(f.toStdString(), sample, error))
            return usageError(QStringLiteral("logbench: ") + QString::fromStdString(error));
        std::size_t templates = 0;
        const auto t0 = std::chrono::steady_clock::now();
        const auto ids = vigil::logs::mineGroups(sample.content, cfg, &templates);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double ga = vigil::logs::groupingAccuracy(ids, sample.eventId);
        const std::unordered_set<std::string> truth(sample.eventId.begin(), sample.eventId.end());
        QString system = QFileInfo(f).fileName();
        system.chop(static_cast<int>(std::strlen("_2k.log_structured.csv")));
        std::printf("%-14s %7zu %7zu %9zu %8.4f\n", qPrintable(system), sample.content.size(), truth.size(),
                    templates, ga);
        sum += ga;
        lines += sample.content.size();
    }
    const double avg = sum / static_cast<double>(files.size());
    std::printf("%-14s %7zu %7s %9s %8.4f\n", "average", lines, "", "", avg);
    std::printf("(%zu systems, one configuration; %.0f lines/s including miner start-up)\n", files.size(),
                seconds > 0 ? static_cast<double>(lines) / seconds : 0.0);
    if (minGa >= 0.0 && avg < minGa) {
        std::fprintf(stderr, "vigilctl: logbench: average GA %.4f is below %.4f\n", avg, minGa);
        return kFailed;
    }
    return kOk;
}

}  // namespace vigilctl
