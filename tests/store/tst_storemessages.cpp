// Schema v9: an incident's story and an anomaly's explanation as message ids with
// arguments, and a prediction's time to breach, read back equal from SQLite; a
// v8 file (rows without them) still opens, migrates, and reads back with the
// stored English text only. (Damaged message columns: tst_storereader.)
#include "store/Schema.h"
#include "store/StoreReader.h"
#include "store/StoreTestData.h"
#include "store/StoreWriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::store;
using namespace storetest;

namespace {

// A version-8 file as a build before v9 left it: steps 1..8 applied by hand, one
// anomaly and one incident written with the columns they had then.
bool writeVersion8File(const QString& path, std::string& err) {
    std::string sql = "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    for (const Migration& m : migrations())
        if (m.version <= 8) sql += m.sql;
    sql += "PRAGMA user_version = 8;"
           "INSERT INTO meta VALUES ('created_by', 'vigil 0.8');"
           "INSERT INTO anomalies(id, ts, detector, series, target, score, observed, expected_low, expected_high,"
           " explanation) VALUES ('anom-old', 100, 'forecast.breach', 'worker.queue', 'pool:a', 0.9, 700, 0, 1000,"
           " 'Queue of pool:a reaches 1000 in about 6 min.');"
           "INSERT INTO incidents(id, ts, state, severity, opened, cause, narrative, anomaly_count)"
           " VALUES ('inc-old', 200, 'open', 'warning', 100, 'pool:a', 'Likely cause: pool:a. 1 anomaly so far.', 1);";
    return rawExec(path, sql.c_str(), &err);
}

}  // namespace

class TestStoreMessages : public QObject {
    Q_OBJECT

private slots:
    void messagesAndTimeToBreachReadBackEqual() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        const auto records = everyKind(8);
        {
            auto w = StoreWriter::open(path);
            QVERIFY2(w.ok(), w.error().c_str());
            QVERIFY((*w)->append(records));
            (*w)->close();
            QCOMPARE((*w)->stats().rowsFailed, 0);
        }
        auto r = StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        const auto anomalies = (*r)->anomalies();
        QVERIFY2(anomalies.ok(), anomalies.error().c_str());
        const auto wroteAnomalies = only<Anomaly>(records);
        QCOMPARE(anomalies->size(), wroteAnomalies.size());
        int predictions = 0, withMessages = 0;
        for (std::size_t i = 0; i < wroteAnomalies.size(); ++i) {
            QVERIFY(anomalies->at(i).explanation_msgs == wroteAnomalies[i].explanation_msgs);
            QCOMPARE(anomalies->at(i).time_to_breach_ms, wroteAnomalies[i].time_to_breach_ms);
            predictions += anomalies->at(i).time_to_breach_ms.has_value();
            withMessages += !anomalies->at(i).explanation_msgs.empty();
        }
        QCOMPARE(predictions, 4);  // and 4 without: NULL stays absent
        QVERIFY(withMessages > 0);

        const auto incidents = (*r)->incidents();
        QVERIFY2(incidents.ok(), incidents.error().c_str());
        for (const Incident& wrote : only<Incident>(records)) {
            const auto it = std::find_if(incidents->begin(), incidents->end(), [&](auto& i) { return i.id == wrote.id; });
            QVERIFY(it != incidents->end());
            QCOMPARE(it->story.size(), wrote.story.size());
            QVERIFY(it->story == wrote.story);
        }
    }

    void laterUpdatesReplaceMessagesAndTimeToBreach() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vigil.db").toStdString();
        Anomaly a;
        a.ts = 10;
        a.id = "anom-1";
        a.explanation_msgs = messages(3);
        a.time_to_breach_ms = 90'000;
        Incident inc = incident(10, "inc-1", IncidentState::Open, {"pool:a"});
        inc.story = messages(2);
        Anomaly again = a;  // the same id written again (a replay): no longer a prediction
        again.time_to_breach_ms.reset();
        again.explanation_msgs = messages(1);
        Incident later = inc;
        later.ts = 20;
        later.story = messages(3);
        {
            auto w = StoreWriter::open(path);
            QVERIFY2(w.ok(), w.error().c_str());
            QVERIFY((*w)->append({a, inc}));
            QVERIFY((*w)->append({again, later}));
            (*w)->close();
        }
        auto r = StoreReader::open(path);
        QVERIFY2(r.ok(), r.error().c_str());
        QVERIFY(*(*r)->anomalies() == std::vector<Anomaly>{again});
        QVERIFY(*(*r)->incidents() == std::vector<Incident>{later});
    }

    void aVersion8FileOpensAndShowsItsStoredText() {
        QTemporaryDir dir;
        const QString path = dir.filePath("v8.db");
        std::string err;
        QVERIFY2(writeVersion8File(path, err), err.c_str());
        {
            auto db = Database::open(path.toStdString(), OpenMode::ReadWrite);
            QVERIFY2(db.ok(), db.error().c_str());
            QCOMPARE(db->openedAtVersion(), 8);
            QCOMPARE(db->schemaVersion(), kSchemaVersion);
        }
        auto r = StoreReader::open(path.toStdString());
        QVERIFY2(r.ok(), r.error().c_str());
        const auto anomalies = (*r)->anomalies();
        QVERIFY2(anomalies.ok(), anomalies.error().c_str());
        QCOMPARE(int(anomalies->size()), 1);
        QCOMPARE(anomalies->front().explanation, std::string("Queue of pool:a reaches 1000 in about 6 min."));
        QVERIFY(anomalies->front().explanation_msgs.empty());
        QVERIFY(!anomalies->front().time_to_breach_ms);  // unknown for old rows
        const auto incidents = (*r)->incidents();
        QVERIFY2(incidents.ok(), incidents.error().c_str());
        QCOMPARE(int(incidents->size()), 1);
        QCOMPARE(incidents->front().narrative, std::string("Likely cause: pool:a. 1 anomaly so far."));
        QVERIFY(incidents->front().story.empty());
    }
};

QTEST_GUILESS_MAIN(TestStoreMessages)
#include "tst_storemessages.moc"
