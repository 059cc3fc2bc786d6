// The forecasting detector (forecast.breach) and its trend fit on synthetic series
// whose answer is known by construction: a steady climb towards a limit is
// predicted with the right time to breach, a falling balance against its reserve
// too; flat, noisy, slow, levelled-off and already-breached series are not.
#include "detect/ExplainedCheck.h"
#include "detect/events/EventDetectors.h"
#include "detect/forecast/ForecastBreachDetector.h"
#include "detect/forecast/TrendFit.h"
#include "detect/forecast/TrendWindow.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace vigil;
using namespace vigil::forecast;

namespace {

constexpr TimestampMs kT0 = 1'700'000'000'000;

MetricSample sample(TimestampMs ts, const std::string& series, const std::string& target, double v) {
    return MetricSample{ts, series, target, v};
}

// A portable normal noise source (no std::*_distribution: its output differs
// between standard libraries).
struct Noise {
    std::uint64_t s = 0x9E3779B97F4A7C15ULL;
    double uniform() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>((s >> 11) + 1) / 9007199254740993.0;
    }
    double normal() { return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform()); }
};

std::vector<Anomaly> feed(ForecastBreachDetector& d, const std::vector<MetricSample>& in) {
    std::vector<Record> out;
    for (const auto& m : in) d.process(m, out);
    std::vector<Anomaly> a;
    for (const auto& r : out) {
        checkExplained(std::get<Anomaly>(r));
        a.push_back(std::get<Anomaly>(r));
    }
    return a;
}

// A pool's queue: depth each second from f(seconds), capacity every 5 s.
std::vector<MetricSample> queue(int seconds, double capacity, const std::function<double(int)>& depth) {
    std::vector<MetricSample> v;
    for (int i = 0; i < seconds; ++i) {
        const TimestampMs ts = kT0 + i * 1000;
        if (i % 5 == 0) v.push_back(sample(ts, "worker.queue_capacity", "pool:p", capacity));
        v.push_back(sample(ts, "worker.queue_depth", "pool:p", depth(i)));
    }
    return v;
}

}  // namespace

class TestForecast : public QObject {
    Q_OBJECT

private slots:
    void senSlopeOfALineIsExactWithASignificantTrend() {
        std::vector<TrendPoint> pts;
        for (int i = 0; i < 20; ++i) pts.push_back({i * 5.0, 3.0 + 0.5 * i * 5.0});
        const auto f = fitTrend(pts);
        QVERIFY(f.has_value());
        QCOMPARE(f->slope, 0.5);
        QCOMPARE(f->level, 3.0 + 0.5 * 95.0);
        QVERIFY(f->slopeLow <= 0.5 && f->slopeHigh >= 0.5);
        QVERIFY2(f->z > 5, qPrintable(QString::number(f->z)));
    }

    void senSlopeIgnoresAnOutlierThatMovesLeastSquares() {
        std::vector<TrendPoint> pts;
        for (int i = 0; i < 20; ++i) pts.push_back({double(i), 10.0 + 2.0 * i});
        pts[3].v = 500;  // one wild sample
        const auto f = fitTrend(pts);
        QVERIFY(f.has_value());
        QVERIFY2(std::abs(f->slope - 2.0) < 0.05, qPrintable(QString::number(f->slope)));
        QVERIFY(std::abs(f->level - 48.0) < 1.0);
    }

    void trendFitRefusesTooFewOrUnorderedPoints() {
        QVERIFY(!fitTrend({{0, 1}, {1, 2}}).has_value());
        QVERIFY(!fitTrend({{0, 1}, {2, 2}, {1, 3}}).has_value());
        QVERIFY(!fitTrend({{0, 1}, {0, 2}, {1, 3}}).has_value());
    }

