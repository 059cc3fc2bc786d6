// vigilctl approvals list [--all] | show ID | approve ID --as USER [--comment TEXT]
//                   | reject ID --as USER [--comment TEXT]   [--db DB]
//                   ... --url URL --token-file F [--ca F | --pin SHA256]  (no --as)
// People's side of the approval gate, on the database a running vigil or
// `vigilctl run` uses (SQLite WAL: each side sees the other's writes), or
// through its sign-off service, where the token says who decides. Same output
// either way. Exit 0 done, 1 refused by the gate's rules (self-approval,
// expired, ...), 2 bad usage, unknown id, unreadable database or unreachable
// service — and then nothing was changed.
#include "vigilctl/Commands.h"

#include "approve/ApprovalGate.h"
#include "audit/AuditChain.h"
#include "audit/AuditKey.h"
#include "common/DefaultPaths.h"
#include "record/UtcTime.h"
#include "signoff/ApprovalJson.h"
#include "signoff/ApproverTokens.h"
#include "signoff/SignoffClient.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace vigilctl {

namespace {

using vigil::approve::ApprovalGate;
using vigil::approve::ApprovalRequest;
using vigil::approve::GateCode;
using vigil::approve::GateStatus;
using vigil::approve::RequestState;
using vigil::signoff::SignoffClient;
using vigil::signoff::SignoffFailure;
using vigil::signoff::SignoffResult;

int report(const QString& sub, const GateStatus& s) {
    std::fprintf(stderr, "vigilctl: approvals %s: %s\n", qPrintable(sub), s.message.c_str());
    return s.code == GateCode::Refused ? kFailed : kUsage;
}

// The service's refusals map like the gate's: 403 (self-approval) and 409
// (expired, decided, already approved by you) are the rules saying no.
int reportRemote(const QString& sub, const SignoffResult& s) {
    std::fprintf(stderr, "vigilctl: approvals %s: %s\n", qPrintable(sub), s.message.c_str());
    const bool rules = s.failure == SignoffFailure::Answer && (s.status == 403 || s.status == 409);
    return rules ? kFailed : kUsage;
}

// "pending" or, once past its expiry and not yet swept by the engine, "pending, expired".
std::string stateText(const ApprovalRequest& r, vigil::TimestampMs now) {
    std::string s(toString(r.state));
    if ((r.state == RequestState::Pending || r.state == RequestState::Approved) && now >= r.expires) s += ", expired";
    return s;
}

std::string expiresIn(const ApprovalRequest& r, vigil::TimestampMs now) {
    if (r.state != RequestState::Pending && r.state != RequestState::Approved) return "-";
    const auto left = (r.expires - now) / 1000;
    if (left <= 0) return "0s";
    return left >= 60 ? std::to_string(left / 60) + "m" + std::to_string(left % 60) + "s" : std::to_string(left) + "s";
}

void printList(const std::vector<ApprovalRequest>& rs, vigil::TimestampMs now) {
    std::printf("%-14s %-18s %-9s %-18s %-22s %14s %10s  %s\n", "ID", "STATE", "APPROVALS", "ACTION", "TARGET",
                "VALUE_ETH", "EXPIRES_IN", "REQUESTER");
    for (const auto& r : rs)
        std::printf("%-14s %-18s %d/%-7d %-18s %-22s %14s %10s  %s\n", r.id.c_str(), stateText(r, now).c_str(),
                    r.approvals(), r.what.approversNeeded, r.what.actionKind.c_str(), r.what.target.c_str(),
                    vigil::remedy::formatEth(r.what.value).c_str(), expiresIn(r, now).c_str(), r.what.requester.c_str());
    if (rs.empty()) std::printf("(no approval requests)\n");
}

void printOne(const ApprovalRequest& r, vigil::TimestampMs now) {
    std::printf("id:          %s\n", r.id.c_str());
    std::printf("state:       %s (%d of %d approvals)\n", stateText(r, now).c_str(), r.approvals(), r.what.approversNeeded);
    std::printf("action:      %s %s on %s\n", r.what.actionId.c_str(), r.what.actionKind.c_str(), r.what.target.c_str());
    std::printf("value:       %s ETH\n", vigil::remedy::formatEth(r.what.value).c_str());
    std::printf("rule:        %s\n", r.what.rule.c_str());
    std::printf("requester:   %s\n", r.what.requester.c_str());
    std::printf("created:     %s\n", vigil::utcTime(r.created).c_str());
    std::printf("expires:     %s (in %s)\n", vigil::utcTime(r.expires).c_str(), expiresIn(r, now).c_str());
    std::printf("incident:    %s\n", r.what.incidentId.c_str());
    std::printf("narrative:   %s\n", r.what.narrative.c_str());
    std::printf("metrics:     %s\n", r.what.metricWindow.c_str());
    std::printf("content:     %s\n", r.what.content.c_str());
    std::printf("sha256:      %s\n", r.contentSha256.c_str());
    for (const auto& v : r.votes)
        std::printf("decision:    %s by %s at %s%s%s\n", std::string(vigil::toString(v.decision)).c_str(),
                    v.approver.c_str(), vigil::utcTime(v.ts).c_str(), v.comment.empty() ? "" : ": ", v.comment.c_str());
}

int runRemote(const QString& sub, const std::string& id, bool all, const std::string& comment,
              const QString& url, const QString& tokenFile, const QString& ca, const QString& pin) {
    std::string error;
    const auto token = vigil::signoff::loadClientToken(tokenFile.toStdString(), error);
    if (!token) return usageError(QStringLiteral("approvals %1: --token-file: %2").arg(sub, QString::fromStdString(error)));
    vigil::signoff::SignoffClientOptions o;
    o.url = url.toStdString();
    o.token = *token;
    o.caFile = ca.toStdString();
    o.pinSha256 = pin.toStdString();
    const auto client = SignoffClient::create(o, error);
    if (!client) return usageError(QStringLiteral("approvals %1: %2").arg(sub, QString::fromStdString(error)));

    vigil::SystemClock clock;  // the same wall-clock view as with --db
    if (sub == QLatin1String("list")) {
        std::vector<ApprovalRequest> rs;
        if (const SignoffResult s = client->list(all, rs); !s) return reportRemote(sub, s);
        printList(rs, clock.now());
        return kOk;
    }
    ApprovalRequest r;
    if (sub == QLatin1String("show")) {
        if (const SignoffResult s = client->show(id, r); !s) return reportRemote(sub, s);
        printOne(r, clock.now());
        return kOk;
    }
    const SignoffResult s = sub == QLatin1String("approve") ? client->approve(id, comment, r) : client->reject(id, comment, r);
    if (!s) return reportRemote(sub, s);
    std::printf("%s\n", vigil::signoff::decisionSummary(r).c_str());
    return kOk;
}

}  // namespace

