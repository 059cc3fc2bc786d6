// vigilctl logbench --data DIR [--min-ga X] [--cv] [--errors N]
// Grouping accuracy of the log template miner on every Loghub
// <System>_2k.log_structured.csv under DIR (Content parsed, EventId as truth), one
// configuration for all systems. Prints a per-system table and the average; exit 1
// when the average (held-out with --cv) is below --min-ga, 2 on unreadable input
// (file:line on stderr).
// --grid (with --cv): every setting's GA on every system.
// --cv: leave-one-system-out. For each system the miner's tunable settings
// (LogMinerGrid.h) are chosen on the other systems and scored on it; the table shows
// that held-out GA beside the in-sample one (the setting best on all systems).
// --errors N: after the table, the N largest wrongly grouped truth events per system
// and the templates their lines went to (failure analysis).
#include "vigilctl/Commands.h"

#include "detect/logs/LeaveOneOut.h"
#include "detect/logs/LogMinerGrid.h"
#include "detect/logs/LoghubSample.h"

#include <QCommandLineParser>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>

namespace vigilctl {

namespace {

struct System {
    QString name;
    vigil::logs::LoghubSample sample;
};

// Truth events whose lines are not exactly one parsed group, largest first, with the
// parsed groups they went to (and how many foreign lines those groups hold).
void printErrors(const System& s, const vigil::logs::LogMinerConfig& cfg, std::size_t limit) {
    vigil::logs::LogTemplateMiner miner(cfg);
    std::vector<std::uint64_t> ids;
    for (const std::string& m : s.sample.content) ids.push_back(miner.add(m).id);
    for (auto& id : ids) id = miner.resolve(id);
    std::map<std::string, std::map<std::uint64_t, std::size_t>> byTruth;
    std::map<std::uint64_t, std::size_t> groupSize;
    std::map<std::string, std::size_t> firstLine;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ++byTruth[s.sample.eventId[i]][ids[i]];
        ++groupSize[ids[i]];
        firstLine.try_emplace(s.sample.eventId[i], i);
    }
    std::vector<std::pair<std::size_t, std::string>> wrong;
    for (const auto& [truth, groups] : byTruth) {
        std::size_t lines = 0;
        for (const auto& [g, n] : groups) lines += n;
        const bool right = groups.size() == 1 && groupSize[groups.begin()->first] == lines;
        if (!right) wrong.emplace_back(lines, truth);
    }
    std::sort(wrong.begin(), wrong.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::printf("\n%s: %zu truth events wrongly grouped\n", qPrintable(s.name), wrong.size());
    for (std::size_t k = 0; k < wrong.size() && k < limit; ++k) {
        const auto& [lines, truth] = wrong[k];
        std::printf("  %s (%zu lines), e.g. \"%s\"\n", truth.c_str(), lines,
                    s.sample.content[firstLine[truth]].c_str());
        for (const auto& [g, n] : byTruth[truth])
            std::printf("    %4zu in group of %4zu: %s\n", n, groupSize[g], miner.templateText(g).c_str());
    }
}

}  // namespace

int cmdLogbench(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Grouping accuracy of the log template miner on Loghub samples."));
    p.addHelpOption();
    p.addOption({QStringLiteral("data"), QStringLiteral("folder searched for <System>_2k.log_structured.csv"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("min-ga"),
                 QStringLiteral("fail (exit 1) when the average GA (held-out with --cv) is below X"),
                 QStringLiteral("X")});
    p.addOption({QStringLiteral("cv"), QStringLiteral("leave-one-system-out: settings chosen on the other systems")});
    p.addOption({QStringLiteral("grid"), QStringLiteral("with --cv: print every setting's GA per system")});
    p.addOption({QStringLiteral("errors"), QStringLiteral("list the N largest wrongly grouped events per system"),
                 QStringLiteral("N")});
    if (auto rc = parseArguments(p, args, "logbench")) return *rc;
    if (!p.isSet(QStringLiteral("data"))) return usageError(QStringLiteral("logbench: --data DIR is required"));
    double minGa = -1.0;
    if (p.isSet(QStringLiteral("min-ga"))) {
        bool ok = false;
        minGa = p.value(QStringLiteral("min-ga")).toDouble(&ok);
        if (!ok || minGa < 0.0 || minGa > 1.0)
            return usageError(QStringLiteral("logbench: --min-ga must be in [0, 1]"));
    }
    std::size_t errorLimit = 0;
    if (p.isSet(QStringLiteral("errors"))) {
        bool ok = false;
        errorLimit = p.value(QStringLiteral("errors")).toUInt(&ok);
        if (!ok) return usageError(QStringLiteral("logbench: --errors must be a count"));
    }
    const bool cv = p.isSet(QStringLiteral("cv"));
    const QString dir = p.value(QStringLiteral("data"));
    std::set<QString> files;  // sorted: a stable table
    QDirIterator it(dir, {QStringLiteral("*_2k.log_structured.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files.insert(it.next());
    if (files.empty()) return usageError(QStringLiteral("logbench: %1:0: no *_2k.log_structured.csv found").arg(dir));
    if (cv && files.size() < 2)
        return usageError(QStringLiteral("logbench: --cv needs at least two systems under %1").arg(dir));

    std::vector<System> systems;
    for (const QString& f : files) {
        System s;
        std::string error;
        if (!vigil::logs::loadLoghubSample(f.toStdString(), s.sample, error))
            return usageError(QStringLiteral("logbench: ") + QString::fromStdString(error));
        s.name = QFileInfo(f).fileName();
        s.name.chop(static_cast<int>(std::strlen("_2k.log_structured.csv")));
        systems.push_back(std::move(s));
    }

    std::size_t lines = 0;
    for (const System& s : systems) lines += s.sample.content.size();
    double avg = 0.0;
    if (!cv) {
        const vigil::logs::LogMinerConfig cfg;
        std::printf("%-14s %7s %7s %9s %8s\n", "system", "lines", "truth", "templates", "GA");
        double seconds = 0.0;
        for (const System& s : systems) {
            std::size_t templates = 0;
            const auto t0 = std::chrono::steady_clock::now();
            const auto ids = vigil::logs::mineGroups(s.sample.content, cfg, &templates);
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const double ga = vigil::logs::groupingAccuracy(ids, s.sample.eventId);
            const std::unordered_set<std::string> truth(s.sample.eventId.begin(), s.sample.eventId.end());
            std::printf("%-14s %7zu %7zu %9zu %8.4f\n", qPrintable(s.name), s.sample.content.size(), truth.size(),
                        templates, ga);
            avg += ga;
        }
        avg /= static_cast<double>(systems.size());
        std::printf("%-14s %7zu %7s %9s %8.4f\n", "average", lines, "", "", avg);
        std::printf("(%zu systems, one configuration; %.0f lines/s including miner start-up)\n", systems.size(),
                    seconds > 0 ? static_cast<double>(lines) / seconds : 0.0);
        for (const System& s : systems)
            if (errorLimit) printErrors(s, cfg, errorLimit);
    } else {
        const auto grid = vigil::logs::logMinerGrid();
        std::vector<std::vector<double>> score(grid.size());
        for (std::size_t c = 0; c < grid.size(); ++c)
            for (const System& s : systems)
                score[c].push_back(vigil::logs::groupingAccuracy(vigil::logs::mineGroups(s.sample.content, grid[c]),
                                                                 s.sample.eventId));
        const auto choice = vigil::logs::chooseLeaveOneOut(score);
        if (p.isSet(QStringLiteral("grid"))) {
            std::printf("%-38s", "setting");
            for (const System& s : systems) std::printf(" %7.7s", qPrintable(s.name));
            std::printf(" %7s\n", "mean");
            for (std::size_t c = 0; c < grid.size(); ++c) {
                double m = 0.0;
                std::printf("%-38s", vigil::logs::describe(grid[c]).c_str());
                for (double v : score[c]) {
                    std::printf(" %7.4f", v);
                    m += v;
                }
                std::printf(" %7.4f\n", m / static_cast<double>(score[c].size()));
            }
            std::printf("\n");
        }
        std::printf("%-14s %9s %9s  %s\n", "held out", "in-sample", "held-out", "setting chosen on the other systems");
        for (std::size_t g = 0; g < systems.size(); ++g)
            std::printf("%-14s %9.4f %9.4f  %s\n", qPrintable(systems[g].name), choice.inSampleScore[g],
                        choice.heldOutScore[g], vigil::logs::describe(grid[choice.heldOut[g]]).c_str());
        std::printf("%-14s %9.4f %9.4f\n", "average", choice.inSampleMean, choice.heldOutMean);
        std::printf("(%zu settings tried; in-sample = %s, best on all %zu systems; defaults = %s: %s)\n", grid.size(),
                    vigil::logs::describe(grid[choice.inSample]).c_str(), systems.size(),
                    vigil::logs::describe(grid[0]).c_str(), [&] {
                        double m = 0.0;
                        for (double v : score[0]) m += v;
                        static char buf[32];
                        std::snprintf(buf, sizeof buf, "%.4f", m / static_cast<double>(score[0].size()));
                        return buf;
                    }());
        avg = choice.heldOutMean;
        for (std::size_t g = 0; g < systems.size(); ++g)
            if (errorLimit) printErrors(systems[g], grid[choice.heldOut[g]], errorLimit);
    }
    if (minGa >= 0.0 && avg < minGa) {
        std::fprintf(stderr, "vigilctl: logbench: average GA %.4f is below %.4f\n", avg, minGa);
        return kFailed;
    }
    return kOk;
}

}  // namespace vigilctl
