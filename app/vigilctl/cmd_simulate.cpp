// vigilctl simulate --scenario NAME --duration SECONDS --seed N --out LOG.ndjson[.gz]
// Records the demo fleet on virtual time (as fast as possible) and writes the
// ground-truth labels beside the log (LOG.labels.json).
// With --connect HOST:PORT --token-file F [--speed X] instead of --out, sends the
// fleet, paced on the wall clock, to a running Vigil's TCP ingest (SimulateConnect.cpp).
#include "vigilctl/Commands.h"
#include "vigilctl/SimulateConnect.h"

#include "record/NdjsonCodec.h"
#include "sim/FleetSimulator.h"

#include <QCommandLineParser>

#include "replay/LogFileWriter.h"

#include <array>
#include <cstdio>
#include <fstream>

namespace vigilctl {
namespace {

QString scenarioList() {
    QStringList names;
    for (const auto& n : vigil::scenarioNames()) names << QString::fromStdString(n);
    return names.join(QStringLiteral(", "));
}

}  // namespace

int cmdSimulate(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Generate a demo-fleet recording (NDJSON) and its fault labels."));
    parser.addHelpOption();
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QStringLiteral("Scenario: %1.").arg(scenarioList()),
                                         QStringLiteral("NAME"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), QStringLiteral("Simulated seconds."), QStringLiteral("SECONDS"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed (unsigned integer)."), QStringLiteral("N"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("Output log; .gz for gzip. Labels go to <out minus .ndjson[.gz]>.labels.json."),
                                    QStringLiteral("LOG.ndjson"));
    const QCommandLineOption connectOpt(QStringLiteral("connect"), QStringLiteral("Send to a running Vigil's TCP ingest instead of --out."),
                                        QStringLiteral("HOST:PORT"));
    const QCommandLineOption tokenOpt(QStringLiteral("token-file"), QStringLiteral("Ingest token file (with --connect)."), QStringLiteral("F"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), QStringLiteral("Simulated seconds per wall second (with --connect, default 1)."),
                                      QStringLiteral("X"), QStringLiteral("1"));
    parser.addOptions({scenarioOpt, durationOpt, seedOpt, outOpt, connectOpt, tokenOpt, speedOpt});
    if (auto rc = parseArguments(parser, args, "simulate")) return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("simulate: unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const bool connect = parser.isSet(connectOpt);
    if (connect && parser.isSet(outOpt)) return usageError(QStringLiteral("simulate: give either --out or --connect"));
    if (connect && !parser.isSet(tokenOpt)) return usageError(QStringLiteral("simulate: --connect needs --token-file"));
    if (!connect && (parser.isSet(tokenOpt) || parser.isSet(speedOpt)))
        return usageError(QStringLiteral("simulate: --token-file and --speed go with --connect"));
    for (const auto* opt : {&scenarioOpt, &durationOpt, &seedOpt, connect ? &connectOpt : &outOpt})
        if (!parser.isSet(*opt)) return usageError(QStringLiteral("simulate: --%1 is required").arg(opt->names().first()));

    vigil::ScenarioSpec spec;
    spec.name = parser.value(scenarioOpt).toStdString();
    bool ok = false;
    spec.durationS = parser.value(durationOpt).toLongLong(&ok);
    if (!ok) return usageError(QStringLiteral("simulate: --duration '%1' is not a whole number of seconds").arg(parser.value(durationOpt)));
    const std::uint64_t seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok) return usageError(QStringLiteral("simulate: --seed '%1' is not an unsigned integer").arg(parser.value(seedOpt)));
    if (const std::string error = vigil::validateScenario(spec); !error.empty()) {
        QString reason = QString::fromStdString(error);
        if (vigil::isScenario(spec.name)) reason = QStringLiteral("--duration: ") + reason;
        else reason = QStringLiteral("--scenario: unknown scenario '%1' (valid: %2)").arg(parser.value(scenarioOpt), scenarioList());
        return usageError(QStringLiteral("simulate: ") + reason);
    }
    if (connect) {
        const double speed = parser.value(speedOpt).toDouble(&ok);
        if (!ok || !(speed >= 0.01 && speed <= 1e6))
            return usageError(QStringLiteral("simulate: --speed '%1' must be a number from 0.01 to 1000000").arg(parser.value(speedOpt)));
        return simulateConnect(spec, seed, parser.value(connectOpt), parser.value(tokenOpt), speed);
    }
    const std::string outPath = parser.value(outOpt).toStdString();
    const std::string labelsPath = vigil::labelsPathFor(outPath);

    vigil::LogFileWriter out;
    std::string why;
    if (!out.open(outPath, why)) return usageError(QStringLiteral("simulate: cannot write '%1'").arg(parser.value(outOpt)));

    vigil::FleetSimulator sim(spec, seed);
    std::array<std::int64_t, vigil::kRecordKindCount> perKind{};
    std::int64_t total = 0;
    std::vector<vigil::Record> batch;
    std::string text;
    // One simulated minute at a time keeps memory flat for long recordings.
    for (vigil::TimestampMs t = sim.start(); t < sim.end();) {
        t = std::min(t + 60'000, sim.end());
        batch.clear();
        text.clear();
        sim.advance(t, batch);
        for (const auto& r : batch) {
            vigil::appendNdjson(text, r);
            ++perKind[static_cast<std::size_t>(r.index())];
        }
        total += static_cast<std::int64_t>(batch.size());
        if (!out.write(text, why)) return usageError(QStringLiteral("simulate: write to '%1' failed").arg(parser.value(outOpt)));
    }
    if (!out.close(why)) return usageError(QStringLiteral("simulate: write to '%1' failed").arg(parser.value(outOpt)));

    std::ofstream labels(labelsPath, std::ios::binary | std::ios::trunc);
    labels << vigil::labelsToJson(sim.labelsFile());
    labels.close();
    if (!labels) return usageError(QStringLiteral("simulate: cannot write '%1'").arg(QString::fromStdString(labelsPath)));

    std::printf("simulate: %s seed %llu, %lld s: %lld records (metric %lld, task %lld, tx %lld, log %lld) -> %s; %zu faults -> %s\n",
                spec.name.c_str(), static_cast<unsigned long long>(seed), static_cast<long long>(spec.durationS),
                static_cast<long long>(total), static_cast<long long>(perKind[0]), static_cast<long long>(perKind[1]),
                static_cast<long long>(perKind[2]), static_cast<long long>(perKind[3]), outPath.c_str(),
                sim.labels().size(), labelsPath.c_str());
    return kOk;
}

}  // namespace vigilctl
