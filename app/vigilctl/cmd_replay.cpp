// vigilctl replay LOG [--db DB] [--speed max|X] [--report OUT.json]
// Feeds a recorded log through the engine (and into a database) and prints a
// one-line summary: records per kind, malformed lines, what the engine produced.
// Into a database a replay is an import: all or nothing (one transaction,
// committed only when the whole file was read cleanly), recorded with the
// file's SHA-256 so the same file is not imported twice, and only while no
// other engine records into that database (docs/storage.md, "Imports").
#include "vigilctl/Commands.h"
#include "vigilctl/ReplayReport.h"

#include "engine/Pipeline.h"
#include "replay/FileFingerprint.h"
#include "replay/LogFileReader.h"
#include "store/EngineLock.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace vigilctl {
namespace {
constexpr std::size_t kErrorsListed = 20;

std::atomic<int> g_signal{0};
void onSignal(int sig) { g_signal = sig; }

// Null when this file's bytes were never imported into the database, else why
// the import is refused (one line naming the earlier import).
std::string alreadyImported(const std::string& db, const std::string& log, const std::string& sha256) {
    auto reader = vigil::store::StoreReader::open(db);
    if (!reader) return reader.error();
    auto found = reader.value()->importWithHash(sha256);
    if (!found) return found.error();
    if (!found->has_value()) return {};
    const auto& e = **found;
    return log + ": already imported into " + db + " as import " + std::to_string(e.id) + " (" + e.path + ", " +
           std::to_string(e.records) + " records, " +
           QDateTime::fromMSecsSinceEpoch(e.importedAtMs, Qt::UTC).toString(Qt::ISODate).toStdString() +
           ", sha256 " + sha256.substr(0, 16) + "...); nothing written (replay without --db to study it again)";
}
}  // namespace

