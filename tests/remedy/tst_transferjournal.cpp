// TransferJournal on a real SQLite file: one key names one transfer, the
// nonce is fixed once, every send is journaled before it goes out, and all of
// it is there again after the database is closed and reopened.
#include "remedy/chain/TransferJournal.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace vigil;
using namespace vigil::remedy;

namespace {

TransferRequest request(const std::string& key = "incident-7/refill") {
    TransferRequest r;
    r.key = key;
    r.chain = "anvil";
    r.from = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    r.to = "0x000000000000000000000000000000000000dEaD";
    r.value = "0xde0b6b3a7640000";
    return r;
}

}  // namespace

class TestTransferJournal : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    store::Database open(const char* name) {
        auto db = store::Database::open(dir_.filePath(name).toStdString(), store::OpenMode::ReadWrite);
        if (!db) qFatal("%s", db.error().c_str());
        return std::move(db.value());
    }

private slots:
    void oneKeyNamesOneTransfer() {
        auto db = open("keys.db");
        TransferJournal j(db);
        auto r = j.insertIfAbsent(request(), 100);
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(*r, true);
        auto same = request();
        same.to = "0x000000000000000000000000000000000000DEAD";  // case does not matter
        r = j.insertIfAbsent(same, 200);
        QVERIFY(r.ok());
        QCOMPARE(*r, false);
        auto other = request();
        other.value = "0x1";
        r = j.insertIfAbsent(other, 300);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("'incident-7/refill' already names a different transfer") != std::string::npos,
                 r.error().c_str());
        auto found = j.find("incident-7/refill");
        QVERIFY(found.ok() && *found);
        QCOMPARE((*found)->state, TransferState::Planned);
        QCOMPARE((*found)->created, TimestampMs(100));
        QVERIFY(!(*found)->nonce);
    }

    void nonceIsFixedOnce() {
        auto db = open("nonce.db");
        TransferJournal j(db);
        QVERIFY(j.insertIfAbsent(request(), 1).ok());
        QVERIFY(j.fixNonce("incident-7/refill", 4, 10, 2).ok());
        QVERIFY(j.fixNonce("incident-7/refill", 9, 11, 3).ok());  // ignored: already fixed
        auto t = j.find("incident-7/refill");
        QCOMPARE((*t)->nonce, std::optional<std::uint64_t>(4));
        QCOMPARE((*t)->sentBlock, std::optional<std::uint64_t>(10));
    }

    void sendsAreJournaledBeforeAndAfter() {
        const char* name = "sends.db";
        {
            auto db = open(name);
            TransferJournal j(db);
            QVERIFY(j.insertIfAbsent(request(), 1).ok());
            QVERIFY(j.fixNonce("incident-7/refill", 0, 1, 2).ok());
            const TxFees fees{false, 3'000'000'000, 1'000'000'000, 0};
            QVERIFY(j.beginSend("incident-7/refill", 1, fees, 3).ok());
            auto t = j.find("incident-7/refill");
            QCOMPARE((*t)->state, TransferState::Sending);
            QCOMPARE((*t)->sends.size(), size_t(1));
            QCOMPARE((*t)->sends[0].outcome, std::string("sending"));
            QCOMPARE((*t)->sends[0].fees, fees);
            QVERIFY(j.finishSend("incident-7/refill", 1, "0xabc", "sent", TransferState::Pending, "", 4).ok());
            QVERIFY(j.beginSend("incident-7/refill", 2, {false, 3'360'000'000, 1'120'000'000, 0}, 5).ok());
            // Crash here: attempt 2 is 'sending' with no answer.
        }
        auto db = open(name);
        TransferJournal j(db);
        auto open = j.open();
        QVERIFY(open.ok());
        QCOMPARE(open->size(), size_t(1));
        const auto& t = open->front();
        QCOMPARE(t.state, TransferState::Sending);
        QCOMPARE(t.sends.size(), size_t(2));
        QCOMPARE(t.sends[0].txHash, std::string("0xabc"));
        QCOMPARE(t.sends[1].outcome, std::string("sending"));
        QCOMPARE(t.lastSend()->attempt, 2);
        QVERIFY(j.setSendHash("incident-7/refill", 2, "0xdef").ok());
        QVERIFY(j.setState("incident-7/refill", TransferState::Mined, "0xdef", "mined in block 3", 6).ok());
        QVERIFY(j.open()->empty());
        auto done = j.find("incident-7/refill");
        QCOMPARE((*done)->minedHash, std::string("0xdef"));
        QCOMPARE((*done)->sends[1].txHash, std::string("0xdef"));
        QVERIFY(isFinal((*done)->state));
    }

    void unknownStateIsAnErrorNamingTheRow() {
        auto db = open("bad.db");
        TransferJournal j(db);
        QVERIFY(j.insertIfAbsent(request("k1"), 1).ok());
        QVERIFY(db.exec("UPDATE transfers SET state = 'exploded' WHERE key = 'k1'").ok());
        auto t = j.find("k1");
        QVERIFY(!t.ok());
        QVERIFY2(t.error().find("bad.db: transfers row 'k1': unknown state 'exploded'") != std::string::npos,
                 t.error().c_str());
    }

    void stateNamesRoundTrip() {
        for (auto s : {TransferState::Planned, TransferState::Sending, TransferState::Pending, TransferState::Mined,
                       TransferState::Reverted, TransferState::Failed, TransferState::Conflict})
            QCOMPARE(parseTransferState(transferStateName(s)), std::optional<TransferState>(s));
        QVERIFY(!parseTransferState("nope"));
    }
};

QTEST_GUILESS_MAIN(TestTransferJournal)
#include "tst_transferjournal.moc"
