// vigilctl replay LOG [--db DB] [--speed max|X] [--policy P.yaml] [--setting K=V]
//                    [--report OUT.json|.html|.pdf [--incident ID]]
// vigilctl replay LOG [--policy A.yaml] --compare B.yaml [--compare-setting K=V] [--json] [--report OUT]
// Feeds a recorded log through the engine (and into a database) and prints a
// one-line summary: records per kind, malformed lines, what the engine produced.
// With a policy the planner decides actions too; in a replay they are always
// simulated (a RecordingActuator: nothing is sent). With --compare the log is
// replayed twice and the what-if difference printed (ReplayWhatIf.cpp).
// Into a database a replay is an import: all or nothing (one transaction,
// committed only when the whole file was read cleanly), recorded with the
// file's SHA-256 so the same file is not imported twice, and only while no
// other engine records into that database (docs/storage.md, "Imports").
#include "vigilctl/Commands.h"
#include "vigilctl/ReplayRun.h"
#include "vigilctl/ReportOutput.h"

#include "audit/AuditChain.h"
#include "audit/AuditSink.h"
#include "common/ReportAudit.h"
#include "common/StoreSink.h"
#include "eval/ReplaySettings.h"
#include "replay/FileFingerprint.h"
#include "replay/LogFileReader.h"
#include "store/EngineLock.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <optional>
#include <cstdio>
#include <thread>

namespace vigilctl {
namespace {
constexpr std::size_t kErrorsListed = 20;
constexpr double kMinSpeed = 0.01, kMaxSpeed = 1e6;  // multiples of recorded time

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

std::optional<int> parseReplay(const QStringList& args, ReplayOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Feed a recorded NDJSON log through the engine."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("LOG"), QStringLiteral("NDJSON record log (.ndjson or .ndjson.gz)"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database to write"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("'max' (default) or a multiple of recorded time"), QStringLiteral("max|X"), QStringLiteral("max")});
    p.addOption({QStringLiteral("report"), QStringLiteral("Write the incident report; the format from the extension (byte-identical for the same log)"), QStringLiteral("OUT.json|OUT.html|OUT.pdf")});
    p.addOption({QStringLiteral("incident"), QStringLiteral("Report only this incident"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("Plan actions under this policy (simulated, nothing is sent); 'shipped' for the built-in one"), QStringLiteral("A.yaml")});
    p.addOption({QStringLiteral("setting"), QStringLiteral("A detector setting KEY=VALUE (repeatable): ") + QString::fromStdString(vigil::replaySettingKeys()), QStringLiteral("K=V")});
    p.addOption({QStringLiteral("compare"), QStringLiteral("What-if: replay again under this policy and print the difference"), QStringLiteral("B.yaml")});
    p.addOption({QStringLiteral("compare-setting"), QStringLiteral("What-if: replay again with this setting changed (repeatable)"), QStringLiteral("K=V")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the what-if difference as JSON")});
    if (auto rc = parseArguments(p, args, "replay")) return rc;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) return usageError(QStringLiteral("replay: expected exactly one LOG argument"));
    o.log = pos[0];
    if (p.value(QStringLiteral("speed")) != QLatin1String("max")) {
        bool ok = false;
        o.speed = p.value(QStringLiteral("speed")).toDouble(&ok);
        // Written so NaN fails too; below the floor a replay would sleep for ages.
        if (!ok || !(o.speed >= kMinSpeed && o.speed <= kMaxSpeed))
            return usageError(QStringLiteral("replay: --speed '%1' must be 'max' or a number from %2 to %3")
                                  .arg(p.value(QStringLiteral("speed")))
                                  .arg(kMinSpeed)
                                  .arg(kMaxSpeed));
    }
    if (p.isSet(QStringLiteral("db"))) o.db = p.value(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("report"))) o.report = p.value(QStringLiteral("report"));
    o.incident = p.value(QStringLiteral("incident"));
    if (!o.incident.isEmpty() && o.report.isEmpty()) return usageError(QStringLiteral("replay: --incident ID names the incident to report; give --report too"));
    if (!o.report.isEmpty())
        if (auto why = reportPathProblem(o.report)) return usageError(QStringLiteral("replay: ") + *why);
    return parseWhatIf(p, o);
}

// An import into a database: the engine lock, the file's fingerprint, a writer
// in one transaction, refused when these bytes were imported before.
struct Import {
    std::unique_ptr<vigil::store::StoreWriter> writer;
    vigil::store::EngineLock lock;
    vigil::FileFingerprint fingerprint;
};

std::optional<int> openImport(const std::string& db, const vigil::LogFileReader& reader, Import& im) {
    auto locked = vigil::store::EngineLock::acquire(db);
    if (!locked) return usageError(QString::fromStdString(locked.error()));
    im.lock = std::move(locked.value());
    std::string why;
    if (!vigil::fingerprintFile(reader.path(), im.fingerprint, why)) return usageError(QString::fromStdString(why));
    vigil::store::StoreWriterOptions wopts;
    wopts.singleTransaction = true;
    auto opened = vigil::audit::openAuditedWriter(db, {}, wopts);
    if (!opened) return usageError(QString::fromStdString(opened.error()));
    im.writer = std::move(opened.value());
    if (why = alreadyImported(db, reader.path(), im.fingerprint.sha256); !why.empty())
        return usageError(QString::fromStdString(why));
    std::printf("importing %s into %s (committed only when the whole file is read)\n", reader.path().c_str(), db.c_str());
    std::fflush(stdout);
    return std::nullopt;
}

// Reads the log batch by batch into a started engine (paced by recorded time when
// speed > 0) until it ends or a signal arrives; returns the wall seconds it took.
}  // namespace

