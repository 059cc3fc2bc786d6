// Sample records of every kind and small raw-SQLite helpers shared by the store
// tests. Values are deterministic and deliberately awkward (quotes, newlines,
// non-ASCII, negative and fractional numbers) so a lossy column shows up.
#pragma once

#include "record/Record.h"
#include "store/AuditEntry.h"

#include <sqlite3.h>

#include <QByteArray>
#include <QFile>
#include <QString>

#include <string>
#include <vector>

namespace storetest {

using namespace vigil;

inline MetricSample metric(TimestampMs ts, std::string series, std::string target, double v) {
    return MetricSample{ts, std::move(series), std::move(target), v};
}

inline Incident incident(TimestampMs ts, std::string id, IncidentState st, std::vector<std::string> targets) {
    Incident i;
    i.ts = ts;
    i.id = std::move(id);
    i.state = st;
    i.severity = st == IncidentState::Open ? Severity::Critical : Severity::Warning;
    i.opened = 1000;
    i.targets = std::move(targets);
    i.cause = "rpc:eth-main-a";
    i.narrative = "RPC \"eth-main-a\" stopped answering;\nagents failed over — ünïcode";
    i.anomaly_count = ts / 10;
    return i;
}

// i sentences of message ids with awkward arguments (text, word lists, quotes,
// non-ASCII); the ids need not be known ones, the store keeps them as they are.
inline std::vector<NarrativeSentence> messages(int i) {
    std::vector<NarrativeSentence> out;
    for (int s = 0; s < i % 4; ++s)
        out.push_back(NarrativeSentence{std::uint16_t(1000 + i + s),
                                        {NarrativeArg{"rpc:\"eth\"\n-" + std::to_string(s) + " — ü", {}},
                                         NarrativeArg{"", {"critical", "gas.spike"}}, NarrativeArg{}}});
    return out;
}

// n records of every non-metric kind plus n metrics over 3 series; timestamps
// increase with i so time-ordered reads keep this order within a kind.
inline std::vector<Record> everyKind(int n) {
    std::vector<Record> out;
    for (int i = 0; i < n; ++i) {
        const TimestampMs ts = 1'700'000'000'000 + i * 1000;
        out.push_back(metric(ts, "rpc.latency_ms", "rpc:eth-main-" + std::string(1, char('a' + i % 3)),
                             12.5 + i * 0.25 - (i % 2 ? 100.0 : 0.0)));
        out.push_back(TaskEvent{ts, "task-" + std::to_string(i), "agent-0" + std::to_string(i % 4), "airdrop_claim",
                                i % 3 == 0 ? TaskState::Failed : TaskState::Succeeded, "rpc:eth-main-a",
                                i % 3 == 0 ? "rpc_unavailable" : "", 250.75 + i});
        out.push_back(TxEvent{ts, "0x" + std::to_string(100000 + i), "agent-01", "ethereum", "rpc:eth-main-b", 40 + i,
                              i % 2 ? TxState::Confirmed : TxState::Submitted, 0.125 * i, 31.5, 1.75,
                              "transfer-" + std::to_string(i / 2)});
        out.push_back(LogLine{ts, "agent-02", i % 2 ? LogLevel::Error : LogLevel::Info,
                              "claim \"#" + std::to_string(i) + "\" failed:\n\tnonce too low — ✗"});
        Anomaly a{ts, "anom-" + std::to_string(i), "metric.ensemble", "rpc.latency_ms", "rpc:eth-main-a",
                  0.5 + i * 0.01, 900.0 + i, 10.0, 80.0, "latency 11× above its band"};
        a.explanation_msgs = messages(i);
        if (i % 2) a.time_to_breach_ms = 360'000 + i;  // a prediction; the others have none
        out.push_back(a);
        Incident inc = incident(ts, "inc-" + std::to_string(i), IncidentState::Open, {"rpc:eth-main-a", "agent-01"});
        inc.story = messages(i + 1);
        out.push_back(inc);
        out.push_back(Action{ts, "act-" + std::to_string(i), "inc-" + std::to_string(i), "failover_rpc", "agent-01",
                             R"({"to":"rpc:eth-main-b","reason":"outage"})", ActionStatus::AwaitingApproval, i % 2 == 0});
        out.push_back(Approval{ts, "appr-" + std::to_string(i), "act-" + std::to_string(i), "alice",
                               i % 2 ? "bob" : "", i % 2 ? ApprovalDecision::Approved : ApprovalDecision::Requested,
                               ts + 600'000, i % 2 ? "looks right" : ""});
        out.push_back(Outcome{ts, "act-" + std::to_string(i), i % 4 != 0, "latency back to 40 ms"});
    }
    return out;
}

template <class T>
std::vector<T> only(const std::vector<Record>& rs) {
    std::vector<T> out;
    for (const auto& r : rs)
        if (const T* x = std::get_if<T>(&r)) out.push_back(*x);
    return out;
}

inline store::AuditEntry auditEntry(std::int64_t seq, TimestampMs ts, std::string subject) {
    return store::AuditEntry{seq, ts, "action", subject, R"({"subject":")" + subject + "\"}",
                             "prev-" + std::to_string(seq - 1), "hash-" + std::to_string(seq)};
}

// Raw SQLite, independent of the code under test.
inline bool rawExec(const QString& path, const char* sql, std::string* error = nullptr) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    char* msg = nullptr;
    if (ok && sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        ok = false;
        if (error) *error = msg ? msg : "?";
    }
    sqlite3_free(msg);
    sqlite3_close(db);
    return ok;
}

inline std::string rawText(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    std::string out = "<error>";
    if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
                out = t ? t : "";
            } else if (rc == SQLITE_DONE) {
                out = "<no row>";
            }
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

inline QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace storetest
