#include "vigilctl/ReplayRun.h"

#include "vigilctl/Commands.h"

#include "common/ShippedPolicy.h"
#include "eval/ReplaySettings.h"
#include "remedy/RemediationPlanner.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {
namespace {

// Loads --policy / --compare: a file, or "shipped" for the built-in policy.
std::optional<int> loadSide(const QString& value, RunSpec& spec) {
    vigil::remedy::Policy policy;
    std::string error;
    const bool shipped = value == QLatin1String("shipped");
    if (!vigil::app::loadPolicy(shipped ? std::string() : value.toStdString(), policy, error))
        return usageError(QStringLiteral("replay: ") + QString::fromStdString(error));
    spec.policy = std::move(policy);
    spec.label = shipped ? "shipped policy" : QFileInfo(value).fileName().toStdString();
    return std::nullopt;
}

std::optional<int> applySettings(const QStringList& settings, RunSpec& spec) {
    for (const QString& kv : settings) {
        std::string error;
        if (!vigil::applyReplaySetting(kv.toStdString(), spec.cfg, error))
            return usageError(QStringLiteral("replay: ") + QString::fromStdString(error));
        spec.label += (spec.label.empty() ? "" : ", ") + kv.toStdString();
    }
    return std::nullopt;
}

}  // namespace

std::optional<int> parseWhatIf(const QCommandLineParser& p, ReplayOptions& o) {
    o.compare = p.isSet(QStringLiteral("compare")) || p.isSet(QStringLiteral("compare-setting"));
    o.json = p.isSet(QStringLiteral("json"));
    if (o.json && !o.compare)
        return usageError(QStringLiteral("replay: --json prints a what-if difference; give --compare too"));
    // A what-if compares decisions: A plans under the shipped policy unless told otherwise.
    if (p.isSet(QStringLiteral("policy")))
        if (auto rc = loadSide(p.value(QStringLiteral("policy")), o.a)) return rc;
    if (o.compare && !o.a.policy)
        if (auto rc = loadSide(QStringLiteral("shipped"), o.a)) return rc;
    if (!o.a.policy) o.a.label = "no policy";
    o.b = o.a;
    if (auto rc = applySettings(p.values(QStringLiteral("setting")), o.a)) return rc;
    if (!o.compare) return std::nullopt;
    if (!o.db.isEmpty())
        return usageError(QStringLiteral("replay: --compare replays twice and stores nothing; leave out --db"));
    if (o.speed > 0) return usageError(QStringLiteral("replay: --compare runs as fast as possible; leave out --speed"));
    if (p.isSet(QStringLiteral("compare")))
        if (auto rc = loadSide(p.value(QStringLiteral("compare")), o.b)) return rc;
    if (auto rc = applySettings(p.values(QStringLiteral("setting")) + p.values(QStringLiteral("compare-setting")), o.b))
        return rc;
    return std::nullopt;
}

vigil::IncidentReport replayReport(const ReplayOptions& o, const vigil::DecodeStats& input,
                                   const vigil::RunRecords& run) {
    vigil::IncidentReport rep = vigil::reportFromRun(run, o.incident.toStdString());
    rep.source = QFileInfo(o.log).fileName().toStdString();
    rep.title = o.incident.isEmpty() ? "Replay of " + rep.source
                                     : "Incident " + o.incident.toStdString() + " in the replay of " + rep.source;
    rep.records = input.records;
    rep.malformed = input.malformed;
    rep.audit.text =
        "not checked: a replay without --db writes no audit log (replay with --db DB to store, audit and verify it)";
    std::string error;
    if (!vigil::fillChartsFromLog(rep, o.log.toStdString(), error))
        std::fprintf(stderr, "vigilctl: report charts left empty: %s\n", error.c_str());
    return rep;
}

}  // namespace vigilctl
