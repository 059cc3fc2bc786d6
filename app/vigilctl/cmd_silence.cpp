// vigilctl silence add (--target T | --label K=V ... | --kind K)... (--for DURATION | --until ISO) [--from ISO]
//                      --reason R --as USER [--db DB]
//                 list [--all] [--db DB]
//                 expire ID --as USER [--db DB]
// Silences on the database a running vigil or `vigilctl run` uses: the engine's
// poller picks a change up within a second (docs/operations.md, "Silences").
// Every add and expiry is appended to the audit log. Times are wall-clock UTC.
// Exit 0 done, 1 the silence had already ended (expire), 2 bad usage, unknown
// id or unreadable database — and then nothing was changed.
#include "vigilctl/Commands.h"

#include "audit/SilenceAudit.h"
#include "common/DefaultPaths.h"
#include "record/Clock.h"
#include "silence/SilenceMatch.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>

namespace vigilctl {

namespace {

using vigil::TimestampMs;
using vigil::silence::Silence;

const char* const kKinds[] = {"rpc-outage", "latency-spike", "stuck-tx", "worker-overload", "failed-tx-burst", "wallet-drain"};

// "2h", "90m", "1d", "1h30m" -> ms; false for anything else (or 0, or over a year).
bool parseDuration(const QString& text, TimestampMs& out) {
    static const QRegularExpression part(QStringLiteral("(\\d{1,6})([smhd])"));
    static const QRegularExpression whole(QStringLiteral("^(\\d{1,6}[smhd])+$"));
    if (!whole.match(text).hasMatch()) return false;
    out = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const TimestampMs n = m.captured(1).toLongLong();
        const QChar u = m.captured(2).at(0);
        out += n * (u == 's' ? 1'000 : u == 'm' ? 60'000 : u == 'h' ? 3'600'000 : 86'400'000);
    }
    return out > 0 && out <= 366LL * 86'400'000;
}

// ISO 8601 with a zone ("2026-11-30T03:00:00Z", "...+01:00"); a time without a zone is UTC.
bool parseIso(const QString& text, TimestampMs& out) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) return false;
    if (t.timeSpec() == Qt::LocalTime) t.setTimeSpec(Qt::UTC);
    out = t.toMSecsSinceEpoch();
    return true;
}

std::string utc(TimestampMs ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string stateOf(const Silence& s, TimestampMs now) {
    if (!s.expiredBy.empty() && s.ends <= now) return "expired";
    if (s.ends <= now) return "ended";
    return s.starts > now ? "pending" : "active";
}

void printList(const std::vector<Silence>& rows, TimestampMs now) {
    std::printf("%-5s %-8s %-21s %-21s %-12s %s\n", "ID", "STATE", "STARTS", "ENDS", "BY", "MATCHERS — REASON");
    for (const auto& s : rows) {
        std::string by = s.createdBy;
        if (!s.expiredBy.empty()) by += " (expired by " + s.expiredBy + ")";
        std::printf("%-5lld %-8s %-21s %-21s %-12s %s — %s\n", static_cast<long long>(s.id), stateOf(s, now).c_str(),
                    utc(s.starts).c_str(), utc(s.ends).c_str(), by.c_str(), vigil::silence::describeMatchers(s).c_str(),
                    s.reason.c_str());
    }
    if (rows.empty()) std::printf("(no silences)\n");
}

}  // namespace

