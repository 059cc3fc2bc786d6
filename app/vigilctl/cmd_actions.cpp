// vigilctl actions [--escalations] [--db DB]
// What Vigil did and proposed, as stored (a running `vigil` or `vigilctl run`
// may be writing the database; it is opened read-only): every action's latest
// state, oldest first, with the reason for suppressed ones. --escalations: only
// the escalations (an automation budget used up on a target, an approval
// request that expired). Exit 0; 2 for a missing or unreadable database.
#include "vigilctl/Commands.h"

#include "common/DefaultPaths.h"
#include "remedy/ActionSummary.h"
#include "remedy/SimFleetActuator.h"
#include "store/StoreReader.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {
namespace {

struct ActionsOptions {
    QString db;
    bool escalationsOnly = false;
};

std::optional<int> parseActions(const QStringList& args, ActionsOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List the actions Vigil took or proposed, and its escalations."));
    p.addHelpOption();
    p.addOption({QStringLiteral("escalations"), QStringLiteral("only escalations (budget stops, expired approval requests)")});
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database (default: the XDG data location)"), QStringLiteral("DB")});
    if (auto rc = parseArguments(p, args, "actions")) return rc;
    if (!p.positionalArguments().isEmpty())
        return usageError(QStringLiteral("actions: unexpected argument '%1'").arg(p.positionalArguments().first()));
    o.db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : vigil::app::defaultDatabasePath();
    o.escalationsOnly = p.isSet(QStringLiteral("escalations"));
    return std::nullopt;
}

// Why an action did not run, or what an escalation says; else its parameters' rule.
std::string reasonOf(const vigil::Action& a) {
    if (a.kind == "escalate") {
        const std::string n = vigil::remedy::jsonField(a.params, "count");  // repeats folded into this one
        return vigil::remedy::jsonField(a.params, "reason") + (n.empty() ? "" : " (" + n + " times)");
    }
    if (a.status == vigil::ActionStatus::Suppressed) return vigil::remedy::jsonField(a.params, "why");
    return "rule " + vigil::remedy::jsonField(a.params, "rule");
}

}  // namespace

int cmdActions(const QStringList& args) {
    ActionsOptions o;
    if (auto rc = parseActions(args, o)) return *rc;
    if (!QFileInfo(o.db).isFile()) return usageError(QStringLiteral("actions: %1: no such database file").arg(o.db));
    auto reader = vigil::store::StoreReader::open(o.db.toStdString());
    if (!reader) return usageError(QStringLiteral("actions: %1").arg(QString::fromStdString(reader.error())));
    auto actions = reader.value()->actions();
    if (!actions) return usageError(QStringLiteral("actions: %1: %2").arg(o.db, QString::fromStdString(actions.error())));

    std::printf("%-23s %-22s %-17s %-26s %-17s %-12s %s\n", "TIME (UTC)", "ID", "ACTION", "TARGET", "STATUS", "INCIDENT", "REASON");
    int shown = 0;
    for (const vigil::Action& a : actions.value()) {
        if (o.escalationsOnly && a.kind != "escalate") continue;
        ++shown;
        std::printf("%-23s %-22s %-17s %-26s %-17s %-12s %s\n", vigil::utcTime(a.ts).c_str(), a.id.c_str(),
                    a.kind.c_str(), a.target.c_str(), std::string(vigil::toString(a.status)).c_str(),
                    a.incident_id.empty() ? "-" : a.incident_id.c_str(), reasonOf(a).c_str());
    }
    std::printf("%d %s\n", shown, o.escalationsOnly ? (shown == 1 ? "escalation" : "escalations") : (shown == 1 ? "action" : "actions"));
    return kOk;
}

}  // namespace vigilctl