int cmdApprovals(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "vigilctl approvals list [--all] | show ID | approve ID --as USER [--comment TEXT] | reject ID --as USER [--comment TEXT]\n"
        "With --url URL --token-file FILE the same through the sign-off service (no --as: the token says who decides)."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Vigil database (default: %1).").arg(vigil::app::defaultDatabasePath()),
                                   QStringLiteral("DB"));
    const QCommandLineOption asOpt(QStringLiteral("as"), QStringLiteral("Who decides (approve, reject)."), QStringLiteral("USER"));
    const QCommandLineOption commentOpt(QStringLiteral("comment"), QStringLiteral("Why (approve, reject)."), QStringLiteral("TEXT"));
    const QCommandLineOption allOpt(QStringLiteral("all"), QStringLiteral("list: also decided, expired and executed requests."));
    const QCommandLineOption urlOpt(QStringLiteral("url"), QStringLiteral("Decide through the sign-off service at URL instead of a database."),
                                    QStringLiteral("URL"));
    const QCommandLineOption tokenOpt(QStringLiteral("token-file"), QStringLiteral("With --url: file holding your bearer token (mode 0600)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption caOpt(QStringLiteral("ca"), QStringLiteral("With an https --url: CA certificates to trust (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption pinOpt(QStringLiteral("pin"), QStringLiteral("With an https --url: the service certificate's SHA-256."),
                                    QStringLiteral("SHA256"));
    parser.addOptions({dbOpt, asOpt, commentOpt, allOpt, urlOpt, tokenOpt, caOpt, pinOpt});
    if (auto rc = parseArguments(parser, args, "approvals")) return *rc;
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(0);
    const bool decides = sub == QLatin1String("approve") || sub == QLatin1String("reject");
    if (sub == QLatin1String("list")) {
        if (pos.size() != 1) return usageError(QStringLiteral("approvals list: unexpected argument '%1'").arg(pos[1]));
    } else if (sub == QLatin1String("show") || decides) {
        if (pos.size() != 2) return usageError(QStringLiteral("approvals %1: expected exactly one request ID").arg(sub));
    } else {
        return usageError(sub.isEmpty() ? QStringLiteral("approvals: expected list, show, approve or reject")
                                        : QStringLiteral("approvals: unknown sub-command '%1' (list, show, approve, reject)").arg(sub));
    }
    const bool remote = parser.isSet(urlOpt);
    if (remote && parser.isSet(dbOpt)) return usageError(QStringLiteral("approvals %1: --db and --url exclude each other").arg(sub));
    if (remote && parser.isSet(asOpt))
        return usageError(QStringLiteral("approvals %1: --as is not used with --url: your token says who decides").arg(sub));
    if (remote && !parser.isSet(tokenOpt)) return usageError(QStringLiteral("approvals %1: --url needs --token-file FILE").arg(sub));
    for (const auto* o : {&tokenOpt, &caOpt, &pinOpt})
        if (!remote && parser.isSet(*o))
            return usageError(QStringLiteral("approvals %1: --%2 belongs to --url").arg(sub, o->names().first()));
    if (decides && !remote && !parser.isSet(asOpt)) return usageError(QStringLiteral("approvals %1: --as USER is required").arg(sub));
    if (!decides && (parser.isSet(asOpt) || parser.isSet(commentOpt)))
        return usageError(QStringLiteral("approvals %1: --as and --comment belong to approve and reject").arg(sub));
    if (sub != QLatin1String("list") && parser.isSet(allOpt))
        return usageError(QStringLiteral("approvals %1: --all belongs to list").arg(sub));

    if (remote) return runRemote(sub, pos.value(1).toStdString(), parser.isSet(allOpt), parser.value(commentOpt).toStdString(),
                                 parser.value(urlOpt), parser.value(tokenOpt), parser.value(caOpt), parser.value(pinOpt));

    // Never create a database here: approving into a fresh empty file would
    // "succeed" at nothing. Read-only for list/show.
    const QString dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : vigil::app::defaultDatabasePath();
    if (!QFileInfo(dbPath).isFile()) return usageError(QStringLiteral("approvals %1: %2: no such database file").arg(sub, dbPath));
    auto db = vigil::store::Database::open(dbPath.toStdString(), decides ? vigil::store::OpenMode::ReadWrite
                                                                         : vigil::store::OpenMode::ReadOnly);
    if (!db.ok()) return usageError(QStringLiteral("approvals %1: %2").arg(sub, QString::fromStdString(db.error())));

    vigil::SystemClock clock;  // people decide in wall-clock time
    ApprovalGate gate(*db, clock);
    const vigil::TimestampMs now = clock.now();
    if (sub == QLatin1String("list")) {
        std::vector<ApprovalRequest> rs;
        std::vector<RequestState> states;
        if (!parser.isSet(allOpt)) states = {RequestState::Pending, RequestState::Approved};
        if (GateStatus s = gate.list(states, rs); !s) return report(sub, s);
        printList(rs, now);
        return kOk;
    }
    const std::string id = pos[1].toStdString();
    ApprovalRequest r;
    if (sub == QLatin1String("show")) {
        if (GateStatus s = gate.find(id, r); !s) return report(sub, s);
        printOne(r, now);
        return kOk;
    }
    // Every decision goes into the audit log, chained and sealed with the engine's
    // key (created beside the user's config if this is the first). The gate has
    // committed by the time onRecord runs: a failed append cannot undo the
    // decision, so it is reported and the command exits 1.
    auto key = vigil::audit::loadOrCreateKey(vigil::audit::defaultKeyPath());
    if (!key) return usageError(QStringLiteral("approvals %1: audit key: %2").arg(sub, QString::fromStdString(key.error())));
    auto auditLog = vigil::audit::AuditLog::open(dbPath.toStdString(), std::move(key).value());
    if (!auditLog) return usageError(QStringLiteral("approvals %1: audit log: %2").arg(sub, QString::fromStdString(auditLog.error())));
    std::string auditError;
    gate.onRecord([&](const vigil::Record& rec) {
        if (const auto appended = auditLog.value()->appendRecords({rec}); !appended) auditError = appended.error();
    });
    const std::string who = parser.value(asOpt).toStdString(), comment = parser.value(commentOpt).toStdString();
    const GateStatus s = sub == QLatin1String("approve") ? gate.approve(id, who, comment, &r) : gate.reject(id, who, comment, &r);
    if (!s) return report(sub, s);
    std::printf("%s\n", vigil::signoff::decisionSummary(r).c_str());
    if (!auditError.empty()) {
        std::fprintf(stderr, "vigilctl: approvals %s: decided, but not audited: %s\n", qPrintable(sub), auditError.c_str());
        return kFailed;
    }
    return kOk;
}

}  // namespace vigilctl
