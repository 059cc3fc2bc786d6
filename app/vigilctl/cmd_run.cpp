// vigilctl run --demo [--scenario NAME] [--seed N] [--speed X] [--duration SECONDS] [--db DB]
//                    [--policy FILE]
//                    [--signoff-tokens FILE [--signoff-listen ADDR:PORT] [--signoff-cert F --signoff-key F]]
// The engine live and headless: the demo fleet paced in real time, detection and
// correlation running, the fleet healed under the remediation policy (the
// shipped one unless --policy; approval requests wait in the database for
// `vigilctl approvals`), everything stored. Prints a status line every few
// seconds and a summary when it stops: after --duration, or on SIGTERM/SIGINT.
// With --signoff-tokens it also serves its approval queue to sign-off desks.
// vigilctl run --config FILE [--duration SECONDS] [--db DB]
//   the live sources of a configuration instead (RunLive.cpp), watched, not healed.
#include "vigilctl/Commands.h"
#include "vigilctl/RunLive.h"

#include "audit/AuditChain.h"
#include "common/DefaultPaths.h"
#include "common/DemoHealing.h"
#include "common/LearnedModelFollower.h"
#include "common/LiveEngineOptions.h"
#include "common/ShippedPolicy.h"
#include "common/SignoffOptions.h"
#include "common/SilenceWiring.h"
#include "correlate/IncidentCorrelator.h"
#include "engine/AgentHealth.h"
#include "engine/Pipeline.h"
#include "sim/DemoFeed.h"
#include "store/EngineLock.h"
#include "store/StoreWriter.h"

#include <QCommandLineParser>

#include <array>
#include <optional>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace vigilctl {
namespace {
std::atomic<int> g_signal{0};
void onSignal(int sig) { g_signal = sig; }
constexpr double kMaxDurationS = 366.0 * 24 * 3600;  // a year: beyond it a typo, not a plan

// "9 healthy, 2 degraded, 1 failing, 0 silent, 2 retired": the engine's judgement, as the console shows it.
std::string agentHealthSummary(const std::vector<vigil::AgentStatus>& agents) {
    std::array<int, vigil::kAgentHealthCount> n{};
    for (const auto& a : agents) ++n[static_cast<int>(a.health)];
    std::string out;
    for (int h = 0; h < vigil::kAgentHealthCount; ++h) {
        if (h) out += ", ";
        out += std::to_string(n[h]) + ' ' + std::string(vigil::healthName(static_cast<vigil::AgentHealth>(h)));
    }
    return out;
}

struct RunOptions {
    vigil::ScenarioSpec spec;
    qulonglong seed = 1;
    double speed = 1;
    double duration = -1;  // wall seconds; -1: until a signal
    QString db;
    vigil::remedy::Policy policy;
    std::optional<vigil::signoff::SignoffServiceOptions> signoff;
    QString config;  // run --config: the live sources instead of the demo fleet
};

std::optional<int> parseRun(const QStringList& args, RunOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Run the engine live, headless."));
    p.addHelpOption();
    p.addOption({QStringLiteral("demo"), QStringLiteral("Feed the engine from the built-in demo fleet")});
    p.addOption({QStringLiteral("scenario"), QStringLiteral("Demo scenario (default cascade, repeating)"), QStringLiteral("NAME"), QStringLiteral("cascade")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Demo seed"), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("speed"), QStringLiteral("Simulated seconds per wall second"), QStringLiteral("X"), QStringLiteral("1")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("Stop after SECONDS of wall time (default: until Ctrl+C)"), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database (default: the XDG data location)"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("Remediation policy (default: the shipped resources/policy.yaml)"), QStringLiteral("FILE")});
    const vigil::app::SignoffOptionNames signoff;
    signoff.addTo(p);
    p.addOption({QStringLiteral("config"), QStringLiteral("Run the live sources of a configuration (docs/configuration.md)"), QStringLiteral("FILE")});
    if (auto rc = parseArguments(p, args, "run")) return rc;
    if (p.isSet(QStringLiteral("demo")) == p.isSet(QStringLiteral("config")))
        return usageError(QStringLiteral("run: give either --demo or --config FILE"));
    if (p.isSet(QStringLiteral("config")))
        for (const char* demoOnly : {"scenario", "seed", "speed", "policy", "signoff-tokens"})
            if (p.isSet(QString::fromLatin1(demoOnly)))
                return usageError(QStringLiteral("run: --%1 is for --demo only").arg(QString::fromLatin1(demoOnly)));
    o.config = p.value(QStringLiteral("config"));

    bool ok = true;
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) return usageError(QStringLiteral("run: --seed must be a non-negative integer"));
    // toDouble() takes "nan" and "inf": the range checks below are written so NaN fails them.
    o.speed = p.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || !(o.speed >= vigil::DemoFeed::kMinSpeed && o.speed <= vigil::DemoFeed::kMaxSpeed))
        return usageError(QStringLiteral("run: --speed '%1' must be a number from %2 to %3")
                              .arg(p.value(QStringLiteral("speed")))
                              .arg(vigil::DemoFeed::kMinSpeed)
                              .arg(vigil::DemoFeed::kMaxSpeed));
    if (p.isSet(QStringLiteral("duration"))) {
        o.duration = p.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || !(o.duration > 0 && o.duration <= kMaxDurationS))
            return usageError(QStringLiteral("run: --duration '%1' must be a number of seconds above 0 and at most %2")
                                  .arg(p.value(QStringLiteral("duration")))
                                  .arg(kMaxDurationS, 0, 'f', 0));
    }
    o.spec.name = p.value(QStringLiteral("scenario")).toStdString();
    o.spec.durationS = 3600;
    o.spec.repeat = true;
    if (auto why = vigil::validateScenario(o.spec); !why.empty())
        return usageError(QStringLiteral("run: ") + QString::fromStdString(why));
    o.db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : vigil::app::defaultDatabasePath();
    std::string error;
    if (!vigil::app::loadPolicy(p.value(QStringLiteral("policy")).toStdString(), o.policy, error))
        return usageError(QStringLiteral("run: --policy: ") + QString::fromStdString(error));
    QString why;
    if (!signoff.read(p, o.signoff, why)) return usageError(QStringLiteral("run: ") + why);
    if (o.signoff) o.signoff->dbPath = o.db.toStdString();
    return std::nullopt;
}

