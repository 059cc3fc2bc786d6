// vigilctl replay LOG [--db DB] [--speed max|X] [--report OUT]
// Feeds a recorded log through the engine (and into a database) and prints a
// one-line summary: records per kind, malformed lines, outputs.
#include "vigilctl/Commands.h"

#include "engine/Pipeline.h"
#include "replay/LogFileReader.h"

#include <QCommandLineParser>

#include <cstdio>

namespace vigilctl {

int cmdReplay(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Feed a recorded NDJSON log through the engine."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("LOG"), QStringLiteral("NDJSON record log (.ndjson or .ndjson.gz)"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database to write"), QStringLiteral("DB")});
    if (!p.parse(args)) return usageError(QStringLiteral("replay: ") + p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return kOk;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) return usageError(QStringLiteral("replay: expected exactly one LOG argument"));

    vigil::LogFileReader reader;
    if (!reader.open(pos[0].toStdString())) return usageError(QString::fromStdString(reader.error()));

    vigil::VirtualClock clock;  // engine time follows the records
    vigil::Engine engine(clock);
    vigil::installDefaultStages(engine);
    engine.start();
    for (;;) {
        std::vector<vigil::Record> batch;
        batch.reserve(4096);
        const bool more = reader.readBatch(batch, 4096);
        engine.submit(std::move(batch));
        if (!more) break;
    }
    if (!reader.error().empty()) return usageError(QString::fromStdString(reader.error()));
    auto snap = engine.snapshotNow();
    engine.stop();

    const auto& st = reader.stats();
    for (const auto& e : st.errors)
        std::fprintf(stderr, "%s:%lld: %s\n", reader.path().c_str(), static_cast<long long>(e.line), e.reason.c_str());
    std::printf("replayed %s: %lld records", reader.path().c_str(), static_cast<long long>(st.records));
    for (int k = 0; k < vigil::kRecordKindCount; ++k)
        if (st.perKind[k])
            std::printf(" %s=%lld", std::string(vigil::kindName(static_cast<vigil::RecordKind>(k))).c_str(),
                        static_cast<long long>(st.perKind[k]));
    std::printf(", malformed=%lld, anomalies=%lld, incidents=%zu\n", static_cast<long long>(st.malformed),
                static_cast<long long>(snap->counters.outputsPerKind[static_cast<int>(vigil::RecordKind::Anomaly)]),
                snap->incidents.size());
    return kOk;
}

}  // namespace vigilctl
