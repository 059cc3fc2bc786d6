// vigilctl evaluate [--scenario NAME|all] [--seed N] [--runs K] [--duration S]
//                   [--calm-duration S] [--json OUT] [--heal [--policy FILE]]
// Closed-loop quality on the demo fleet: every fault scenario is simulated in
// memory, run through the full detection and correlation stack and scored against
// the simulator's labels. Goals (issue #3): every fault covered by an incident,
// median time to detect <= 30 s, calm (24 simulated hours) opens no incident,
// anomalies -> incidents reduction >= 95 %; (issue #13, EvaluatePredictions.h)
// root cause named right >= 90 %, worker-overload and wallet-drain predicted
// >= 2 min ahead, calm 0 predictions. Exit 1 when a goal is missed.
// --heal closes the loop instead (HealReport.h): time to recover with and
// without Vigil, goal median <= 60 s and no action in calm.
#include "vigilctl/Commands.h"
#include "vigilctl/HealReport.h"
#include "vigilctl/LearnReport.h"

#include "eval/ScenarioEvaluation.h"
#include "vigilctl/EvaluatePredictions.h"
#include "sim/FleetSimulator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

namespace vigilctl {
namespace {

constexpr double kGoalCoverage = 1.0;
constexpr vigil::TimestampMs kGoalTtdMs = 30'000;
constexpr double kGoalReduction = 0.95;

// A scenario run through the real Engine with the default stages (the pipeline
// `vigilctl replay` and the GUI run), scored against the simulator's labels.
struct Run {
    vigil::ScenarioResult result;
    std::uint64_t seed = 0;
    std::int64_t durationS = 0;
    std::int64_t inputs = 0, refused = 0;
    std::map<std::string, std::int64_t> byDetector;
    vigil::RunOutput output;  // kept for --trace
    vigil::PredictionScore predictions;
    vigil::RootCauseScore rootCause;
};

Run evaluateOne(const std::string& scenario, std::uint64_t seed, std::int64_t durationS) {
    vigil::ScenarioEvaluation ev = vigil::evaluateScenario(scenario, seed, durationS);
    Run r;
    r.result = std::move(ev.result);
    r.seed = ev.seed;
    r.durationS = ev.durationS;
    r.inputs = ev.output.inputs;
    r.refused = ev.output.refused;
    r.byDetector = ev.output.anomaliesByDetector;
    r.output = std::move(ev.output);
    r.predictions = std::move(ev.predictions);
    r.rootCause = std::move(ev.rootCause);
    return r;
}

QString seconds(std::optional<vigil::TimestampMs> ms) {
    return ms ? QString::number(*ms / 1000.0, 'f', 1) + QStringLiteral(" s") : QStringLiteral("-");
}

QJsonObject toJson(const Run& r, bool withRecords) {
    QJsonObject o;
    o["scenario"] = QString::fromStdString(r.result.scenario);
    o["seed"] = static_cast<qint64>(r.seed);
    o["duration_s"] = static_cast<qint64>(r.durationS);
    o["records"] = static_cast<qint64>(r.inputs);
    o["refused"] = static_cast<qint64>(r.refused);
    o["anomalies"] = static_cast<qint64>(r.result.anomalies);
    o["incidents"] = static_cast<qint64>(r.result.incidents);
    o["incident_records"] = static_cast<qint64>(r.result.incidentRecords);
    o["coverage"] = r.result.coverage;
    o["reduction"] = r.result.reduction;
    if (r.result.medianDetectMs) o["median_ttd_ms"] = static_cast<qint64>(*r.result.medianDetectMs);
    QJsonArray faults;
    for (const auto& f : r.result.faults) {
        QJsonObject fo;
        fo["kind"] = QString::fromStdString(f.fault.kind);
        fo["target"] = QString::fromStdString(f.fault.target);
        fo["start"] = static_cast<qint64>(f.fault.start);
        fo["end"] = static_cast<qint64>(f.fault.end);
        fo["covered"] = f.covered;
        if (f.covered) {
            fo["incident"] = QString::fromStdString(f.incident);
            fo["ttd_ms"] = static_cast<qint64>(f.detectMs);
        }
        faults.append(fo);
    }
    o["faults"] = faults;
    QJsonObject det;
    for (const auto& [d, n] : r.byDetector) det[QString::fromStdString(d)] = static_cast<qint64>(n);
    o["anomalies_by_detector"] = det;
    o["prediction"] = predictionJson(r.predictions, r.rootCause);
    if (withRecords) {
        QJsonArray an, inc;
        for (const auto& a : r.output.anomalies)
            an.append(QJsonObject{{"ts", static_cast<qint64>(a.ts)}, {"detector", QString::fromStdString(a.detector)},
                                  {"series", QString::fromStdString(a.series)}, {"target", QString::fromStdString(a.target)},
                                  {"score", a.score}});
        for (const auto& i : r.output.incidentUpdates)
            inc.append(QJsonObject{{"ts", static_cast<qint64>(i.ts)}, {"id", QString::fromStdString(i.id)},
                                   {"state", QString::fromStdString(std::string(vigil::toString(i.state)))},
                                   {"cause", QString::fromStdString(i.cause)},
                                   {"narrative", QString::fromStdString(i.narrative)}});
        o["anomaly_records"] = an;
        o["incident_records"] = inc;
    }
    return o;
}

// Times relative to the first labelled fault (or the run's first incident).
void printTrace(const Run& r) {
    const auto& out = r.output;
    vigil::TimestampMs t0 = r.result.faults.empty() ? 0 : r.result.faults.front().fault.start;
    for (const auto& f : r.result.faults) {
        std::printf("  fault %s on %s: [%+.0f s, %+.0f s]\n", f.fault.kind.c_str(), f.fault.target.c_str(),
                    (f.fault.start - t0) / 1000.0, (f.fault.end - t0) / 1000.0);
        int shown = 0;
        for (const auto& a : out.anomalies) {
            if (a.ts < f.fault.start - 60'000 || shown >= 12) continue;
            ++shown;
            std::printf("    %+8.1f s  %-22s %-24s %.2f  %s\n", (a.ts - t0) / 1000.0, a.detector.c_str(),
                        a.target.c_str(), a.score, a.explanation.substr(0, 90).c_str());
        }
    }
    for (const auto& i : out.incidentUpdates) {
        std::string targets;
        for (const auto& t : i.targets) targets += (targets.empty() ? "" : ",") + t;
        std::printf("  %+8.1f s %s %-9s %-8s cause=%s n=%lld [%s]\n", (i.ts - t0) / 1000.0, i.id.c_str(),
                    std::string(vigil::toString(i.state)).c_str(), std::string(vigil::toString(i.severity)).c_str(),
                    i.cause.c_str(), static_cast<long long>(i.anomaly_count), targets.c_str());
    }
    if (!out.incidentUpdates.empty()) std::printf("  last narrative: %s\n", out.incidentUpdates.back().narrative.c_str());
}

struct EvaluateOptions {
    std::vector<std::string> scenarios;
    qulonglong seed = 1;
    int runs = 1;
    qlonglong duration = 3600, calmDuration = 86400;
    QString json;  // empty: no JSON
    bool verbose = false, trace = false;
    bool heal = false;
    bool learn = false;
    qlonglong cycles = 1;
    QString policy;  // --heal only; empty: the shipped policy
    qlonglong durationOf(const std::string& scenario) const { return scenario == "calm" ? calmDuration : duration; }
};

std::optional<int> parseEvaluate(const QStringList& args, EvaluateOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Score detection + correlation against the demo fleet's fault labels."));
    p.addHelpOption();
    p.addOption({QStringLiteral("scenario"), QStringLiteral("scenario name or 'all' (default all)"), QStringLiteral("NAME"),
                 QStringLiteral("all")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("first seed (default 1)"), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("runs"), QStringLiteral("seeds per scenario: seed, seed+1, ... (default 1)"),
                 QStringLiteral("K"), QStringLiteral("1")});
    p.addOption({QStringLiteral("duration"), QStringLiteral("simulated seconds per fault scenario (default 3600)"),
                 QStringLiteral("S"), QStringLiteral("3600")});
    p.addOption({QStringLiteral("calm-duration"), QStringLiteral("simulated seconds of calm (default 86400)"),
                 QStringLiteral("S"), QStringLiteral("86400")});
    p.addOption({QStringLiteral("json"), QStringLiteral("write the full results as JSON"), QStringLiteral("OUT")});
    p.addOption({QStringLiteral("verbose"), QStringLiteral("print every fault and the anomalies per detector")});
    p.addOption({QStringLiteral("trace"), QStringLiteral("also print every incident record and the first anomalies of each fault (and put all of them into --json)")});
    p.addOption({QStringLiteral("heal"), QStringLiteral("close the loop: the planner acts through the simulator; report time to recover")});
    p.addOption({QStringLiteral("learn"), QStringLiteral("show learning: run, give feedback from the labels, learn, run again; one recording per seed (--runs, default 6)")});
    p.addOption({QStringLiteral("cycles"), QStringLiteral("--learn: the scenario planned again every --duration, N times per recording (default 1)"),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("remediation policy for --heal (default: the shipped resources/policy.yaml)"),
                 QStringLiteral("FILE")});
    if (auto rc = parseArguments(p, args, "evaluate")) return rc;
    if (!p.positionalArguments().isEmpty())
        return usageError(QStringLiteral("evaluate: unexpected argument '%1'").arg(p.positionalArguments().first()));
    bool ok = false;
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) return usageError(QStringLiteral("evaluate: --seed must be a non-negative integer"));
    o.runs = p.value(QStringLiteral("runs")).toInt(&ok);
    if (!ok || o.runs < 1 || o.runs > 1000) return usageError(QStringLiteral("evaluate: --runs must be 1..1000"));
    o.duration = p.value(QStringLiteral("duration")).toLongLong(&ok);
    if (!ok) return usageError(QStringLiteral("evaluate: --duration must be an integer number of seconds"));
    o.calmDuration = p.value(QStringLiteral("calm-duration")).toLongLong(&ok);
    if (!ok) return usageError(QStringLiteral("evaluate: --calm-duration must be an integer number of seconds"));

    const std::string which = p.value(QStringLiteral("scenario")).toStdString();
    if (which == "all") o.scenarios = vigil::scenarioNames();
    else o.scenarios.push_back(which);
    for (const auto& s : o.scenarios) {
        vigil::ScenarioSpec spec;
        spec.name = s;
        spec.durationS = o.durationOf(s);
        const std::string why = vigil::validateScenario(spec);
        if (!why.empty()) return usageError(QStringLiteral("evaluate: --scenario/--duration: %1").arg(QString::fromStdString(why)));
    }
    o.trace = p.isSet(QStringLiteral("trace"));
    o.verbose = o.trace || p.isSet(QStringLiteral("verbose"));
    if (p.isSet(QStringLiteral("json"))) o.json = p.value(QStringLiteral("json"));
    o.heal = p.isSet(QStringLiteral("heal"));
    o.learn = p.isSet(QStringLiteral("learn"));
    if (o.heal && o.learn) return usageError(QStringLiteral("evaluate: give --heal or --learn, not both"));
    if (p.isSet(QStringLiteral("policy")) && !o.heal && !o.learn)
        return usageError(QStringLiteral("evaluate: --policy needs --heal or --learn"));
    o.cycles = p.value(QStringLiteral("cycles")).toLongLong(&ok);
    if (!ok || o.cycles < 1 || o.cycles > 100) return usageError(QStringLiteral("evaluate: --cycles must be 1..100"));
    if (p.isSet(QStringLiteral("cycles")) && !o.learn) return usageError(QStringLiteral("evaluate: --cycles needs --learn"));
    if (o.learn && !p.isSet(QStringLiteral("runs"))) o.runs = 6;
    if (o.heal || o.learn)
        for (const char* opt : {"json", "trace", "verbose"})
            if (p.isSet(QString::fromLatin1(opt)))
                return usageError(QStringLiteral("evaluate: --%1 does not apply to --%2")
                                      .arg(QString::fromLatin1(opt), o.heal ? QStringLiteral("heal") : QStringLiteral("learn")));
    o.policy = p.value(QStringLiteral("policy"));
    return std::nullopt;
}

// What the goals are judged on: fault scenarios summed, calm counted apart.
struct Totals {
    std::vector<vigil::TimestampMs> ttds;
    std::int64_t faults = 0, covered = 0, anomalies = 0, incidents = 0, calmIncidents = 0;
    bool calmRun = false;
    double coverage() const { return faults ? static_cast<double>(covered) / faults : 1.0; }
    double reduction() const { return anomalies ? 1.0 - static_cast<double>(incidents) / anomalies : 1.0; }
};

// One table row per run (and its faults/detectors/trace when asked), added to `t`.
void printRun(const std::string& s, const Run& r, const EvaluateOptions& o, Totals& t) {
    const auto& res = r.result;
    int cov = 0;
    for (const auto& f : res.faults) {
        if (!f.covered) continue;
        ++cov;
        t.ttds.push_back(f.detectMs);
    }
    std::printf("%-16s %5llu %6zu %8d %10s %10lld %10lld %9.1f%%\n", s.c_str(),
                static_cast<unsigned long long>(r.seed), res.faults.size(), cov,
                qPrintable(seconds(res.medianDetectMs)), static_cast<long long>(res.anomalies),
                static_cast<long long>(res.incidents), res.reduction * 100.0);
    if (o.verbose) {
        for (const auto& f : res.faults)
            std::printf("    %-16s %-22s %s\n", f.fault.kind.c_str(), f.fault.target.c_str(),
                        f.covered ? qPrintable(QStringLiteral("%1 after %2").arg(QString::fromStdString(f.incident),
                                                                                seconds(f.detectMs)))
                                  : "NOT COVERED");
        for (const auto& [d, n] : r.byDetector) std::printf("    %6lld  %s\n", static_cast<long long>(n), d.c_str());
    }
    if (o.trace) printTrace(r);
    if (s == "calm") {
        t.calmRun = true;
        t.calmIncidents += res.incidents;
    } else {
        t.faults += static_cast<std::int64_t>(res.faults.size());
        t.covered += cov;
        t.anomalies += res.anomalies;
        t.incidents += res.incidents;
    }
    std::fflush(stdout);
}

// The goal lines; true when every goal is met.
bool reportGoals(const Totals& t) {
    const auto medianTtd = vigil::median(t.ttds);
    bool pass = true;
    auto goal = [&](const char* what, bool met, const QString& value, const char* target) {
        pass = pass && met;
        std::printf("%-28s %-14s goal %-10s %s\n", what, qPrintable(value), target, met ? "ok" : "MISSED");
    };
    std::printf("\n");
    if (t.faults) {
        goal("fault coverage", t.coverage() >= kGoalCoverage,
             QStringLiteral("%1/%2").arg(t.covered).arg(t.faults), "100 %");
        goal("median time to detect", medianTtd && *medianTtd <= kGoalTtdMs, seconds(medianTtd), "<= 30 s");
        goal("anomalies -> incidents", t.reduction() >= kGoalReduction,
             QStringLiteral("%1 -> %2 (%3 %)").arg(t.anomalies).arg(t.incidents).arg(t.reduction() * 100.0, 0, 'f', 1),
             ">= 95 %");
    }
    if (t.calmRun)
        goal("calm: incidents opened", t.calmIncidents == 0, QString::number(t.calmIncidents), "0");
    return pass;
}

std::optional<int> writeJson(const QString& path, const std::vector<Run>& results, const Totals& t,
                             const PredictionTotals& pt, bool trace, bool pass) {
    QJsonObject root;
    QJsonArray arr;
    for (const auto& r : results) arr.append(toJson(r, trace));
    root["runs"] = arr;
    QJsonObject summary;
    summary["faults"] = static_cast<qint64>(t.faults);
    summary["covered"] = static_cast<qint64>(t.covered);
    summary["coverage"] = t.coverage();
    if (const auto medianTtd = vigil::median(t.ttds)) summary["median_ttd_ms"] = static_cast<qint64>(*medianTtd);
    summary["anomalies"] = static_cast<qint64>(t.anomalies);
    summary["incidents"] = static_cast<qint64>(t.incidents);
    summary["reduction"] = t.reduction();
    if (t.calmRun) summary["calm_incidents"] = static_cast<qint64>(t.calmIncidents);
    summary["prediction"] = predictionSummaryJson(pt);
    summary["pass"] = pass;
    root["summary"] = summary;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0)
        return usageError(QStringLiteral("evaluate: cannot write --json %1: %2").arg(f.fileName(), f.errorString()));
    return std::nullopt;
}

}  // namespace

