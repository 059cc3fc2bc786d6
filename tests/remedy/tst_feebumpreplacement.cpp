// FeeBumpReplacement: a replacement raises every fee by >= 10 % (EIP-1559
// both fees, legacy gasPrice), follows the node's suggestion when that is
// higher, and is refused rather than going above the cap.
#include "remedy/chain/FeeBumpReplacement.h"

#include <QtTest>

using namespace vigil::remedy;

namespace {
constexpr std::uint64_t kGwei = 1'000'000'000;
}

class TestFeeBumpReplacement : public QObject {
    Q_OBJECT
private slots:
    void raisedRoundsUp() {
        QCOMPARE(FeeBumpReplacement::raised(100, 10), std::uint64_t(110));
        QCOMPARE(FeeBumpReplacement::raised(101, 10), std::uint64_t(112));  // 111.1 -> 112
        QCOMPARE(FeeBumpReplacement::raised(1, 10), std::uint64_t(2));
        QCOMPARE(FeeBumpReplacement::raised(~std::uint64_t(0), 10), ~std::uint64_t(0));  // saturates
    }

    void initialFees() {
        FeeBumpReplacement f({12, 100 * kGwei});
        std::string why;
        auto fees = f.initial({10 * kGwei, 1 * kGwei, 11 * kGwei}, false, why);
        QVERIFY(fees);
        QCOMPARE(fees->maxPriorityFeePerGas, 1 * kGwei);
        QCOMPARE(fees->maxFeePerGas, 21 * kGwei);  // 2 x base + tip
        fees = f.initial({10 * kGwei, 1 * kGwei, 11 * kGwei}, true, why);
        QVERIFY(fees && fees->legacy);
        QCOMPARE(fees->gasPrice, 11 * kGwei);
        // Cap below base + tip: nothing is sent.
        FeeBumpReplacement low({12, 5 * kGwei});
        QVERIFY(!low.initial({10 * kGwei, 1 * kGwei, 11 * kGwei}, false, why));
        QVERIFY2(why.find("cap") != std::string::npos, why.c_str());
        // Cap between base + tip and 2 x base + tip: max fee is the cap.
        FeeBumpReplacement mid({12, 15 * kGwei});
        fees = mid.initial({10 * kGwei, 1 * kGwei, 11 * kGwei}, false, why);
        QVERIFY(fees);
        QCOMPARE(fees->maxFeePerGas, 15 * kGwei);
    }

    void bumpRaisesBothFeesAtLeastTenPercent() {
        FeeBumpReplacement f({10, 1000 * kGwei});
        const TxFees prev{false, 20 * kGwei, 2 * kGwei, 0};
        std::string why;
        auto next = f.bump(prev, {1 * kGwei, 1 * kGwei, 2 * kGwei}, why);
        QVERIFY(next);
        QCOMPARE(next->maxFeePerGas, 22 * kGwei);
        QCOMPARE(next->maxPriorityFeePerGas, 2200000000ull);
        QVERIFY(FeeBumpReplacement::raisesAll(prev, *next));
        // The node now wants more than +10 %: follow it.
        next = f.bump(prev, {40 * kGwei, 5 * kGwei, 0}, why);
        QVERIFY(next);
        QCOMPARE(next->maxPriorityFeePerGas, 5 * kGwei);
        QCOMPARE(next->maxFeePerGas, 45 * kGwei);
        QVERIFY(FeeBumpReplacement::raisesAll(prev, *next));
    }

    void bumpPercentBelowTenIsRaisedToTen() {
        FeeBumpReplacement f({3, 1000 * kGwei});
        QCOMPARE(f.policy().bumpPercent, 10);
        std::string why;
        auto next = f.bump({false, 100, 100, 0}, {}, why);
        QVERIFY(next);
        QVERIFY(FeeBumpReplacement::raisesAll({false, 100, 100, 0}, *next, 10));
    }

    void legacyBumpsGasPrice() {
        FeeBumpReplacement f({12, 1000 * kGwei});
        std::string why;
        const TxFees prev{true, 0, 0, 50 * kGwei};
        auto next = f.bump(prev, {0, 0, 10 * kGwei}, why);
        QVERIFY(next && next->legacy);
        QCOMPARE(next->gasPrice, 56 * kGwei);
        QVERIFY(FeeBumpReplacement::raisesAll(prev, *next, 12));
    }

    void neverAboveTheCap() {
        FeeBumpReplacement f({12, 30 * kGwei});
        std::string why;
        TxFees fees{false, 20 * kGwei, 2 * kGwei, 0};
        int bumps = 0;
        while (auto next = f.bump(fees, {}, why)) {
            QVERIFY(next->maxFeePerGas <= 30 * kGwei);
            fees = *next;
            ++bumps;
        }
        QCOMPARE(bumps, 3);  // 22.4, 25.09, 28.1; the next (31.5) would pass the cap
        QVERIFY2(why.find("would exceed the cap") != std::string::npos, why.c_str());
        QVERIFY(!f.bump({true, 0, 0, 29 * kGwei}, {}, why));
    }

    void raisesAllRejectsSmallOrMixedBumps() {
        QVERIFY(!FeeBumpReplacement::raisesAll({false, 100, 100, 0}, {false, 110, 109, 0}));
        QVERIFY(!FeeBumpReplacement::raisesAll({false, 100, 100, 0}, {false, 109, 200, 0}));
        QVERIFY(!FeeBumpReplacement::raisesAll({false, 100, 100, 0}, {true, 0, 0, 500}));
        QVERIFY(FeeBumpReplacement::raisesAll({false, 100, 100, 0}, {false, 110, 110, 0}));
    }
};

QTEST_GUILESS_MAIN(TestFeeBumpReplacement)
#include "tst_feebumpreplacement.moc"
