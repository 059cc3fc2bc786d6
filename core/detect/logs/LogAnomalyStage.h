// Turns log lines into anomalies, on top of the online template miner:
//  - "log.new_template": a template never seen before, on a line of error level (and
//    warn, if enabled), once the warm-up has passed (the first minutes of any stream
//    are all "new").
//  - "log.template_burst": a template whose count in the current time bucket is far
//    above its own baseline. The baseline is an EWMA of per-bucket counts; the test is a
//    Poisson upper tail, checked as each line arrives, so a burst is reported within
//    the bucket where it starts; one report per template per cooldown.
// Time comes only from record timestamps; a line older than its template's current
// bucket counts in that bucket (time never runs backwards).
#pragma once

#include "detect/logs/LogTemplateMiner.h"
#include "record/Stage.h"

#include <unordered_map>

namespace vigil {

struct LogAnomalyConfig {
    logs::LogMinerConfig miner;
    TimestampMs warmupMs = 10 * 60 * 1000;
    bool newTemplateOnWarn = false;
    TimestampMs bucketMs = 60 * 1000;
    double baselineAlpha = 0.1;         // EWMA weight of the newest bucket
    int baselineBuckets = 10;           // buckets of history before bursts are judged
    double baselineFloor = 0.5;         // lines per bucket assumed for a quiet template
    std::int64_t minBurstCount = 10;    // fewer lines in a bucket are never a burst
    double burstPValue = 1e-6;          // Poisson upper-tail probability to report
    TimestampMs burstCooldownMs = 10 * 60 * 1000;
};

class LogAnomalyStage final : public Stage {
public:
    explicit LogAnomalyStage(LogAnomalyConfig cfg = {});

    bool process(const Record& in, std::vector<Record>& out) override;
    const char* name() const override { return "log.anomaly"; }
    std::uint32_t reads() const override { return kindBit(RecordKind::Log); }
    std::unique_ptr<Stage> clone() const override { return std::make_unique<LogAnomalyStage>(*this); }

    const logs::LogTemplateMiner& miner() const { return miner_; }
    std::uint64_t linesSeen() const { return lines_; }
    std::uint64_t evictions() const override { return miner_.evictions(); }  // templates forgotten

    // P(X >= k) for X ~ Poisson(lambda); exposed for tests.
    static double poissonUpperTail(double lambda, std::int64_t k);

private:
    struct Rate {
        std::int64_t bucket = 0;      // index of the bucket being counted
        std::int64_t count = 0;       // lines in that bucket so far
        std::int64_t history = 0;     // buckets closed since the template appeared
        double baseline = 0.0;        // EWMA of closed buckets' counts
        TimestampMs lastBurst = 0;
        bool burstReported = false;
    };

    void checkBurst(const LogLine& line, std::uint64_t id, Rate& r, std::vector<Record>& out);
    void roll(Rate& r, std::int64_t bucket) const;
    void boundRates();
    std::string nextId(std::string_view detector, std::uint64_t templateId);

    LogAnomalyConfig cfg_;
    logs::LogTemplateMiner miner_;
    std::unordered_map<std::uint64_t, Rate> rates_;
    bool started_ = false;
    TimestampMs firstTs_ = 0;
    std::uint64_t lines_ = 0;
    std::uint64_t emitted_ = 0;
};

}  // namespace vigil
