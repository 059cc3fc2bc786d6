// MetricAnomalyDetector and MetricDetectionStage on synthetic series with known
// answers. Noise comes from a seeded generator, so every run sees the same series.
#include "detect/metric/Explanation.h"
#include "detect/metric/MetricAnomalyDetector.h"
#include "detect/metric/MetricDetectionStage.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <random>

using namespace vigil;
using namespace vigil::metric;

namespace {
constexpr std::int64_t kStep = 300'000;  // 5 minutes
constexpr std::int64_t kT0 = 1'600'000'000'000;

struct Run {
    std::vector<MetricScore> scores;
    int alertsIn(int from, int to) const {
        int n = 0;
        for (int i = from; i < to && i < static_cast<int>(scores.size()); ++i) n += scores[i].alert;
        return n;
    }
    int firstAlertFrom(int from) const {
        for (int i = from; i < static_cast<int>(scores.size()); ++i)
            if (scores[i].alert) return i;
        return -1;
    }
};

Run feed(MetricAnomalyDetector& d, const std::vector<double>& xs) {
    Run r;
    for (std::size_t i = 0; i < xs.size(); ++i) r.scores.push_back(d.update(kT0 + std::int64_t(i) * kStep, xs[i]));
    return r;
}

std::vector<double> noisy(int n, double level, double sigma, unsigned seed = 7) {
    std::mt19937 gen(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    std::vector<double> xs(n);
    for (auto& x : xs) x = level + noise(gen);
    return xs;
}
}  // namespace

class TestMetricDetector : public QObject {
    Q_OBJECT
private slots:
    void spikeIsDetectedAndStandsOut() {
        auto xs = noisy(3000, 100.0, 1.0);
        xs[2500] = 130.0;
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QVERIFY(r.scores[2500].alert);
        QVERIFY(r.scores[2500].score > 0.8);
        QCOMPARE(r.alertsIn(2000, 2500), 0);
        const auto fired = r.scores[2500].firing();
        QVERIFY(!fired.empty());
        QVERIFY(r.scores[2500].observed > r.scores[2500].expected_high);
    }
    void detectionSilencesTheFollowingPointsThenListensAgain() {
        // A spike of the same size inside the quiet period after the first detection is
        // held at 0 (and marked suppressed); a larger one well after it alerts again
        // (a same-size one would only equal the record the first spike set).
        DetectorConfig cfg;
        auto xs = noisy(4000, 100.0, 1.0);
        xs[2500] = 130.0;
        xs[2500 + cfg.quiet_points / 2] = 130.0;
        xs[3500] = 170.0;
        MetricAnomalyDetector d(cfg);
        const Run r = feed(d, xs);
        QVERIFY(r.scores[2500].score >= cfg.fire_score);
        const MetricScore& held = r.scores[2500 + cfg.quiet_points / 2];
        QCOMPARE(held.score, 0.0);
        QVERIFY(held.suppressed);
        QCOMPARE(r.alertsIn(2501, 2500 + cfg.quiet_points), 0);
        // Once the quiet period and the damping after the detection are both over.
        QVERIFY(!r.scores[2500 + std::max(cfg.quiet_points, cfg.suppress_points) + 5].suppressed);
        QVERIFY(r.scores[3500].alert);
    }
    void afterTheQuietPeriodTheDampingStillHoldsAnEqualSpike() {
        // The quiet period (50 points) is shorter than the damping (100): a spike equal to
        // the first, 70 points later, is only at the record the first one set and stays
        // damped; one more than three times as strong as the first escapes and alerts.
        DetectorConfig cfg;
        QVERIFY(cfg.quiet_points < 70 && 70 < cfg.suppress_points);
        auto xs = noisy(3000, 100.0, 1.0);
        xs[2500] = 130.0;
        xs[2570] = 130.0;
        xs[2580] = 1000.0;
        MetricAnomalyDetector d(cfg);
        const Run r = feed(d, xs);
        QVERIFY(r.scores[2500].alert);
        QVERIFY(r.scores[2570].suppressed);
        QVERIFY2(r.scores[2570].score < cfg.damp_from_score, qPrintable(QString::number(r.scores[2570].score)));
        QVERIFY(!r.scores[2570].alert);
        QVERIFY(!r.scores[2580].suppressed);
        QVERIFY(r.scores[2580].alert);
    }
    void stepIsDetectedWithinAFewPoints() {
        auto xs = noisy(3000, 100.0, 1.0);
        for (int i = 2000; i < 3000; ++i) xs[i] += 8.0;
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QCOMPARE(r.alertsIn(1500, 2000), 0);
        const int first = r.firstAlertFrom(2000);
        QVERIFY2(first >= 2000 && first < 2010, qPrintable(QString::number(first)));
    }
    void fastDriftIsDetectedSlowDriftIsNot() {
        // A slow drift (0.2 sigma per day) is the series' normal; a ramp of 0.05 sigma
        // per point that starts later is not.
        auto xs = noisy(5000, 100.0, 1.0);
        for (int i = 0; i < 5000; ++i) xs[i] += 0.2 * i / 288.0;
        for (int i = 4000; i < 5000; ++i) xs[i] += 0.05 * (i - 4000);
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QVERIFY2(r.alertsIn(1000, 4000) <= 2, qPrintable(QString::number(r.alertsIn(1000, 4000))));
        // The ramp is tracked by the level as it grows, so it shows as the strongest
        // score in a long while (a record), not necessarily as an operating alert.
        double slowMax = 0.0, rampMax = 0.0;
        for (int i = 1000; i < 4000; ++i) slowMax = std::max(slowMax, r.scores[i].score);
        for (int i = 4000; i < 4500; ++i) rampMax = std::max(rampMax, r.scores[i].score);
        QVERIFY2(rampMax >= 0.5 && rampMax > slowMax, qPrintable(QString("%1 vs %2").arg(rampMax).arg(slowMax)));
    }
    void brokenDailyPatternIsDetected() {
        // A daily sine (5-minute samples); on day 12 the night trough is replaced by the
        // day's peak level for two hours: a usual value at an unusual time.
        const int perDay = 288;
        std::vector<double> xs = noisy(14 * perDay, 0.0, 0.5, 11);
        for (int i = 0; i < 14 * perDay; ++i) xs[i] += 50.0 + 20.0 * std::sin(2 * M_PI * (i % perDay) / perDay);
        const int trough = 11 * perDay + 216;  // 18:00, the sine's minimum
        for (int i = trough - 12; i < trough + 12; ++i) xs[i] = 68.0 + (xs[i] - std::floor(xs[i]));
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QCOMPARE(r.alertsIn(5 * perDay, trough - 12), 0);
        const int first = r.firstAlertFrom(trough - 12);
        QVERIFY2(first >= trough - 12 && first < trough, qPrintable(QString::number(first)));
        const auto& s = r.scores[first];
        QVERIFY(s.strength[static_cast<int>(Signal::Seasonal)] > 1.0);
    }
    void dailyProfileStartingToSpeakIsNoAlert() {
        // A clean daily sine: the day the daily profile matures (day 3) changes which
        // signal explains the series, but nothing happened, so nothing may score high.
        const int perDay = 288;
        std::vector<double> xs = noisy(6 * perDay, 0.0, 0.5, 5);
        for (int i = 0; i < 6 * perDay; ++i) xs[i] += 50.0 + 20.0 * std::sin(2 * M_PI * (i % perDay) / perDay);
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        double top = 0.0;
        int at = -1;
        for (int i = 2 * perDay; i < 6 * perDay; ++i)
            if (r.scores[i].score > top) top = r.scores[i].score, at = i;
        QVERIFY2(top < 0.5, qPrintable(QString("%1 at %2").arg(top).arg(at)));
    }
    void holidayOnAWeekdayIsDetectedByTheWeeklyProfile() {
        // Half-hourly traffic: weekdays draw a daily hump, weekends stay low. In week 7 a
        // Wednesday looks like a Sunday (a holiday): ordinary values, wrong day of the week.
        constexpr std::int64_t kHalfHour = 1'800'000;
        const int perDay = 48, days = 7 * 8;
        const std::int64_t t0 = 345'600'000;  // 1970-01-05, a Monday
        std::vector<double> xs = noisy(days * perDay, 0.0, 0.5, 3);
        const int holiday = 6 * 7 + 2;  // Wednesday of week 7
        for (int i = 0; i < days * perDay; ++i) {
            const int day = i / perDay, slot = i % perDay;
            const bool weekend = day % 7 >= 5 || day == holiday;
            xs[i] += weekend ? 30.0 : 30.0 + 30.0 * std::sin(M_PI * slot / perDay);
        }
        MetricAnomalyDetector d;
        std::vector<MetricScore> scores;
        for (int i = 0; i < days * perDay; ++i) scores.push_back(d.update(t0 + std::int64_t(i) * kHalfHour, xs[i]));
        int before = 0, first = -1;
        for (int i = 5 * 7 * perDay; i < holiday * perDay; ++i) before += scores[i].alert;
        for (int i = holiday * perDay; i < (holiday + 1) * perDay && first < 0; ++i)
            if (scores[i].alert) first = i;
        QCOMPARE(before, 0);
        QVERIFY2(first >= 0, "the holiday was not detected");
        QVERIFY(scores[first].strength[static_cast<int>(Signal::Weekly)] > 1.0);
    }
    void dayLongAnomalyKeepsTheDailyProfile() {
        // A daily sine; on day 15 the whole day runs at 40 % (an outage, a holiday). The
        // detector must keep judging that day against the daily profile: with errors
        // averaged over a day the profile's error rose so much that the detector went
        // back to the flat level halfway through the anomaly and lost sight of it.
        const int perDay = 288, days = 20, bad = 15;
        std::vector<double> xs = noisy(days * perDay, 0.0, 0.5, 21);
        std::vector<double> clean(days * perDay);
        for (int i = 0; i < days * perDay; ++i) {
            clean[i] = 50.0 + 20.0 * std::sin(2 * M_PI * (i % perDay) / perDay);
            xs[i] += (i / perDay == bad ? 0.4 : 1.0) * clean[i];
        }
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        int offProfile = 0;
        for (int i = bad * perDay; i < (bad + 1) * perDay; ++i)
            offProfile += std::abs(r.scores[i].expected - clean[i]) > 5.0;
        QVERIFY2(offProfile == 0, qPrintable(QString("%1 points judged against the level").arg(offProfile)));
        QVERIFY(r.alertsIn(bad * perDay, (bad + 1) * perDay) >= 1);
        QCOMPARE(r.alertsIn(5 * perDay, bad * perDay), 0);
    }
    void eventRateCountsTheLastWindowOfPoints() {
        // The excursion count over the last window-1 points, against a plain queue of
        // flags, through many wraps of the ring; windows past the limit are capped.
        for (const int window : {1, 2, 3, 64, 65, 200, 257, 1000}) {
            EventRate rate(window);
            const int kept = std::min(window, EventRate::kMaxWindow) - 1;
            std::deque<bool> flags;
            std::mt19937 rng(static_cast<unsigned>(window));
            for (int i = 0; i < 3000; ++i) {
                const bool excursion = rng() % 5 == 0;
                rate.learn(excursion);
                flags.push_back(excursion);
                if (static_cast<int>(flags.size()) > kept) flags.pop_front();
                QCOMPARE(rate.recent(), static_cast<int>(std::count(flags.begin(), flags.end(), true)));
            }
        }
    }
    void recordCountsThePointsBehindIt() {
        // The record is the maximum of the full blocks before the one being filled; how
        // many points that is decides how far a young record is raised.
        // Two signals that advance together, each with its own maxima.
        WindowRecords<2> rec(4, 3);
        QCOMPARE(rec.span(), 8L);
        for (int i = 0; i < 3; ++i) rec.update({1.0 + i, 10.0 - i});
        QCOMPARE(rec.covered(), 3L);  // the first block is all the history there is
        QCOMPARE(rec.value(0), 3.0);
        QCOMPARE(rec.value(1), 10.0);
        for (int i = 0; i < 6; ++i) rec.update({0.5, 0.5});
        QCOMPARE(rec.covered(), 8L);  // two full blocks; the third is being filled
        QCOMPARE(rec.value(0), 3.0);
        QCOMPARE(rec.value(1), 10.0);
        for (int i = 0; i < 12; ++i) rec.update({0.25, i == 11 ? 7.0 : 0.125});
        QCOMPARE(rec.covered(), 8L);  // never more than the span
        QCOMPARE(rec.value(0), 0.25);   // the 3.0 has aged out
        QCOMPARE(rec.value(1), 0.125);  // and the 10.0; the 7.0 is in the block being filled
    }
    void risingSpikeRateIsDetectedThoughNoSpikeIsLarger() {
        // Spikes of one size, first every 97 points, then every 9: no single point is
        // larger than before, only their rate changes (NAB's art_increase_spike_density).
        auto xs = noisy(6000, 100.0, 1.0);
        for (int i = 200; i < 4000; i += 97) xs[i] += 12.0;
        for (int i = 4000; i < 6000; i += 9) xs[i] += 12.0;
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QCOMPARE(r.alertsIn(3000, 4000), 0);
        int first = -1;  // the first detection (a score that starts a quiet period)
        for (int i = 4000; i < 4100 && first < 0; ++i)
            if (r.scores[i].score >= DetectorConfig{}.fire_score) first = i;
        QVERIFY2(first >= 0, "the rising spike rate was not detected");
        const auto fired = r.scores[first].firing();
        QVERIFY(!fired.empty());
        QCOMPARE(fired.front().signal, Signal::Rate);
    }
    void flatLineStaysQuietThenAnyChangeAlerts() {
        std::vector<double> xs(3000, 45.0);
        xs[2500] = 46.0;
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        QCOMPARE(r.alertsIn(0, 2500), 0);
        for (int i = 0; i < 2500; ++i) QCOMPARE(r.scores[i].score, 0.0);
        QVERIFY(r.scores[2500].alert);
    }
    void gapIsCountedNotAlerted() {
        auto xs = noisy(2000, 100.0, 1.0);
        MetricAnomalyDetector d;
        int alertsAfterGap = 0;
        for (int i = 0; i < 2000; ++i) {
            const std::int64_t ts = kT0 + std::int64_t(i) * kStep + (i >= 1000 ? 86'400'000 : 0);
            const auto s = d.update(ts, xs[i]);
            if (i == 1000) QVERIFY(s.after_gap);
            if (i >= 1000 && i < 1100) alertsAfterGap += s.alert;
        }
        QCOMPARE(d.counters().gaps, std::int64_t(1));
        QCOMPARE(alertsAfterGap, 0);
    }
    void nonFiniteIsRejectedAndLeavesStateAlone() {
        const auto xs = noisy(500, 10.0, 1.0);
        MetricAnomalyDetector clean, dirty;
        for (int i = 0; i < 500; ++i) {
            const std::int64_t ts = kT0 + std::int64_t(i) * kStep;
            if (i % 50 == 0) {
                QCOMPARE(dirty.update(ts, std::numeric_limits<double>::quiet_NaN()).verdict, Verdict::RejectedNonFinite);
                QCOMPARE(dirty.update(ts, std::numeric_limits<double>::infinity()).verdict, Verdict::RejectedNonFinite);
            }
            QCOMPARE(dirty.update(ts, xs[i]).score, clean.update(ts, xs[i]).score);
        }
        QCOMPARE(dirty.counters().rejected_non_finite, std::int64_t(20));
        QCOMPARE(dirty.counters().accepted, std::int64_t(500));
    }
    void outOfOrderIsRejected() {
        MetricAnomalyDetector d;
        QVERIFY(d.update(kT0 + 10 * kStep, 1.0).accepted());
        const auto s = d.update(kT0 + 5 * kStep, 1.0);
        QCOMPARE(s.verdict, Verdict::RejectedOutOfOrder);
        QVERIFY(!s.accepted());
        QVERIFY(d.update(kT0 + 10 * kStep, 1.0).accepted());  // an equal timestamp is fine
        QCOMPARE(d.counters().rejected_out_of_order, std::int64_t(1));
        QCOMPARE(d.counters().accepted, std::int64_t(2));
    }
    void scoresStayInRangeOnWildInput() {
        std::mt19937 gen(3);
        std::uniform_real_distribution<double> u(-1e12, 1e12);
        MetricAnomalyDetector d;
        for (int i = 0; i < 20000; ++i) {
            const auto s = d.update(kT0 + i * kStep, i % 7 == 0 ? u(gen) : 1e-9 * i);
            QVERIFY(s.score >= 0.0 && s.score <= 1.0);
        }
    }
    void explanationSaysWhatWhereAndWhy() {
        auto xs = noisy(3000, 100.0, 1.0);
        xs[2500] = 130.0;
        MetricAnomalyDetector d;
        const Run r = feed(d, xs);
        const QString text = QString::fromStdString(explain(r.scores[2500], "rpc.latency_ms", "rpc:eth-a"));
        QVERIFY2(text.contains("rpc.latency_ms on rpc:eth-a is 130"), qPrintable(text));
        QVERIFY2(text.contains("above the band"), qPrintable(text));
        QVERIFY2(text.contains("Signals:"), qPrintable(text));
        QVERIFY2(text.contains(signalName(r.scores[2500].firing().front().signal)), qPrintable(text));
        QVERIFY2(text.contains("expected 10"), qPrintable(text));  // ~100
    }
    void stageEmitsExplainedAnomaliesWithStableIds() {
        auto xs = noisy(3000, 100.0, 1.0);
        xs[2500] = 130.0;
        auto runStage = [&](std::vector<Record>& out, int& refused) {
            MetricDetectionStage stage;
            refused = 0;
            for (int i = 0; i < 3000; ++i) {
                MetricSample m{kT0 + i * kStep, "rpc.latency_ms", "rpc:eth-a", xs[i]};
                refused += !stage.process(Record{m}, out);
                if (i == 100) refused += !stage.process(Record{MetricSample{kT0, "rpc.latency_ms", "rpc:eth-a", NAN}}, out);
                if (i == 200) refused += !stage.process(Record{MetricSample{kT0, "rpc.latency_ms", "rpc:eth-a", 1.0}}, out);
            }
            QCOMPARE(stage.counters().rejected_non_finite, std::int64_t(1));
            QCOMPARE(stage.counters().rejected_out_of_order, std::int64_t(1));
            QCOMPARE(stage.seriesCount(), std::size_t(1));
        };
        std::vector<Record> a, b;
        int refusedA = 0, refusedB = 0;
        runStage(a, refusedA);
        runStage(b, refusedB);
        QCOMPARE(refusedA, 2);
        QVERIFY(!a.empty());
        QCOMPARE(a, b);  // deterministic, ids included
        const Anomaly* spike = nullptr;
        for (const auto& rec : a)
            if (std::get<Anomaly>(rec).ts == kT0 + 2500 * kStep) spike = &std::get<Anomaly>(rec);
        QVERIFY(spike);
        QCOMPARE(spike->detector, std::string("metric.ensemble"));
        QCOMPARE(spike->series, std::string("rpc.latency_ms"));
        QCOMPARE(spike->target, std::string("rpc:eth-a"));
        QCOMPARE(spike->observed, 130.0);
        QVERIFY(spike->expected_low < 100.0 && spike->expected_high > 100.0 && spike->expected_high < 130.0);
        QVERIFY(spike->score >= 0.5 && spike->score <= 1.0);
        QVERIFY(!spike->id.empty());
        QVERIFY(!spike->explanation.empty());
        // Other records pass through untouched.
        MetricDetectionStage stage;
        std::vector<Record> out;
        QVERIFY(stage.process(Record{LogLine{}}, out));
        QVERIFY(out.empty());
    }
};

QTEST_GUILESS_MAIN(TestMetricDetector)
#include "tst_metricdetector.moc"