int cmdReplay(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Feed a recorded NDJSON log through the engine."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("LOG"), QStringLiteral("NDJSON record log (.ndjson or .ndjson.gz)"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database to write"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("'max' (default) or a multiple of recorded time"), QStringLiteral("max|X"), QStringLiteral("max")});
    p.addOption({QStringLiteral("report"), QStringLiteral("Write the incidents as JSON (byte-identical for the same log)"), QStringLiteral("OUT.json")});
    if (!p.parse(args)) return usageError(QStringLiteral("replay: ") + p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return kOk;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) return usageError(QStringLiteral("replay: expected exactly one LOG argument"));
    double speed = 0;  // 0 = as fast as possible
    if (p.value(QStringLiteral("speed")) != QLatin1String("max")) {
        bool ok = false;
        speed = p.value(QStringLiteral("speed")).toDouble(&ok);
        if (!ok || speed <= 0) return usageError(QStringLiteral("replay: --speed must be 'max' or a positive number"));
    }

    vigil::LogFileReader reader;
    if (!reader.open(pos[0].toStdString())) return usageError(QString::fromStdString(reader.error()));

    std::unique_ptr<vigil::store::StoreWriter> writer;
    vigil::store::EngineLock lock;
    vigil::FileFingerprint fingerprint;
    if (p.isSet(QStringLiteral("db"))) {
        const std::string db = p.value(QStringLiteral("db")).toStdString();
        auto locked = vigil::store::EngineLock::acquire(db);
        if (!locked) return usageError(QString::fromStdString(locked.error()));
        lock = std::move(locked.value());
        std::string why;
        if (!vigil::fingerprintFile(reader.path(), fingerprint, why)) return usageError(QString::fromStdString(why));
        vigil::store::StoreWriterOptions wopts;
        wopts.singleTransaction = true;
        auto opened = vigil::store::StoreWriter::open(db, wopts);
        if (!opened) return usageError(QString::fromStdString(opened.error()));
        writer = std::move(opened.value());
        if (why = alreadyImported(db, reader.path(), fingerprint.sha256); !why.empty())
            return usageError(QString::fromStdString(why));
        std::printf("importing %s into %s (committed only when the whole file is read)\n", reader.path().c_str(), db.c_str());
        std::fflush(stdout);
    }
    // A signal stops the replay between batches; an import is then rolled back.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    vigil::VirtualClock clock;  // engine time follows the records
    vigil::Engine engine(clock);
    vigil::installDefaultStages(engine);
    ReplayReport report;
    engine.addSink([&](const std::vector<vigil::Record>& in, const std::vector<vigil::Record>& out) {
        report.add(out);
        if (writer) {
            writer->append(in);
            if (!out.empty()) writer->append(out);
        }
    });
    engine.start();
    const auto wall0 = std::chrono::steady_clock::now();
    vigil::TimestampMs firstTs = -1;
    for (;;) {
        std::vector<vigil::Record> batch;
        batch.reserve(speed > 0 ? 256 : 4096);
        const bool more = reader.readBatch(batch, speed > 0 ? 256 : 4096);
        if (speed > 0 && !batch.empty()) {  // pace by recorded time
            const vigil::TimestampMs ts = vigil::timestampOf(batch.front());
            if (firstTs < 0) firstTs = ts;
            std::this_thread::sleep_until(wall0 + std::chrono::duration<double, std::milli>(double(ts - firstTs) / speed));
        }
        engine.submit(std::move(batch));
        if (!more || g_signal) break;
    }
    auto snap = engine.snapshotNow();
    engine.stop();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    // Anything short of a whole, clean read leaves the database as it was.
    const bool complete = !g_signal && reader.error().empty() && reader.stats().records > 0;
    vigil::store::Status committed;
    if (writer && complete) {
        vigil::store::ImportEntry entry;
        entry.sha256 = fingerprint.sha256;
        entry.path = reader.path();
        entry.bytes = fingerprint.bytes;
        entry.modifiedMs = fingerprint.modifiedMs;
        entry.records = reader.stats().records;
        entry.importedAtMs = QDateTime::currentMSecsSinceEpoch();
        entry.importedBy = "vigil " VIGIL_VERSION;
        committed = writer->commitImport(entry);
    } else if (writer) {
        writer->close();  // rolls the import back
        std::fprintf(stderr, "vigilctl: %s: nothing imported, the database is as it was\n", writer->path().c_str());
    }
    if (g_signal) {
        std::fprintf(stderr, "vigilctl: replay of %s interrupted by signal %d after %lld records\n", reader.path().c_str(),
                     int(g_signal), static_cast<long long>(reader.stats().records));
        return kFailed;
    }

    const auto& st = reader.stats();
    // The first few errors say what is wrong; a thousand more lines of the same
    // would bury the summary, so the rest is a count.
    for (std::size_t i = 0; i < st.errors.size() && i < kErrorsListed; ++i)
        std::fprintf(stderr, "%s:%lld: %s\n", reader.path().c_str(), static_cast<long long>(st.errors[i].line),
                     st.errors[i].reason.c_str());
    if (st.malformed > std::int64_t(kErrorsListed))
        std::fprintf(stderr, "%s: %lld malformed lines in all, the first %zu listed\n", reader.path().c_str(),
                     static_cast<long long>(st.malformed), kErrorsListed);
    if (!reader.error().empty()) return usageError(QString::fromStdString(reader.error()));
    if (st.records == 0)
        return usageError(QString::fromStdString(reader.path() + ": no valid record (" + std::to_string(st.malformed) +
                                                 " malformed lines)"));

    std::printf("replayed %s: %lld records", reader.path().c_str(), static_cast<long long>(st.records));
    for (int k = 0; k < vigil::kRecordKindCount; ++k)
        if (st.perKind[k])
            std::printf(" %s=%lld", std::string(vigil::kindName(static_cast<vigil::RecordKind>(k))).c_str(),
                        static_cast<long long>(st.perKind[k]));
    std::printf(", malformed=%lld, rejected=%lld, anomalies=%lld, incidents=%zu", static_cast<long long>(st.malformed),
                static_cast<long long>(snap->counters.rejected),
                static_cast<long long>(snap->counters.outputsPerKind[static_cast<int>(vigil::RecordKind::Anomaly)]),
                snap->incidents.size());
    std::printf(" in %.2f s (%.0f records/s)\n", seconds, seconds > 0 ? double(st.records) / seconds : 0.0);

    int rc = kOk;
    if (writer) {
        const auto ws = writer->stats();
        for (const auto& e : ws.errors) std::fprintf(stderr, "vigilctl: %s\n", e.c_str());
        if (committed.ok())
            std::printf("stored %lld rows in %s\n", static_cast<long long>(ws.recordsWritten()), writer->path().c_str());
        else
            std::fprintf(stderr, "vigilctl: %s\n", committed.error().c_str());
        if (ws.rowsFailed || !committed.ok()) rc = kFailed;
    }
    if (p.isSet(QStringLiteral("report"))) {
        QString error;
        if (!report.write(p.value(QStringLiteral("report")), pos[0], st, error)) return usageError(error);
    }
    return rc;
}

}  // namespace vigilctl