double feedLog(vigil::LogFileReader& reader, vigil::Engine& engine, double speed) {
    const auto wall0 = std::chrono::steady_clock::now();
    vigil::TimestampMs firstTs = -1;
    for (;;) {
        std::vector<vigil::Record> batch;
        batch.reserve(speed > 0 ? 256 : 4096);
        const bool more = reader.readBatch(batch, speed > 0 ? 256 : 4096);
        if (speed > 0 && !batch.empty()) {  // pace by recorded time
            const vigil::TimestampMs ts = vigil::timestampOf(batch.front());
            if (firstTs < 0) firstTs = ts;
            const auto due = wall0 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                         std::chrono::duration<double, std::milli>(double(ts - firstTs) / speed));
            while (!g_signal && std::chrono::steady_clock::now() < due)  // a signal is served within 100 ms
                std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                    due - std::chrono::steady_clock::now(), std::chrono::milliseconds(100)));
        }
        engine.submit(std::move(batch));
        if (!more || g_signal) break;
    }
    engine.drain();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
}

namespace {

// Commits the import when the whole file was read cleanly; otherwise rolls it back.
vigil::store::Status finishImport(Import& im, const vigil::LogFileReader& reader) {
    const bool complete = !g_signal && reader.error().empty() && reader.stats().records > 0;
    if (!complete) {
        im.writer->close();  // rolls the import back
        std::fprintf(stderr, "vigilctl: %s: nothing imported, the database is as it was\n", im.writer->path().c_str());
        return {};
    }
    vigil::store::ImportEntry entry;
    entry.sha256 = im.fingerprint.sha256;
    entry.path = reader.path();
    entry.bytes = im.fingerprint.bytes;
    entry.modifiedMs = im.fingerprint.modifiedMs;
    entry.records = reader.stats().records;
    entry.importedAtMs = QDateTime::currentMSecsSinceEpoch();
    entry.importedBy = "vigil " VIGIL_VERSION;
    return im.writer->commitImport(entry);
}

// Errors (the first few, then a count), the summary line, the store's figures
// and the report; the exit code.
int reportReplay(const ReplayOptions& o, const vigil::LogFileReader& reader, const vigil::Snapshot& snap, double seconds,
                 const Import& im, const vigil::store::Status& committed, const vigil::RunRecords& run) {
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
                static_cast<long long>(snap.counters.rejected),
                static_cast<long long>(snap.counters.outputsPerKind[static_cast<int>(vigil::RecordKind::Anomaly)]),
                snap.incidents.size());
    std::printf(" in %.2f s (%.0f records/s)\n", seconds, seconds > 0 ? double(st.records) / seconds : 0.0);
    // Refused records are not silent: the first reasons, then how many more.
    const auto& c = snap.counters;
    for (const auto& why : c.rejectReasons) std::fprintf(stderr, "%s: rejected %s\n", reader.path().c_str(), why.c_str());
    if (c.rejected > std::int64_t(c.rejectReasons.size()))
        std::fprintf(stderr, "%s: %lld more rejected records not listed (%lld refused for their timestamp in all)\n",
                     reader.path().c_str(), static_cast<long long>(c.rejected - std::int64_t(c.rejectReasons.size())),
                     static_cast<long long>(c.rejectedTime));