struct RunOutcome {
    std::shared_ptr<const vigil::Snapshot> last;
    double elapsed = 0;       // wall seconds
    std::int64_t submitted = 0;
    double simulatedS = 0;
};

// Status line every 5 s until --duration or a signal; producers stop first, then
// the engine (it drains).
RunOutcome runDemo(const RunOptions& o, vigil::Engine& engine, vigil::app::DemoHealing& healing,
                   const vigil::app::LearnedModelFollower& learned, const vigil::Clock& systemClock) {
    const vigil::TimestampMs simStart = systemClock.now();
    vigil::DemoFeed feed(o.spec, o.seed, simStart, [&engine](std::vector<vigil::Record> b) { return engine.submit(std::move(b)); },
                         vigil::DemoFeed::Options{o.speed, std::chrono::milliseconds(100)});
    feed.start();
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    std::printf("vigil: demo fleet '%s' (seed %llu) → %s\n", o.spec.name.c_str(), o.seed, qPrintable(o.db));
    const auto t0 = std::chrono::steady_clock::now();
    auto lastPrint = t0;
    std::int64_t lastCount = 0;
    std::int64_t modelsSaid = 0;
    while (!g_signal) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        healing.step(feed, engine);  // fixes between feed steps, approvals, expiries
        if (const auto n = learned.handOvers(); n != modelsSaid) {  // vigilctl learn, from any process
            modelsSaid = n;
            std::printf("vigil: learned model in force: %s\n", vigil::app::describeModel(learned.model()).c_str());
            std::fflush(stdout);
        }
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - t0).count();
        if (now - lastPrint >= std::chrono::seconds(5) || (o.duration > 0 && elapsed >= o.duration)) {
            engine.requestSnapshot();
            const std::int64_t n = engine.recordsProcessed();
            const double rate = double(n - lastCount) / std::chrono::duration<double>(now - lastPrint).count();
            std::int64_t incidents = 0, anomalies = 0;
            std::string health;
            if (auto s = engine.latestSnapshot()) {
                incidents = std::int64_t(s->incidents.size());
                anomalies = s->counters.outputsPerKind[int(vigil::RecordKind::Anomaly)];
                health = agentHealthSummary(s->agents);
            }
            std::printf("t=%5.0fs records=%lld (%.0f/s) queue=%zu/%zu anomalies=%lld incidents=%lld agents: %s\n", elapsed,
                        static_cast<long long>(n), rate, engine.queueDepth(), engine.queueCapacity(),
                        static_cast<long long>(anomalies), static_cast<long long>(incidents), health.c_str());
            std::fflush(stdout);
            lastPrint = now;
            lastCount = n;
        }
        if (o.duration > 0 && elapsed >= o.duration) break;
    }
    feed.stop();
    RunOutcome r;
    r.last = engine.snapshotNow();
    engine.stop();
    r.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.submitted = feed.recordsSubmitted();
    r.simulatedS = double(feed.simTime() - simStart) / 1000.0;
    return r;
}

