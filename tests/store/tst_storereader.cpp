// StoreReader: counts, series, metric ranges, time-ranged anomalies/events,
// approvals by action, audit paging, and clear errors on bad stored data.
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/StoreTestData.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::store;
using namespace storetest;

class TestStoreReader : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path_;
    std::vector<Record> written_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath("vigil.db").toStdString();
        auto w = StoreWriter::open(path_);
        QVERIFY2(w.ok(), w.error().c_str());
        written_ = everyKind(12);
        // Two series of 100 points each, interleaved, plus one with a single point.
        for (int i = 0; i < 100; ++i) {
            written_.push_back(storetest::metric(i * 10, "worker.queue", "pool:a", i));
            written_.push_back(storetest::metric(i * 10, "worker.queue", "pool:b", -i));
        }
        written_.push_back(storetest::metric(5, "api.latency_ms", "api:prices", 88.0));
        // Two-person approval of one action: request + two decisions.
        written_.push_back(Approval{10, "appr-x", "act-x", "carol", "", ApprovalDecision::Requested, 999, ""});
        written_.push_back(Approval{20, "appr-x", "act-x", "carol", "dave", ApprovalDecision::Approved, 999, "ok"});
        written_.push_back(Approval{30, "appr-x", "act-x", "carol", "erin", ApprovalDecision::Approved, 999, "ok"});
        QVERIFY((*w)->append(written_));
        std::vector<AuditEntry> audit;
        for (int s = 1; s <= 25; ++s) audit.push_back(auditEntry(s, 100 + s, "subject-" + std::to_string(s)));
        QVERIFY((*w)->appendAudit(audit));
        (*w)->close();
        QCOMPARE((*w)->stats().rowsFailed, 0);
    }

    void countsPerKind() {
        auto r = StoreReader::open(path_);
        QVERIFY2(r.ok(), r.error().c_str());
        auto c = (*r)->counts();
        QVERIFY2(c.ok(), c.error().c_str());
        std::array<std::int64_t, kRecordKindCount> expected{};
        for (const auto& rec : written_) ++expected[int(kindOf(rec))];
        QCOMPARE(c->perKind, expected);  // ids of incidents/actions are distinct here
        QCOMPARE(c->series, 3 + 3);      // everyKind's three plus ours
        QCOMPARE(c->audit, 25);
        QCOMPARE(c->records(), std::int64_t(written_.size()));
    }

    void seriesAreListedSorted() {
        auto r = StoreReader::open(path_);
        auto s = (*r)->series();
        QVERIFY(s.ok());
        QCOMPARE(int(s->size()), 6);
        QVERIFY(std::is_sorted(s->begin(), s->end(), [](auto& a, auto& b) {
            return std::tie(a.series, a.target) < std::tie(b.series, b.target);
        }));
        QVERIFY(s->front() == (SeriesKey{"api.latency_ms", "api:prices"}));
    }

    void metricRangeIsHalfOpenAndPerSeries() {
        auto r = StoreReader::open(path_);
        auto pts = (*r)->metrics("worker.queue", "pool:b", 100, 200);
        QVERIFY(pts.ok());
        QCOMPARE(int(pts->size()), 10);  // ts 100..190
        for (int i = 0; i < 10; ++i) QVERIFY(pts->at(i) == (MetricPoint{100 + i * 10, double(-(10 + i))}));
        QCOMPARE(int((*r)->metrics("worker.queue", "pool:a")->size()), 100);
        QVERIFY((*r)->metrics("worker.queue", "pool:zzz")->empty());
        QVERIFY((*r)->metrics("worker.queue", "pool:a", 200, 200)->empty());
    }

    // Many small transactions (many metric blocks), interleaved series and
    // late samples: every range read must equal a filter over what was written.
    void metricRangesAcrossBlocksMatchWhatWasWritten() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("blocks.db").toStdString();
        auto w = StoreWriter::open(path, {.queueCapacity = 2, .maxRowsPerTransaction = 7});
        QVERIFY(w.ok());
        std::vector<MetricSample> all;
        std::uint32_t x = 12345;  // fixed LCG: deterministic shuffle of timestamps
        for (int i = 0; i < 600; ++i) {
            x = x * 1664525u + 1013904223u;
            const TimestampMs ts = (i * 10) - TimestampMs(x % 200);  // up to 20 steps late
            all.push_back(storetest::metric(ts, "rpc.latency_ms", "rpc:" + std::to_string(x % 4), i));
            QVERIFY((*w)->append({all.back()}));
            if (i % 50 == 0) (*w)->flush();  // vary transaction sizes
        }
        (*w)->close();
        QVERIFY((*w)->stats().transactions > 600 / 7);
        auto r = StoreReader::open(path);
        QVERIFY(r.ok());
        for (TimestampMs from : {TimestampMs(-500), TimestampMs(0), TimestampMs(1234), TimestampMs(5990)})
            for (TimestampMs to : {TimestampMs(7), TimestampMs(2000), TimestampMs(6000)})
                for (int t = 0; t < 4; ++t) {
                    const std::string target = "rpc:" + std::to_string(t);
                    std::vector<std::pair<TimestampMs, int>> want;  // (ts, write order): the read order
                    for (int i = 0; i < int(all.size()); ++i)
                        if (all[i].target == target && all[i].ts >= from && all[i].ts < to) want.push_back({all[i].ts, i});
                    std::sort(want.begin(), want.end());
                    auto got = (*r)->metrics("rpc.latency_ms", target, from, to);
                    QVERIFY(got.ok());
                    QCOMPARE(int(got->size()), int(want.size()));
                    for (std::size_t k = 0; k < want.size(); ++k)
                        QVERIFY(got->at(k) == (MetricPoint{want[k].first, double(want[k].second)}));
                }
    }

    void eventsAndAnomaliesByTimeRange() {
        auto r = StoreReader::open(path_);
        const TimestampMs t0 = 1'700'000'000'000;
        auto logs = (*r)->events(RecordKind::Log, t0 + 3000, t0 + 6000);
        QVERIFY(logs.ok());
        QCOMPARE(int(logs->size()), 3);
        QCOMPARE(timestampOf(logs->front()), t0 + 3000);
        QVERIFY(std::holds_alternative<LogLine>(logs->back()));

        auto an = (*r)->anomalies(t0 + 10'000, kEndOfTime);
        QVERIFY(an.ok());
        QCOMPARE(int(an->size()), 2);
        QCOMPARE(an->front().id, std::string("anom-10"));

        auto wrong = (*r)->events(RecordKind::Anomaly);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().find("not anomaly") != std::string::npos, wrong.error().c_str());
    }

    void approvalsOfOneActionInOrder() {
        auto r = StoreReader::open(path_);
        auto a = (*r)->approvals("act-x");
        QVERIFY(a.ok());
        QCOMPARE(int(a->size()), 3);
        QCOMPARE(a->at(1).approver, std::string("dave"));
        QCOMPARE(a->at(2).approver, std::string("erin"));
        QCOMPARE(int((*r)->approvals()->size()), 12 + 3);
    }

    void auditPages() {
        auto r = StoreReader::open(path_);
        auto page = (*r)->audit(11, 5);
        QVERIFY(page.ok());
        QCOMPARE(int(page->size()), 5);
        QCOMPARE(page->front().seq, 11);
        QCOMPARE(page->back().seq, 15);
        auto last = (*r)->lastAudit();
        QVERIFY(last.ok() && last->has_value());
        QVERIFY(**last == auditEntry(25, 125, "subject-25"));
    }

    void emptyDatabaseHasNoLastAudit() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("empty.db").toStdString();
        QVERIFY(StoreWriter::open(path).ok());
        auto r = StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        auto last = (*r)->lastAudit();
        QVERIFY(last.ok());
        QVERIFY(!last->has_value());
        QCOMPARE((*r)->counts()->records(), 0);
    }

    void readerSeesCommitsOfALiveWriter() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("live.db").toStdString();
        auto w = StoreWriter::open(path);
        QVERIFY(w.ok());
        auto r = StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        for (int round = 1; round <= 3; ++round) {
            QVERIFY((*w)->append({storetest::metric(round, "s", "t", round)}));
            (*w)->flush();
            QCOMPARE((*r)->counts()->perKind[int(RecordKind::Metric)], round);
        }
    }

    void damagedStoredRowsAreErrorsNotCrashes() {
        QTemporaryDir dir;
        const QString path = dir.filePath("damaged.db");
        {
            auto w = StoreWriter::open(path.toStdString());
            QVERIFY(w.ok());
            QVERIFY((*w)->append(everyKind(3)));
            (*w)->close();
        }
        QVERIFY(rawExec(path, "UPDATE events SET body = '{\"v\":1,\"kind\":\"log\",\"ts\":' WHERE seq = 2;"
                              "UPDATE actions SET status = 'exploded' WHERE id = 'act-1';"
                              "UPDATE incidents SET story = '[{\"msg\":1,\"args\":[{\"words\":[]}]}]' WHERE id = 'inc-1';"
                              "UPDATE anomalies SET explanation_msgs = '[{\"msg\":' WHERE id = 'anom-2';"));
        auto r = StoreReader::open(path.toStdString());
        QVERIFY(r.ok());
        const QString kind = QString::fromStdString(rawText(path, "SELECT kind FROM events WHERE seq = 2"));
        RecordKind k{};
        QVERIFY(kindFromName(kind.toStdString(), k));
        auto ev = (*r)->events(k);
        QVERIFY(!ev.ok());
        QVERIFY2(QString::fromStdString(ev.error()).startsWith(path + ": events row 2: cannot decode stored record"),
                 ev.error().c_str());
        auto act = (*r)->actions();
        QVERIFY(!act.ok());
        QCOMPARE(QString::fromStdString(act.error()), path + ": unknown action status 'exploded'");
        // Message ids (schema v9): the row, the column and what is wrong.
        auto inc = (*r)->incidents();
        QVERIFY(!inc.ok());
        QCOMPARE(QString::fromStdString(inc.error()),
                 path + ": incident inc-1: story: sentence 1: argument 1: \"text\" missing or not a string");
        auto an = (*r)->anomalies();
        QVERIFY(!an.ok());
        QVERIFY2(QString::fromStdString(an.error()).startsWith(path + ": anomaly anom-2: explanation_msgs: not JSON: "),
                 an.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestStoreReader)
#include "tst_storereader.moc"
