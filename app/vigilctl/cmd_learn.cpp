// vigilctl learn list|update|revert ID|export FILE|import FILE [--db DB]
//                [--policy FILE] [--as USER]
// The learned model of a database (issue #12, docs/learning.md):
//   list     every learned change, in force or reverted, with its reason
//   update   learn from the stored feedback and outcomes now (adaptation within
//            bounds; --policy: the policy whose playbooks are ordered, default
//            the shipped one); prints each new change
//   revert   take change ID back (--as USER); the model before it is in force again
//   export   write the changes in force to FILE (JSON)
//   import   validate FILE whole, then add what differs as new changes
// Every change and revert is audited with the engine's key. Exit 0; 2 for bad
// usage, an unknown or already reverted ID, an invalid FILE (FILE: field: reason)
// or an unreadable database.
#include "vigilctl/Commands.h"
#include "vigilctl/LearnDatabase.h"

#include "common/DefaultPaths.h"
#include "common/ShippedPolicy.h"
#include "learn/ModelFile.h"
#include "remedy/ActionSummary.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {
namespace {

struct LearnOptions {
    QString sub, arg, db, policy, user;
};

std::optional<int> parseLearn(const QStringList& args, LearnOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("List, update, revert, export or import what Vigil learned."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("SUBCOMMAND"), QStringLiteral("list | update | revert ID | export FILE | import FILE"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database (default: the XDG data location)"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("update: the policy whose playbooks are ordered (default: shipped)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("as"), QStringLiteral("revert, import: who does it (required)"), QStringLiteral("USER")});
    if (auto rc = parseArguments(p, args, "learn")) return rc;
    const QStringList pos = p.positionalArguments();
    if (pos.isEmpty()) return usageError(QStringLiteral("learn: give a subcommand: list, update, revert ID, export FILE, import FILE"));
    o.sub = pos.first();
    const bool needsArg = o.sub == QLatin1String("revert") || o.sub == QLatin1String("export") || o.sub == QLatin1String("import");
    if (!needsArg && o.sub != QLatin1String("list") && o.sub != QLatin1String("update"))
        return usageError(QStringLiteral("learn: unknown subcommand '%1' (list, update, revert, export, import)").arg(o.sub));
    if (pos.size() != (needsArg ? 2 : 1))
        return usageError(needsArg ? QStringLiteral("learn %1: give exactly one %2").arg(o.sub, o.sub == QLatin1String("revert") ? QStringLiteral("ID") : QStringLiteral("FILE"))
                                   : QStringLiteral("learn %1: unexpected argument '%2'").arg(o.sub, pos.at(1)));
    if (needsArg) o.arg = pos.at(1);
    o.user = p.value(QStringLiteral("as")).trimmed();
    if ((o.sub == QLatin1String("revert") || o.sub == QLatin1String("import")) && o.user.isEmpty())
        return usageError(QStringLiteral("learn %1: --as USER is required").arg(o.sub));
    if (p.isSet(QStringLiteral("policy")) && o.sub != QLatin1String("update"))
        return usageError(QStringLiteral("learn %1: --policy goes with update").arg(o.sub));
    o.policy = p.value(QStringLiteral("policy"));
    o.db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : vigil::app::defaultDatabasePath();
    return std::nullopt;
}

void printChange(const vigil::learn::LearnChange& c) {
    std::string change = c.kind == vigil::learn::ChangeKind::SeriesCut
                             ? "cut " + std::to_string(c.cutBefore).substr(0, 5) + " -> " + std::to_string(c.cutAfter).substr(0, 5)
                             : "order [" + vigil::learn::joinList(c.orderBefore) + "] -> [" +
                                   (c.orderAfter.empty() ? std::string("policy order") : vigil::learn::joinList(c.orderAfter)) + "]";
    std::printf("%-4lld %-23s %-9s %-14s %-40s %s\n", static_cast<long long>(c.id), vigil::utcTime(c.ts).c_str(),
                c.reverted() ? "reverted" : "in force", std::string(vigil::learn::toString(c.kind)).c_str(),
                c.subject().c_str(), change.c_str());
    std::printf(
        "     why: %s%s\n", c.reason.c_str(),
        c.reverted() ? (" (reverted by " + c.revertedBy + " at " + vigil::utcTime(c.revertedTs) + ")").c_str() : "");
}

int list(vigil::learn::LearnStore& s) {
    const auto changes = s.changes();
    if (!changes) return usageError(QStringLiteral("learn list: %1").arg(QString::fromStdString(changes.error())));
    std::printf("%-4s %-23s %-9s %-14s %-40s %s\n", "ID", "TIME (UTC)", "STATE", "KIND", "SUBJECT", "CHANGE");
    int inForce = 0;
    for (const auto& c : *changes) {
        printChange(c);
        inForce += c.reverted() ? 0 : 1;
    }
    std::printf("%zu %s, %d in force\n", changes->size(), changes->size() == 1 ? "change" : "changes", inForce);
    return kOk;
}

int update(vigil::learn::LearnStore& s, const LearnOptions& o) {
    vigil::remedy::Policy policy;
    std::string perr;
    if (!vigil::app::loadPolicy(o.policy.toStdString(), policy, perr))
        return usageError(QStringLiteral("learn update: --policy: %1").arg(QString::fromStdString(perr)));
    QString error;
    auto ev = readEvidence(o.db, error);
    if (!ev) return usageError(QStringLiteral("learn update: %1").arg(error));
    auto feedback = s.feedback();
    auto history = s.changes();
    if (!feedback || !history)
        return usageError(QStringLiteral("learn update: %1").arg(QString::fromStdString(feedback ? history.error() : feedback.error())));
    vigil::learn::LearnInputs in;
    in.feedback = std::move(feedback).value();
    in.incidentSeries = std::move(ev->incidentSeries);
    in.actions = std::move(ev->actions);
    in.policy = &policy;
    in.history = std::move(history).value();
    in.now = QDateTime::currentMSecsSinceEpoch();
    auto proposed = vigil::learn::proposeChanges(in);
    if (proposed.empty()) {
        std::printf("nothing new to learn (%zu feedback entries, %zu actions assessed)\n", in.feedback.size(), in.actions.size());
        return kOk;
    }
    const auto added = s.addChanges(std::move(proposed));
    if (!added) return usageError(QStringLiteral("learn update: %1").arg(QString::fromStdString(added.error())));
    for (const auto& c : *added) printChange(c);
    std::printf("%zu new %s (audited)\n", added->size(), added->size() == 1 ? "change" : "changes");
    return kOk;
}

int revert(vigil::learn::LearnStore& s, const LearnOptions& o) {
    bool ok = false;
    const qlonglong id = o.arg.toLongLong(&ok);
    if (!ok || id <= 0) return usageError(QStringLiteral("learn revert: ID must be a positive integer, not '%1'").arg(o.arg));
    const auto r = s.revert(id, QDateTime::currentMSecsSinceEpoch(), o.user.toStdString());
    if (!r) return usageError(QStringLiteral("learn revert: %1").arg(QString::fromStdString(r.error())));
    printChange(*r);
    std::printf("change %lld reverted (audited)\n", id);
    return kOk;
}

int exportTo(vigil::learn::LearnStore& s, const LearnOptions& o) {
    const auto changes = s.changes();
    if (!changes) return usageError(QStringLiteral("learn export: %1").arg(QString::fromStdString(changes.error())));
    const std::string text = vigil::learn::exportModel(*changes, QDateTime::currentMSecsSinceEpoch());
    QFile f(o.arg);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.data(), static_cast<qint64>(text.size())) < 0)
        return usageError(QStringLiteral("learn export: cannot write %1: %2").arg(o.arg, f.errorString()));
    const auto model = vigil::learn::modelOf(*changes);
    std::printf("wrote %s: %zu series cuts, %zu playbook orders\n", qPrintable(o.arg), model.cuts.size(), model.orders.size());
    return kOk;
}

