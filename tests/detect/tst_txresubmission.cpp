// TxDelayDetector on what retries and broken pipes produce: a second `submitted`
// for the same sender, chain and nonce (a fee-bump replacement) and the same line
// twice (a duplicate). Both once crashed the detector (issue #7, item 1: it read a
// map node its own erase() had just freed).
#include "detect/events/TxDelayDetector.h"

#include <QtTest>

#include <random>

using namespace vigil;
using namespace vigil::events;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000;

TxEvent tx(TimestampMs ts, const std::string& hash, TxState state, std::int64_t nonce, double fee = 45,
           const std::string& agent = "a") {
    TxEvent t;
    t.ts = ts;
    t.tx_hash = hash;
    t.agent = agent;
    t.chain = "ethereum";
    t.nonce = nonce;
    t.state = state;
    t.max_fee_gwei = fee;
    t.priority_fee_gwei = 1.5;
    return t;
}

std::vector<Anomaly> stuck(const std::vector<Record>& out) {
    std::vector<Anomaly> a;
    for (const auto& r : out)
        if (const auto* x = std::get_if<Anomaly>(&r); x && x->detector == "tx.stuck") a.push_back(*x);
    return a;
}

}  // namespace

class TestTxResubmission : public QObject {
    Q_OBJECT
private slots:
    void sameNonceIsAReplacementTimedFromTheFirstSubmission() {
        TxDelayDetector d;
        std::vector<Record> out;
        QVERIFY(d.process(tx(kT0, "0xaa", TxState::Submitted, 1), out));
        QVERIFY(d.process(tx(kT0 + 1000, "0xbb", TxState::Submitted, 1, 60), out));  // fee bump
        QCOMPARE(d.pending(), std::size_t(1));
        QCOMPARE(d.replacements(), std::uint64_t(1));
        for (TimestampMs t = kT0 + 2000; t <= kT0 + 10 * 60'000; t += 1000) d.tick(t, out);
        const auto s = stuck(out);
        QCOMPARE(s.size(), std::size_t(1));  // one wait, reported once
        // The wait is counted from the FIRST submission (the replacement alone has
        // waited a second less), and the report names the replacement.
        QCOMPARE(s[0].observed, double(s[0].ts - kT0));
        QVERIFY(s[0].observed >= s[0].expected_high);
        QVERIFY2(s[0].explanation.find("0xbb") != std::string::npos, s[0].explanation.c_str());
        // The replacement confirms: nothing left pending.
        QVERIFY(d.process(tx(kT0 + 11 * 60'000, "0xbb", TxState::Confirmed, 1), out));
        QCOMPARE(d.pending(), std::size_t(0));
    }

    void supersededOneMinedEndsTheWait() {
        TxDelayDetector d;
        std::vector<Record> out;
        QVERIFY(d.process(tx(kT0, "0xaa", TxState::Submitted, 7), out));
        QVERIFY(d.process(tx(kT0 + 1000, "0xbb", TxState::Submitted, 7, 60), out));
        QVERIFY(d.process(tx(kT0 + 12'000, "0xaa", TxState::Confirmed, 7), out));  // the old one won
        QCOMPARE(d.pending(), std::size_t(0));
        for (TimestampMs t = kT0 + 13'000; t <= kT0 + 10 * 60'000; t += 1000) d.tick(t, out);
        QCOMPARE(stuck(out).size(), std::size_t(0));
    }

    void duplicateLineIsIdempotent() {
        TxDelayDetector d;
        std::vector<Record> out;
        const TxEvent s = tx(kT0, "0xaa", TxState::Submitted, 1);
        QVERIFY(d.process(s, out));
        QVERIFY(d.process(s, out));
        QCOMPARE(d.pending(), std::size_t(1));
        QCOMPARE(d.duplicates(), std::uint64_t(1));
        QCOMPARE(d.replacements(), std::uint64_t(0));
        QVERIFY(d.process(tx(kT0 + 1500, "0xaa", TxState::Confirmed, 1), out));
        QVERIFY(d.process(tx(kT0 + 1500, "0xaa", TxState::Confirmed, 1), out));
        // The duplicate arrives late, after the confirmation (within the reorder slack).
        QVERIFY(d.process(s, out));
        QCOMPARE(d.pending(), std::size_t(0));
        QCOMPARE(d.duplicates(), std::uint64_t(2));
        for (TimestampMs t = kT0 + 13'000; t <= kT0 + 10 * 60'000; t += 1000) d.tick(t, out);
        QCOMPARE(stuck(out).size(), std::size_t(0));
    }

    void manyDuplicatesAndReplacementsStayConsistent() {
        // What 1 % duplicated lines and fee bumps do to a long stream: every tx ends
        // confirmed, so nothing may stay pending and nothing may be called stuck.
        TxDelayDetector d;
        std::vector<Record> out;
        std::mt19937_64 rng(11);
        TimestampMs ts = kT0;
        for (int n = 0; n < 20'000; ++n, ts += 500) {
            const std::string agent = "agent-" + std::to_string(n % 7);
            const std::string h = "0x" + std::to_string(n);
            const TxEvent sub = tx(ts, h, TxState::Submitted, n, 45, agent);
            QVERIFY(d.process(sub, out));
            if (rng() % 10 == 0) QVERIFY(d.process(sub, out));  // duplicated line
            std::string last = h;
            for (int bump = 0; rng() % 4 == 0 && bump < 3; ++bump) {  // fee-bump replacements
                last = h + "r" + std::to_string(bump);
                QVERIFY(d.process(tx(ts + 100, last, TxState::Submitted, n, 50 + bump, agent), out));
            }
            const TxEvent done = tx(ts + 400, last, TxState::Confirmed, n, 45, agent);
            QVERIFY(d.process(done, out));
            if (rng() % 10 == 0) QVERIFY(d.process(done, out));
        }
        QCOMPARE(d.pending(), std::size_t(0));
        QCOMPARE(stuck(out).size(), std::size_t(0));
        QVERIFY(d.replacements() > 0);
        QVERIFY(d.duplicates() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTxResubmission)
#include "tst_txresubmission.moc"
