// The audit sink: one entry per engine decision (never per input), kinds and
// subjects as documented, the record's NDJSON as body, the same bytes every run;
// through an audited StoreWriter the entries land chained and verifiable.
#include "audit/AuditChain.h"
#include "audit/AuditSink.h"
#include "audit/AuditVerifier.h"
#include "record/NdjsonCodec.h"
#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::audit;

namespace {

std::vector<Record> decisions() {
    std::vector<Record> v;
    v.push_back(MetricSample{1000, "rpc.latency_ms", "rpc:eth-main-a", 120.0});
    v.push_back(Anomaly{1001, "an-1", "metric.ensemble", "rpc.latency_ms", "rpc:eth-main-a", 0.9, 900, 80, 150, "latency x6"});
    Incident inc;
    inc.ts = 1002;
    inc.id = "inc-1";
    inc.opened = 1001;
    inc.targets = {"rpc:eth-main-a"};
    inc.cause = "rpc:eth-main-a";
    inc.narrative = "RPC endpoint slow";
    inc.anomaly_count = 1;
    v.push_back(inc);
    v.push_back(LogLine{1002, "agent-01", LogLevel::Error, "timeout"});
    v.push_back(Action{1003, "act-1", "inc-1", "failover_rpc", "rpc:eth-main-a", "{\"to\":\"rpc:eth-main-b\"}",
                       ActionStatus::Proposed, false});
    for (auto d : {ApprovalDecision::Requested, ApprovalDecision::Approved, ApprovalDecision::Rejected,
                   ApprovalDecision::Expired})
        v.push_back(Approval{1004, "apr-1", "act-1", "engine", "alice", d, 901004, "evidence"});
    v.push_back(Outcome{1005, "act-1", true, "traffic on eth-main-b"});
    return v;
}

}  // namespace

class TestAuditSink : public QObject {
    Q_OBJECT

private slots:
    void oneEntryPerDecision() {
        const auto records = decisions();
        std::vector<store::AuditEntry> out;
        appendAuditDrafts(records, out);
        const std::vector<std::string> kinds{"anomaly", "incident", "action", "approval_request", "approval",
                                             "rejection", "expiry", "outcome"};
        QCOMPARE(out.size(), kinds.size());
        for (std::size_t i = 0; i < kinds.size(); ++i) QCOMPARE(out[i].kind, kinds[i]);
        QCOMPARE(out[0].subject, std::string("an-1"));
        QCOMPARE(out[1].subject, std::string("inc-1"));
        QCOMPARE(out[2].subject, std::string("act-1"));
        QCOMPARE(out[3].subject, std::string("apr-1"));
        QCOMPARE(out[7].subject, std::string("act-1"));  // an outcome is about its action
        QCOMPARE(out[0].ts, 1001);
        QCOMPARE(out[0].body, toNdjson(records[1]));
        for (const auto& e : out) QVERIFY(e.seq == 0 && e.hash.empty());  // chaining is the writer's job

        std::vector<store::AuditEntry> again;
        appendAuditDrafts(records, again);
        QVERIFY(again == out);
    }

    void sinkWritesAVerifiableChain() {
        QTemporaryDir dir;
        const std::string db = dir.filePath(QStringLiteral("a.db")).toStdString();
        const std::string keyPath = dir.filePath(QStringLiteral("k/audit.key")).toStdString();
        auto w = openAuditedWriter(db, keyPath);
        QVERIFY2(w.ok(), w.error().c_str());
        auto sink = auditSink(*w.value());
        const auto records = decisions();
        sink(records, {});        // inputs alone are not audited
        sink({}, records);
        sink({}, records);
        w.value()->close();
        QCOMPARE(w.value()->stats().auditWritten, 16);
        QCOMPARE(w.value()->stats().rowsFailed, 0);

        auto key = loadKey(keyPath);
        QVERIFY2(key.ok(), key.error().c_str());
        auto v = verifyAuditLog(db, *key);
        QVERIFY2(v.ok(), v.error().c_str());
        QVERIFY2(v->intact, v->problem.c_str());
        QCOMPARE(v->entries, 16);
        auto reader = store::StoreReader::open(db);
        QVERIFY(reader.ok());
        auto rows = reader.value()->audit();
        QVERIFY(rows.ok());
        QCOMPARE(rows->at(8).kind, std::string("anomaly"));
        QCOMPARE(rows->at(8).prev_hash, rows->at(7).hash);
    }
};

QTEST_GUILESS_MAIN(TestAuditSink)
#include "tst_auditsink.moc"
