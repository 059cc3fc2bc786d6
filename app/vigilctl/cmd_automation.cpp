// vigilctl automation status | pause | resume | dry-run on|off  --db DB --as USER [--reason TEXT]
// The run-time brakes on automation, headless: pause stops every automatic
// action at once (the kill switch), resume lets them run again, dry-run on
// makes Vigil decide and record but send nothing. Stored in the database
// (approve::AutomationSwitch) and audited with who and why; a running vigil or
// `vigilctl run` on the same database takes it into force within a second,
// and a restarted one starts with it. Exit 0 done, 1 stored but not audited,
// 2 bad usage or unreadable database (then nothing changed).
#include "vigilctl/Commands.h"

#include "approve/AutomationSwitch.h"
#include "audit/AuditChain.h"
#include "audit/AuditKey.h"
#include "common/DefaultPaths.h"
#include "record/UtcTime.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {

namespace {

using vigil::approve::AutomationChange;
using vigil::approve::AutomationState;

void printState(const AutomationState& s) {
    auto show = [](const std::optional<bool>& v, const char* on, const char* off) {
        return v ? std::string(*v ? on : off) : std::string("as the policy file says");
    };
    std::printf("automation: %s\n", show(s.paused, "paused", "running").c_str());
    std::printf("dry run:    %s\n", show(s.dryRun, "on", "off").c_str());
    if (s.version > 0)
        std::printf("changed:    by %s at %s%s%s\n", s.by.c_str(), vigil::utcTime(s.ts).c_str(),
                    s.reason.empty() ? "" : ": ", s.reason.c_str());
}

}  // namespace

int cmdAutomation(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("vigilctl automation status | pause | resume | dry-run on|off --db DB --as USER [--reason TEXT]\n"
                       "Pause or resume all automatic actions, or switch the dry run, for every engine on the database."));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Vigil database (default: %1).").arg(vigil::app::defaultDatabasePath()),
                                   QStringLiteral("DB"));
    const QCommandLineOption asOpt(QStringLiteral("as"), QStringLiteral("Who changes it (pause, resume, dry-run)."), QStringLiteral("USER"));
    const QCommandLineOption reasonOpt(QStringLiteral("reason"), QStringLiteral("Why (for the audit log)."), QStringLiteral("TEXT"));
    parser.addHelpOption();
    parser.addOptions({dbOpt, asOpt, reasonOpt});
    if (auto rc = parseArguments(parser, args, "automation")) return *rc;
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(0);
    std::optional<AutomationChange> change;
    if (sub == QLatin1String("status")) {
        if (pos.size() != 1) return usageError(QStringLiteral("automation status: unexpected argument '%1'").arg(pos[1]));
        if (parser.isSet(asOpt) || parser.isSet(reasonOpt))
            return usageError(QStringLiteral("automation status: --as and --reason belong to pause, resume and dry-run"));
    } else if (sub == QLatin1String("pause") || sub == QLatin1String("resume")) {
        if (pos.size() != 1) return usageError(QStringLiteral("automation %1: unexpected argument '%2'").arg(sub, pos[1]));
        change = sub == QLatin1String("pause") ? AutomationChange::Pause : AutomationChange::Resume;
    } else if (sub == QLatin1String("dry-run")) {
        const QString v = pos.value(1);
        if (pos.size() != 2 || (v != QLatin1String("on") && v != QLatin1String("off")))
            return usageError(QStringLiteral("automation dry-run: expected on or off"));
        change = v == QLatin1String("on") ? AutomationChange::DryRunOn : AutomationChange::DryRunOff;
    } else {
        return usageError(sub.isEmpty() ? QStringLiteral("automation: expected status, pause, resume or dry-run on|off")
                                        : QStringLiteral("automation: unknown sub-command '%1' (status, pause, resume, dry-run)").arg(sub));
    }
    if (change && !parser.isSet(asOpt)) return usageError(QStringLiteral("automation %1: --as USER is required").arg(sub));

    // Never create a database here: a switch in a fresh file would brake nothing.
    const QString dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : vigil::app::defaultDatabasePath();
    if (!QFileInfo(dbPath).isFile()) return usageError(QStringLiteral("automation %1: %2: no such database file").arg(sub, dbPath));
    auto db = vigil::store::Database::open(dbPath.toStdString(),
                                           change ? vigil::store::OpenMode::ReadWrite : vigil::store::OpenMode::ReadOnly);
    if (!db.ok()) return usageError(QStringLiteral("automation %1: %2").arg(sub, QString::fromStdString(db.error())));
    vigil::SystemClock clock;  // people's time, as approvals use
    vigil::approve::AutomationSwitch sw(*db, clock);
    AutomationState state;
    if (!change) {
        if (const auto s = sw.read(state); !s) return usageError(QStringLiteral("automation status: %1").arg(QString::fromStdString(s.error())));
        printState(state);
        return kOk;
    }
    // The key first: a switch that cannot be audited is not flipped.
    auto key = vigil::audit::loadOrCreateKey(vigil::audit::defaultKeyPath());
    if (!key) return usageError(QStringLiteral("automation %1: audit key: %2").arg(sub, QString::fromStdString(key.error())));
    auto auditLog = vigil::audit::AuditLog::open(dbPath.toStdString(), std::move(key).value());
    if (!auditLog) return usageError(QStringLiteral("automation %1: audit log: %2").arg(sub, QString::fromStdString(auditLog.error())));
    vigil::store::AuditEntry entry;
    if (const auto s = sw.change(*change, parser.value(asOpt).toStdString(), parser.value(reasonOpt).toStdString(), state, entry); !s)
        return usageError(QStringLiteral("automation %1: %2").arg(sub, QString::fromStdString(s.error())));
    std::printf("automation %s by %s\n", std::string(vigil::approve::describe(*change)).c_str(), state.by.c_str());
    printState(state);
    if (const auto appended = auditLog.value()->append({entry}); !appended) {
        std::fprintf(stderr, "vigilctl: automation %s: changed, but not audited: %s\n", qPrintable(sub), appended.error().c_str());
        return kFailed;
    }
    return kOk;
}

}  // namespace vigilctl