int importFrom(vigil::learn::LearnStore& s, const LearnOptions& o) {
    QFile f(o.arg);
    if (!f.open(QIODevice::ReadOnly))
        return usageError(QStringLiteral("learn import: cannot read %1: %2").arg(o.arg, f.errorString()));
    const std::string text = f.readAll().toStdString();
    QString error;
    const auto ev = readEvidence(o.db, error);
    auto feedback = s.feedback();
    auto history = s.changes();
    if (!ev || !feedback || !history)
        return usageError(QStringLiteral("learn import: %1").arg(!ev ? error : QString::fromStdString(feedback ? history.error() : feedback.error())));
    auto r = vigil::learn::importModel(text, QFileInfo(o.arg).fileName().toStdString(), *history,
                                       QDateTime::currentMSecsSinceEpoch(), realScores(*ev, *feedback));
    if (!r.ok) return usageError(QStringLiteral("learn import: %1").arg(QString::fromStdString(r.error)));
    for (auto& c : r.changes) c.by = o.user.toStdString() + " (import:" + QFileInfo(o.arg).fileName().toStdString() + ")";
    const auto added = s.addChanges(std::move(r.changes));
    if (!added) return usageError(QStringLiteral("learn import: %1").arg(QString::fromStdString(added.error())));
    for (const auto& c : *added) printChange(c);
    std::printf("imported %zu %s, %d already in force (audited)\n", added->size(),
                added->size() == 1 ? "change" : "changes", r.unchanged);
    return kOk;
}

}  // namespace

int cmdLearn(const QStringList& args) {
    LearnOptions o;
    if (auto rc = parseLearn(args, o)) return *rc;
    QString error;
    auto s = openLearnStore(o.db, error);
    if (!s) return usageError(QStringLiteral("learn %1: %2").arg(o.sub, error));
    if (o.sub == QLatin1String("list")) return list(*s);
    if (o.sub == QLatin1String("update")) return update(*s, o);
    if (o.sub == QLatin1String("revert")) return revert(*s, o);
    if (o.sub == QLatin1String("export")) return exportTo(*s, o);
    return importFrom(*s, o);
}

}  // namespace vigilctl