    if (c.evicted() > 0) {  // bounded state under many distinct targets: said, not silent
        std::printf("bounded state: forgot %lld least recently seen keys (", static_cast<long long>(c.evicted()));
        for (std::size_t i = 0; i < c.evictions.size(); ++i)
            std::printf("%s%s %lld", i ? ", " : "", c.evictions[i].first.c_str(), static_cast<long long>(c.evictions[i].second));
        std::printf(")\n");
    }

    int rc = kOk;
    if (im.writer) {
        const auto ws = im.writer->stats();
        for (const auto& e : ws.errors) std::fprintf(stderr, "vigilctl: %s\n", e.c_str());
        if (committed.ok())
            std::printf("stored %lld rows in %s\n", static_cast<long long>(ws.recordsWritten()), im.writer->path().c_str());
        else
            std::fprintf(stderr, "vigilctl: %s\n", committed.error().c_str());
        if (ws.rowsFailed || !committed.ok()) rc = kFailed;
    }
    if (!run.actions.empty())
        std::printf("planned %zu actions under %s (simulated: nothing sent)\n", run.actions.size(), run.label.c_str());
    if (!o.report.isEmpty()) {
        vigil::IncidentReport rep = replayReport(o, st, run);
        if (!o.incident.isEmpty() && rep.incidents.empty())
            return usageError(QStringLiteral("replay: %1: no incident '%2' in this replay").arg(o.log, o.incident));
        if (im.writer && committed.ok()) rep.audit = vigil::app::auditVerdict(im.writer->path());
        QString error;
        if (!writeReport(rep, o.report, error)) return usageError(error);
    }
    return rc;
}
}  // namespace

int cmdReplay(const QStringList& args) {
    ReplayOptions o;
    if (auto rc = parseReplay(args, o)) return *rc;
    if (o.compare) return replayWhatIf(o);

    vigil::LogFileReader reader;
    if (!reader.open(o.log.toStdString())) return usageError(QString::fromStdString(reader.error()));
    Import im;
    if (!o.db.isEmpty())
        if (auto rc = openImport(o.db.toStdString(), reader, im)) return *rc;
    // A signal stops the replay between batches; an import is then rolled back.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    ReplayEngine run(o.a);
    if (im.writer) {
        vigil::app::addStoreSink(run.engine(), *im.writer);
        run.engine().addSink(vigil::audit::auditSink(*im.writer));
    }
    run.engine().start();
    const double seconds = feedLog(reader, run.engine(), o.speed);
    const auto snap = run.engine().snapshotNow();
    run.engine().stop();
    // Anything short of a whole, clean read leaves the database as it was.
    const vigil::store::Status committed = im.writer ? finishImport(im, reader) : vigil::store::Status{};
    if (g_signal) {
        std::fprintf(stderr, "vigilctl: replay of %s interrupted by signal %d after %lld records\n", reader.path().c_str(),
                     int(g_signal), static_cast<long long>(reader.stats().records));
        return kFailed;
    }
    return reportReplay(o, reader, *snap, seconds, im, committed, run.take());
}

}  // namespace vigilctl