int cmdEvaluate(const QStringList& args) {
    EvaluateOptions o;
    if (auto rc = parseEvaluate(args, o)) return *rc;
    if (o.learn) {
        LearnEvalOptions l;
        l.scenarios = o.scenarios;
        l.seed = o.seed;
        l.runs = o.runs;
        l.cycleS = o.duration;
        l.cycles = o.cycles;
        l.policyPath = o.policy.toStdString();
        return evaluateLearningReport(l);
    }
    if (o.heal) {
        HealOptions h;
        h.scenarios = o.scenarios;
        h.seed = o.seed;
        h.runs = o.runs;
        h.durationS = o.duration;
        h.calmDurationS = o.calmDuration;
        h.policyPath = o.policy.toStdString();
        return evaluateHealing(h);
    }

    std::vector<Run> results;
    Totals totals;
    PredictionTotals predictionTotals;
    std::printf("%-16s %5s %6s %8s %10s %10s %10s %10s\n", "scenario", "seed", "faults", "covered", "median TTD",
                "anomalies", "incidents", "reduction");
    for (const auto& s : o.scenarios) {
        for (int k = 0; k < o.runs; ++k) {
            Run r = evaluateOne(s, o.seed + static_cast<qulonglong>(k), o.durationOf(s));
            printRun(s, r, o, totals);
            predictionTotals.add(s, r.predictions, r.rootCause);
            results.push_back(std::move(r));
        }
    }
    const bool incidentGoals = reportGoals(totals);
    const bool pass = reportPredictionGoals(predictionTotals) && incidentGoals;
    if (!o.json.isEmpty())
        if (auto rc = writeJson(o.json, results, totals, predictionTotals, o.trace, pass)) return *rc;
    return pass ? kOk : kFailed;
}

}  // namespace vigilctl