int cmdSilence(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "vigilctl silence add (--target T | --label K=V | --kind K)... (--for DURATION | --until ISO) [--from ISO] --reason R --as USER\n"
        "vigilctl silence list [--all]\n"
        "vigilctl silence expire ID --as USER\n"
        "A silenced anomaly is recorded and shown, but opens no incident, raises no notification and triggers no action."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Vigil database (default: %1).").arg(vigil::app::defaultDatabasePath()),
                                   QStringLiteral("DB"));
    const QCommandLineOption targetOpt(QStringLiteral("target"), QStringLiteral("Target to silence, exact or a glob (rpc:*, agent:agent-0?)."),
                                       QStringLiteral("T"));
    const QCommandLineOption labelOpt(QStringLiteral("label"),
                                      QStringLiteral("Label that must be equal (detector, series, target_kind, target_name, severity); repeatable."),
                                      QStringLiteral("K=V"));
    const QCommandLineOption kindOpt(QStringLiteral("kind"), QStringLiteral("Policy incident kind (rpc-outage, stuck-tx, ...)."), QStringLiteral("K"));
    const QCommandLineOption forOpt(QStringLiteral("for"), QStringLiteral("How long from the start: 90m, 2h, 1d, 1h30m."), QStringLiteral("DURATION"));
    const QCommandLineOption untilOpt(QStringLiteral("until"), QStringLiteral("End, ISO 8601 (UTC unless a zone is given)."), QStringLiteral("ISO"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QStringLiteral("Start, ISO 8601 (default: now)."), QStringLiteral("ISO"));
    const QCommandLineOption reasonOpt(QStringLiteral("reason"), QStringLiteral("Why (add)."), QStringLiteral("R"));
    const QCommandLineOption asOpt(QStringLiteral("as"), QStringLiteral("Who sets or ends the silence."), QStringLiteral("USER"));
    const QCommandLineOption allOpt(QStringLiteral("all"), QStringLiteral("list: also ended and expired silences."));
    parser.addOptions({dbOpt, targetOpt, labelOpt, kindOpt, forOpt, untilOpt, fromOpt, reasonOpt, asOpt, allOpt});
    if (auto rc = parseArguments(parser, args, "silence")) return *rc;
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(0);
    const bool add = sub == QLatin1String("add"), expire = sub == QLatin1String("expire"), list = sub == QLatin1String("list");
    if (!add && !expire && !list)
        return usageError(sub.isEmpty() ? QStringLiteral("silence: expected add, list or expire")
                                        : QStringLiteral("silence: unknown sub-command '%1' (add, list, expire)").arg(sub));
    if (expire ? pos.size() != 2 : pos.size() != 1)
        return usageError(expire ? QStringLiteral("silence expire: expected exactly one silence ID")
                                 : QStringLiteral("silence %1: unexpected argument '%2'").arg(sub, pos.value(1)));
    for (const auto* o : {&targetOpt, &labelOpt, &kindOpt, &forOpt, &untilOpt, &fromOpt, &reasonOpt})
        if (!add && parser.isSet(*o)) return usageError(QStringLiteral("silence %1: --%2 belongs to add").arg(sub, o->names().first()));
    if (!list && parser.isSet(allOpt)) return usageError(QStringLiteral("silence %1: --all belongs to list").arg(sub));
    if (list && parser.isSet(asOpt)) return usageError(QStringLiteral("silence list: --as belongs to add and expire"));
    if (!list && parser.value(asOpt).trimmed().isEmpty()) return usageError(QStringLiteral("silence %1: --as USER is required").arg(sub));

    const vigil::SystemClock clock;  // people set silences in wall-clock time
    const TimestampMs now = clock.now();
    Silence s;
    std::int64_t id = 0;
    if (add) {
        s.target = parser.value(targetOpt).toStdString();
        for (const QString& l : parser.values(labelOpt)) {
            std::string k, v, why;
            if (!vigil::silence::parseLabel(l.toStdString(), k, v, why))
                return usageError(QStringLiteral("silence add: --label: ") + QString::fromStdString(why));
            s.labels[k] = v;
        }
        s.kind = parser.value(kindOpt).toStdString();
        if (!s.kind.empty() && std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return s.kind == k; }))
            return usageError(QStringLiteral("silence add: --kind '%1': unknown (rpc-outage, latency-spike, stuck-tx, worker-overload, "
                                             "failed-tx-burst, wallet-drain)")
                                  .arg(parser.value(kindOpt)));
        if (parser.isSet(forOpt) == parser.isSet(untilOpt))
            return usageError(QStringLiteral("silence add: give either --for DURATION or --until ISO"));
        s.starts = now;
        if (parser.isSet(fromOpt) && !parseIso(parser.value(fromOpt), s.starts))
            return usageError(QStringLiteral("silence add: --from '%1': not an ISO 8601 time").arg(parser.value(fromOpt)));
        if (parser.isSet(forOpt)) {
            TimestampMs d = 0;
            if (!parseDuration(parser.value(forOpt), d))
                return usageError(QStringLiteral("silence add: --for '%1': expected a duration such as 90m, 2h, 1d (up to 366d)")
                                      .arg(parser.value(forOpt)));
            s.ends = s.starts + d;
        } else if (!parseIso(parser.value(untilOpt), s.ends)) {
            return usageError(QStringLiteral("silence add: --until '%1': not an ISO 8601 time").arg(parser.value(untilOpt)));
        }
        if (s.ends <= now) return usageError(QStringLiteral("silence add: it would end at %1, which is not in the future").arg(QString::fromStdString(utc(s.ends))));
        s.reason = parser.value(reasonOpt).trimmed().toStdString();
        s.createdBy = parser.value(asOpt).trimmed().toStdString();
        s.created = now;
        std::string why;
        if (!vigil::silence::validSilence(s, why)) {
            if (why.rfind("reason", 0) == 0) why = "--reason R is required";
            return usageError(QStringLiteral("silence add: ") + QString::fromStdString(why));
        }
    } else if (expire) {
        bool ok = false;
        id = pos[1].toLongLong(&ok);
        if (!ok || id <= 0) return usageError(QStringLiteral("silence expire: '%1' is not a silence ID (a number)").arg(pos[1]));
    }

    // add may create the database (a maintenance window planned before the first
    // run); list and expire never do.
    const QString dbPath = parser.isSet(dbOpt) ? parser.value(dbOpt) : vigil::app::defaultDatabasePath();
    if (!add && !QFileInfo(dbPath).isFile()) return usageError(QStringLiteral("silence %1: %2: no such database file").arg(sub, dbPath));
    if (list) {
        auto db = vigil::store::Database::open(dbPath.toStdString(), vigil::store::OpenMode::ReadOnly);
        if (!db) return usageError(QStringLiteral("silence list: ") + QString::fromStdString(db.error()));
        auto rows = vigil::silence::SilenceTable(*db).list(parser.isSet(allOpt) ? std::numeric_limits<TimestampMs>::min() : now);
        if (!rows) return usageError(QStringLiteral("silence list: ") + QString::fromStdString(rows.error()));
        printList(rows.value(), now);
        return kOk;
    }

    auto silences = vigil::audit::AuditedSilences::open(dbPath.toStdString());  // every change audited
    if (!silences) return usageError(QStringLiteral("silence %1: %2").arg(sub, QString::fromStdString(silences.error())));
    const auto done = add ? silences.value()->add(s) : silences.value()->expire(id, parser.value(asOpt).trimmed().toStdString(), now);
    if (!done) {
        std::fprintf(stderr, "vigilctl: silence %s: %s\n", qPrintable(sub), done.error().c_str());
        if (done.error().rfind("audit: ", 0) == 0) return kFailed;  // changed, but not audited: say so loudly
        return expire && done.error().find("already ended") != std::string::npos ? kFailed : kUsage;
    }
    const Silence& r = done.value();
    if (add)
        std::printf("silence %lld: %s from %s until %s by %s — %s\n", static_cast<long long>(r.id), vigil::silence::describeMatchers(r).c_str(),
                    utc(r.starts).c_str(), utc(r.ends).c_str(), r.createdBy.c_str(), r.reason.c_str());
    else
        std::printf("silence %lld expired at %s by %s\n", static_cast<long long>(r.id), utc(r.ends).c_str(), r.expiredBy.c_str());
    return kOk;
}

}  // namespace vigilctl