// `correlator` is read after the engine stopped (runDemo): its counters are the engine
// thread's no longer.
int reportRun(const RunOptions& o, const RunOutcome& r, const vigil::app::DemoHealing& healing,
              const vigil::IncidentCorrelator& correlator, const vigil::store::StoreWriter& writer) {
    const int sig = g_signal;
    const auto& snap = *r.last;
    std::printf("stopped after %.1f s (%s): %lld records, %.0f simulated s, anomalies=%lld, incidents=%zu, agents: %s\n",
                r.elapsed, sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "duration reached",
                static_cast<long long>(r.submitted), r.simulatedS,
                static_cast<long long>(snap.counters.outputsPerKind[int(vigil::RecordKind::Anomaly)]),
                snap.incidents.size(), agentHealthSummary(snap.agents).c_str());
    const auto h = healing.counts();
    std::printf("remediation: %lld actions taken, %lld awaiting approval (%lld filed), %lld approved and executed, "
                "%lld refused at execution, %lld escalations\n",
                static_cast<long long>(h.taken), static_cast<long long>(h.awaiting), static_cast<long long>(h.filed),
                static_cast<long long>(h.executedApproved), static_cast<long long>(h.refused),
                static_cast<long long>(h.escalations));
    if (auto* n = healing.notifier()) {
        n->flush();  // what this run queued, each within its deadline
        const auto ns = n->stats();
        std::printf("notify: %lld sent to %s, %lld failed, %lld dropped%s%s\n", static_cast<long long>(ns.sent), n->url().c_str(),
                    static_cast<long long>(ns.failed), static_cast<long long>(ns.dropped), ns.lastError.empty() ? "" : "; last error: ",
                    ns.lastError.c_str());
    }
    std::printf("silenced: %lld anomalies\n", static_cast<long long>(snap.silencedAnomalies));
    // Anomalies kept and listed but not taken as evidence of an incident.
    const auto& cc = correlator.counters();
    std::printf("not evidence: %lld anomalies below their learned cut, %lld Vigil's own action taking effect\n",
                static_cast<long long>(cc.belowLearnedCut), static_cast<long long>(cc.ownActionEffects));
    const auto st = writer.stats();
    std::printf("stored %lld records in %s (%lld write failures)\n", static_cast<long long>(st.recordsWritten()),
                qPrintable(o.db), static_cast<long long>(st.rowsFailed));
    for (const auto& e : st.errors) std::fprintf(stderr, "vigil: %s\n", e.c_str());
    return st.rowsFailed == 0 ? kOk : kFailed;
}
}  // namespace

int cmdRun(const QStringList& args) {
    RunOptions o;
    if (auto rc = parseRun(args, o)) return *rc;
    if (!o.config.isEmpty()) return runLive(o.config.toStdString(), o.duration, o.db);

    auto lock = vigil::store::EngineLock::acquire(o.db.toStdString());  // one engine per database
    if (!lock) return usageError(QString::fromStdString(lock.error()));
    auto store = vigil::audit::openAuditedWriter(o.db.toStdString());
    if (!store) return usageError(QString::fromStdString(store.error()));

    // Like the console: in real time the system clock drives the engine; faster,
    // the records' own (simulated) timestamps do, so they are never "in the future".
    vigil::SystemClock systemClock;
    vigil::VirtualClock recordClock;
    const vigil::Clock& clock = o.speed == 1.0 ? static_cast<const vigil::Clock&>(systemClock) : recordClock;
    std::string error;
    auto healing = vigil::app::DemoHealing::create(o.policy, clock, store.value().get(), o.db.toStdString(), error);
    if (!healing) return usageError(QString::fromStdString(error));
    vigil::Engine engine(clock, vigil::app::liveEngineOptions());
    vigil::app::StoreSilences silences(o.db.toStdString());  // vigilctl silence, from any process
    vigil::PipelineConfig pipeline;
    pipeline.silences = silences.wiring();
    // The learned model (vigilctl learn, from any process): cuts to the
    // correlator, playbook orders onto the policy, followed every second.
    vigil::app::LearnedModelFollower learned(o.db.toStdString(), &healing->policy());
    if (!learned.pollOnce()) std::fprintf(stderr, "vigil: learned model: %s\n", learned.lastError().c_str());
    pipeline.correlate.learnedCuts = learned.board();
    const vigil::PipelineStages stages = vigil::installDefaultStages(engine, pipeline);
    healing->install(engine);  // planner, store and audit sinks
    std::unique_ptr<vigil::signoff::SignoffService> signoff;  // on its own connection and thread
    if (o.signoff) {
        std::string why;
        o.signoff->clock = &healing->approvalClock();  // decisions on the engine's time, as the gate files them
        signoff = vigil::signoff::SignoffService::start(*o.signoff, why);
        if (!signoff) return usageError(QStringLiteral("run: sign-off: ") + QString::fromStdString(why));
        std::printf("vigil: sign-off service on %s\n", signoff->url().c_str());
    }
    engine.start();
    learned.start();
    const RunOutcome outcome = runDemo(o, engine, *healing, learned, systemClock);
    learned.stop();
    if (signoff) signoff->stop();
    store.value()->close();  // after the engine: it commits what the engine handed over
    return reportRun(o, outcome, *healing, *stages.incidents, *store.value());
}

}  // namespace vigilctl