    // The detector tests trendZ before it fits (the fit was half of a replay's
    // time): the same z bit for bit, ties included, and refused in the same cases.
    void trendZIsTheFitsZ() {
        const std::vector<TrendPoint> tied{{0, 1}, {1, 1}, {2, 2}};  // S = 2, Var(S) = (66 - 18) / 18
        QVERIFY(std::abs(*trendZ(tied) - 1.0 / std::sqrt(48.0 / 18.0)) < 1e-12);
        Noise noise;
        for (int run = 0; run < 200; ++run) {
            const int n = 3 + run % 38;
            std::vector<TrendPoint> pts;
            for (int i = 0; i < n; ++i)  // integer gauges tie a lot; some runs trend, some do not
                pts.push_back({i * 5.0, std::round(noise.normal() * 3 + (run % 3) * 0.2 * i)});
            const auto f = fitTrend(pts);
            const auto z = trendZ(pts);
            QVERIFY(f.has_value() && z.has_value());
            QVERIFY2(*z == f->z, qPrintable(QString("run %1: %2 vs %3").arg(run).arg(*z).arg(f->z)));
            // Selection on parts of the slopes gives the order statistics of a full sort.
            std::vector<double> sorted;
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j) sorted.push_back((pts[j].v - pts[i].v) / (pts[j].t - pts[i].t));
            std::sort(sorted.begin(), sorted.end());
            const std::size_t N = sorted.size();
            const double median = N % 2 ? sorted[N / 2] : (sorted[N / 2 - 1] + sorted[N / 2]) / 2.0;
            QVERIFY(f->slope == median);
            QVERIFY(f->slopeLow <= f->slope && f->slope <= f->slopeHigh);
            QVERIFY(std::binary_search(sorted.begin(), sorted.end(), f->slopeLow));
            QVERIFY(std::binary_search(sorted.begin(), sorted.end(), f->slopeHigh));
        }
        QVERIFY(!trendZ({{0, 1}, {1, 2}}).has_value());
        QVERIFY(!trendZ({{0, 1}, {2, 2}, {1, 3}}).has_value());
    }

    // The detector keeps its window's S, values and slopes up to date instead of
    // refitting per sample: after any mix of new points, the oldest leaving and the
    // newest replaced, z and every field of the fit equal trendZ/fitTrend on the
    // same points bit for bit (ties, repeated slopes and a full window included).
    void trendWindowIsTheFullFit() {
        Noise noise;
        for (int run = 0; run < 44; ++run) {
            const std::size_t cap = 1 + std::size_t(run % 38);
            TrendWindow w(cap);
            double t = 0;
            for (int i = 0; i < 150; ++i) {
                const double v = std::round(noise.normal() * 3 + (run % 3) * 0.2 * i) / (run % 2 ? 1.0 : 4.0);
                const bool replace = w.size() >= 2 && noise.uniform() < 0.6;
                t += replace ? 0.25 : 5.0;
                if (replace) w.replaceNewest({t, v});
                else w.push({t, v});
                QVERIFY(w.size() <= cap);
                const auto& pts = w.points();
                const auto z = w.z();
                const auto f = w.fit(1.96);
                const auto rz = trendZ(pts);
                const auto rf = fitTrend(pts, 1.96);
                QCOMPARE(z.has_value(), rz.has_value());
                QCOMPARE(f.has_value(), rf.has_value());
                if (!rf) continue;
                QVERIFY2(*z == *rz && f->z == rf->z, qPrintable(QString("run %1 point %2: z").arg(run).arg(i)));
                QVERIFY2(f->slope == rf->slope && f->slopeLow == rf->slopeLow && f->slopeHigh == rf->slopeHigh,
                         qPrintable(QString("run %1 point %2: slope %3 vs %4").arg(run).arg(i).arg(f->slope).arg(rf->slope)));
                QVERIFY(f->level == rf->level);
                QCOMPARE(f->n, rf->n);
                const auto l = w.line();
                const auto rl = senLine(pts);
                QVERIFY(l && rl && l->slope == rl->slope && l->level == rl->level);
            }
        }
    }

    // S from the sorted values (TrendWindow::signSum) at the ends of the doubles: huge
    // differences that overflow to infinity, signed zeros, the smallest subnormal.
    void trendWindowZAtTheExtremes() {
        const double vals[] = {1e308, -1e308, 0.0, -0.0, 5e-324, -5e-324, 1e308, 3.0, -0.0, 1e-300};
        for (std::size_t cap : {3, 4, 7, 36}) {
            TrendWindow w(cap);
            double t = 0;
            for (int i = 0; i < 60; ++i) {
                const double v = vals[(i * 7) % std::size(vals)];
                const bool replace = w.size() >= 2 && i % 3 == 1;
                t += replace ? 0.5 : 5.0;
                if (replace) w.replaceNewest({t, v});
                else w.push({t, v});
                const auto z = w.z();
                const auto rz = trendZ(w.points());
                QCOMPARE(z.has_value(), rz.has_value());
                if (rz) QVERIFY2(*z == *rz, qPrintable(QString("cap %1 point %2").arg(cap).arg(i)));
            }
        }
    }

    // line() asked now and then (the forecast asks it of the newest minute only when the
    // whole window trends), z() every point: both stay senLine's and trendZ's numbers
    // bit for bit, ties included (the values are rounded: many are equal).
    void trendWindowLineIsSenLine() {
        Noise noise;
        int lines = 0;
        for (int run = 0; run < 30; ++run) {
            const std::size_t cap = 1 + std::size_t(run % 14);
            TrendWindow w(cap);
            double t = 0;
            for (int i = 0; i < 300; ++i) {
                const double v = std::round(noise.normal() * 2 + (run % 3) * 0.1 * i) / (run % 2 ? 1.0 : 4.0);
                const bool replace = w.size() >= 2 && noise.uniform() < 0.6;
                t += replace ? 0.25 : 5.0;
                if (replace) w.replaceNewest({t, v});
                else w.push({t, v});
                const auto z = w.z();
                const auto rz = trendZ(w.points());
                QCOMPARE(z.has_value(), rz.has_value());
                if (z) QVERIFY2(*z == *rz, qPrintable(QString("run %1 point %2: z").arg(run).arg(i)));
                if (noise.uniform() < 0.3) {
                    const auto l = w.line();
                    const auto rl = senLine(w.points());
                    QCOMPARE(l.has_value(), rl.has_value());
                    if (!rl) continue;
                    ++lines;
                    QVERIFY2(
                        l->slope == rl->slope && l->level == rl->level,
                        qPrintable(
                            QString("run %1 point %2: slope %3 vs %4").arg(run).arg(i).arg(l->slope).arg(rl->slope)));
                }
            }
        }
        QVERIFY(lines > 1000);
    }

    // The window drops its slopes after a few points without a fit and sorts them
    // afresh at the next one: fits asked every point, now and then, or after long
    // stretches without any (runs of replaced and new points between) still equal
    // fitTrend on the same points bit for bit.
    void trendWindowFitsAfterPointsWithoutFits() {
        Noise noise;
        int fits = 0, afterLongGap = 0;
        for (int run = 0; run < 30; ++run) {
            const std::size_t cap = 3 + std::size_t(run % 36);
            TrendWindow w(cap);
            double t = 0;
            int sinceFit = 0;
            for (int i = 0; i < 300; ++i) {
                const double v = std::round(noise.normal() * 3 + (run % 3) * 0.2 * i) / (run % 2 ? 1.0 : 4.0);
                const bool replace = w.size() >= 2 && noise.uniform() < 0.5;
                t += replace ? 0.25 : 5.0;
                if (replace) w.replaceNewest({t, v});
                else w.push({t, v});
                ++sinceFit;
                // Phases: fit every point, then rarely, then in bursts.
                const int phase = (i / 60) % 3;
                const bool fitNow = phase == 0 || (phase == 1 && noise.uniform() < 0.04) ||
                                    (phase == 2 && noise.uniform() < 0.3);
                if (!fitNow) continue;
                const auto f = w.fit(1.96);
                const auto rf = fitTrend(w.points(), 1.96);
                QCOMPARE(f.has_value(), rf.has_value());
                if (!rf) continue;
                ++fits;
                if (sinceFit > 12) ++afterLongGap;
                sinceFit = 0;
                QVERIFY2(f->slope == rf->slope && f->slopeLow == rf->slopeLow && f->slopeHigh == rf->slopeHigh &&
                             f->z == rf->z && f->level == rf->level,
                         qPrintable(QString("run %1 point %2: slope %3 vs %4").arg(run).arg(i).arg(f->slope).arg(rf->slope)));
            }
        }
        QVERIFY(fits > 3000);
        QVERIFY(afterLongGap > 50);  // the slopes were sorted afresh many times
    }

    // The detector's checks on the newest part of its window take the slope and the
    // level from senLine: fitTrend's, bit for bit, on ties, trends and noise alike.
    void senLineIsTheFitsLine() {
        Noise noise;
        for (int run = 0; run < 200; ++run) {
            const int n = 3 + run % 20;
            std::vector<TrendPoint> pts;
            double t = 0;
            for (int i = 0; i < n; ++i) {
                t += noise.uniform() < 0.5 ? 5.0 : 0.25 + noise.uniform();
                pts.push_back({t, std::round(noise.normal() * 3 + (run % 3) * 0.2 * i) / (run % 2 ? 1.0 : 7.0)});
            }
            const auto f = fitTrend(pts);
            const auto l = senLine(pts);
            QVERIFY(f.has_value() && l.has_value());
            QVERIFY2(l->slope == f->slope && l->level == f->level,
                     qPrintable(QString("run %1: %2 %3 vs %4 %5").arg(run).arg(l->slope).arg(l->level).arg(f->slope).arg(f->level)));
        }
        QVERIFY(!senLine(std::vector<TrendPoint>{{0, 1}, {1, 2}}).has_value());
        QVERIFY(!senLine(std::vector<TrendPoint>{{0, 1}, {2, 2}, {1, 3}}).has_value());
    }

    void secondsToReachProjectsAlongTheSlope() {
        QCOMPARE(*secondsToReach(100, 2, 300), 100.0);
        QCOMPARE(*secondsToReach(5, -0.5, 1), 8.0);
        QCOMPARE(*secondsToReach(400, 2, 300), 0.0);  // already past it
        QVERIFY(!secondsToReach(100, 0, 300).has_value());
    }

    void steadyClimbIsPredictedWithItsTimeToBreach() {
        ForecastBreachDetector d;
        // 1 task a second more than the workers take, towards a capacity of 400.
        const auto a = feed(d, queue(150, 400, [](int i) { return 2.0 + i; }));
        QVERIFY(!a.empty());
        const Anomaly& first = a.front();
        QCOMPARE(first.detector, std::string("forecast.breach"));
        QCOMPARE(first.series, std::string("worker.queue_depth"));
        QCOMPARE(first.target, std::string("pool:p"));
        QCOMPARE(first.expected_high, 400.0);
        QVERIFY(first.score >= 0.8 && first.score <= 1.0);
        // Judged after about a minute of points; the queue is then ~55 and reaches 400 ~345 s later.
        const double at = (first.ts - kT0) / 1000.0;
        QVERIFY2(at >= 45 && at <= 70, qPrintable(QString::number(at)));
        QVERIFY2(std::abs(first.observed - (2.0 + at)) < 1.0, qPrintable(QString::number(first.observed)));
        QVERIFY2(first.explanation.find("Queue of pool:p reaches 400 in about 5m") == 0, first.explanation.c_str());
        // The same time to breach as a number, for the policy's breach_within.
        QVERIFY(first.time_to_breach_ms.has_value());
        const double etaS = (400.0 - first.observed) / 1.0;
        QVERIFY2(std::abs(*first.time_to_breach_ms / 1000.0 - etaS) < 2.0, qPrintable(QString::number(*first.time_to_breach_ms)));
        // Re-raised at most once a minute while it holds.
        for (std::size_t i = 1; i < a.size(); ++i) QVERIFY(a[i].ts - a[i - 1].ts >= 60'000);
        QCOMPARE(a.size(), std::size_t(2));  // at ~60 s and ~120 s of the 150
    }

    void fallingBalanceIsPredictedAgainstItsReserve() {
        ForecastBreachDetector d;
        std::vector<MetricSample> in;
        for (int i = 0; i < 320; ++i) {  // every 5 s, -0.01 ETH a sample after the first 20
            const TimestampMs ts = kT0 + i * 5000;
            in.push_back(sample(ts, "wallet.reserve_eth", "agent:agent-07", 0.1));
            in.push_back(sample(ts, "wallet.balance_eth", "agent:agent-07", i < 20 ? 3.0 : 3.0 - 0.01 * (i - 20)));
        }
        const auto a = feed(d, in);
        QVERIFY(!a.empty());
        QCOMPARE(a.front().series, std::string("wallet.balance_eth"));
        QCOMPARE(a.front().expected_low, 0.1);
        QVERIFY2(a.front().explanation.find("Hot wallet balance of agent:agent-07 falls below 0.1 ETH in about") == 0,
                 a.front().explanation.c_str());
        // It crosses 0.1 at sample 310 (1550 s); predicted once that is within the
        // 10-minute horizon even at the slowest plausible rate, minutes ahead.
        const double at = (a.front().ts - kT0) / 1000.0;
        QVERIFY2(at >= 900 && at <= 1100, qPrintable(QString::number(at)));
        QVERIFY(a.front().explanation.find("falling by 0.12 ETH a minute") != std::string::npos);
    }

    void nodeFallingBehindTheHeadIsPredictedAgainstTheConstantLimit() {
        ForecastBreachDetector d;
        std::vector<MetricSample> in;
        // An RPC node losing a block every 10 s: 2 blocks behind, 20 is the limit.
        for (int i = 0; i < 180; ++i)
            in.push_back(sample(kT0 + i * 1000, "rpc.block_lag", "rpc:eth-main-a", 2.0 + std::floor(i / 10.0)));
        const auto a = feed(d, in);
        QVERIFY(!a.empty());
        QCOMPARE(a.front().expected_high, 20.0);
        QVERIFY2(a.front().explanation.find("Lag behind the chain head of rpc:eth-main-a reaches 20 blocks in about") == 0,
                 a.front().explanation.c_str());
    }

    void flatAndNoisySeriesAreNeverPredicted() {
        ForecastBreachDetector d;
        Noise n;
        std::vector<MetricSample> in;
        for (int i = 0; i < 6 * 3600; ++i) {  // six hours
            const TimestampMs ts = kT0 + i * 1000;
            if (i % 5 == 0) {
                in.push_back(sample(ts, "worker.queue_capacity", "pool:p", 40));
                in.push_back(sample(ts, "wallet.reserve_eth", "agent:a", 0.1));
                in.push_back(sample(ts, "wallet.balance_eth", "agent:a", 3.0));  // flat
            }
            // Poisson-like small queue and a wandering gas price, both far from their limits.
            in.push_back(sample(ts, "worker.queue_depth", "pool:p", std::max(0.0, std::round(2 + 1.5 * n.normal()))));
            in.push_back(sample(ts, "gas.price_gwei", "chain:ethereum", 23.5 * std::exp(0.1 * n.normal())));
        }
        QCOMPARE(feed(d, in).size(), std::size_t(0));
        QCOMPARE(d.counters().rejected(), std::uint64_t(0));
    }

    void slowTrendBeyondTheHorizonIsNotPredicted() {
        ForecastBreachDetector d;
        // Climbing steadily, but reaching 400 only in ~30 minutes.
        QCOMPARE(feed(d, queue(600, 400, [](int i) { return 2.0 + 0.2 * i; })).size(), std::size_t(0));
    }

    void aStepThatLevelsOffIsNotATrend() {
        ForecastBreachDetector d;
        std::vector<MetricSample> in;
        for (int i = 0; i < 900; ++i) {  // a gas spike: 25 -> 200 gwei over 30 s, then flat; the limit is 500
            const double v = i < 300 ? 25.0 : i < 330 ? 25.0 + 175.0 * (i - 300) / 30.0 : 200.0;
            in.push_back(sample(kT0 + i * 1000, "gas.price_gwei", "chain:ethereum", v + 0.5 * std::sin(i)));
        }
        QCOMPARE(feed(d, in).size(), std::size_t(0));
    }

    void aClimbThatStoppedAMinuteAgoIsNotProjected() {
        // The queue climbed 2 a second for 2 minutes, then stopped at 240 (capacity 400).
        // Once the newest minute is flat, the older climb still in the window is not
        // projected onwards.
        ForecastBreachDetector d;
        const auto a = feed(d, queue(400, 400, [](int i) { return i < 120 ? 2.0 * i : 240.0 + 0.3 * std::sin(i); }));
        QVERIFY(!a.empty());  // while it climbed
        for (const auto& x : a) QVERIFY2(x.ts - kT0 < 130'000, qPrintable(QString::number((x.ts - kT0) / 1000)));
    }

    void aBreachThatHappenedIsNotPredicted() {
        ForecastBreachDetector d;
        // Above capacity from the start, still climbing: that is a breach, not a forecast.
        QCOMPARE(feed(d, queue(200, 40, [](int i) { return 50.0 + i; })).size(), std::size_t(0));
    }

    void noLimitNoPrediction() {
        ForecastBreachDetector d;
        std::vector<MetricSample> in;
        for (int i = 0; i < 300; ++i) in.push_back(sample(kT0 + i * 1000, "worker.queue_depth", "pool:q", 2.0 + i));
        QCOMPARE(feed(d, in).size(), std::size_t(0));  // no worker.queue_capacity for pool:q
    }

    void garbageIsRefusedAndCounted() {
        ForecastBreachDetector d;
        std::vector<Record> out;
        QVERIFY(d.process(sample(kT0, "worker.queue_depth", "pool:p", 1), out));
        QVERIFY(!d.process(sample(kT0 + 1000, "worker.queue_depth", "pool:p", std::nan("")), out));
        QCOMPARE(d.counters().nonFinite, std::uint64_t(1));
        QVERIFY(!d.process(sample(kT0, "worker.queue_depth", "pool:p", 2), out));
        QCOMPARE(d.counters().outOfOrder, std::uint64_t(1));
        QVERIFY(d.lastRejectReason().find("pool:p") != std::string::npos);
        QVERIFY(!d.process(sample(kT0, "worker.queue_capacity", "pool:p", INFINITY), out));
        QVERIFY(d.process(sample(kT0, "rpc.latency_ms", "rpc:x", std::nan("")), out));  // not watched: not its business
        QVERIFY(out.empty());
    }

    void sameInputSameRecords() {
        auto run = [] {
            ForecastBreachDetector d;
            return feed(d, queue(400, 300, [](int i) { return std::floor(0.8 * i + 3 * std::sin(i / 7.0)); }));
        };
        const auto a = run(), b = run();
        QVERIFY(!a.empty());
        QVERIFY(a == b);
    }

    void isOneOfTheEventDetectorStages() {
        const auto stages = makeEventDetectors();
        QCOMPARE(std::string(stages.back()->name()), std::string("event.forecast"));
        EventDetectConfig off;
        off.forecasts = false;
        for (const auto& s : makeEventDetectors(off)) QVERIFY(std::string(s->name()) != "event.forecast");
    }

    void keyTableStaysWithinItsCap() {
        ForecastConfig cfg;
        cfg.maxKeys = 8;
        ForecastBreachDetector d(cfg);
        std::vector<Record> out;
        for (int i = 0; i < 100; ++i) d.process(sample(kT0 + i, "worker.queue_depth", "pool:p" + std::to_string(i), 1), out);
        QVERIFY(d.evictions() >= 92);
    }
};

QTEST_APPLESS_MAIN(TestForecast)
#include "tst_forecast.moc"
