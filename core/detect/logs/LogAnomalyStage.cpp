#include "detect/logs/LogAnomalyStage.h"

#include "detect/ExplanationText.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vigil {

namespace {
std::int64_t floorDiv(TimestampMs t, TimestampMs d) {
    return t >= 0 ? t / d : -((-t + d - 1) / d);
}

std::string quoted(const std::string& s, std::size_t max = 200) {
    std::string q = "\"";
    q += s.size() > max ? s.substr(0, max) + "..." : s;
    q += "\"";
    return q;
}

NarrativeArg source(const LogLine& line) {
    return line.source.empty() ? asWord(kExplanationWords[7]) : asText(line.source);
}
}  // namespace

LogAnomalyStage::LogAnomalyStage(LogAnomalyConfig cfg) : cfg_(cfg), miner_(cfg.miner) {
    cfg_.bucketMs = std::max<TimestampMs>(cfg_.bucketMs, 1);
    cfg_.baselineAlpha = std::clamp(cfg_.baselineAlpha, 1e-6, 1.0);
}

double LogAnomalyStage::poissonUpperTail(double lambda, std::int64_t k) {
    if (k <= 0) return 1.0;
    if (!(lambda > 0.0)) return 0.0;
    if (static_cast<double>(k) > lambda) {
        // Sum the tail from k upward: terms shrink geometrically once i > lambda.
        const double logFirst = -lambda + static_cast<double>(k) * std::log(lambda) -
                                std::lgamma(static_cast<double>(k) + 1.0);
        double term = 1.0, sum = 1.0;
        for (std::int64_t i = k + 1; i < k + 100000; ++i) {
            term *= lambda / static_cast<double>(i);
            sum += term;
            if (term < sum * 1e-16) break;
        }
        return std::min(1.0, std::exp(logFirst) * sum);
    }
    double term = std::exp(-lambda), sum = 0.0;
    for (std::int64_t i = 0; i < k; ++i) {
        sum += term;
        term *= lambda / static_cast<double>(i + 1);
    }
    return std::clamp(1.0 - sum, 0.0, 1.0);
}

void LogAnomalyStage::roll(Rate& r, std::int64_t bucket) const {
    if (bucket <= r.bucket) return;
    r.baseline += cfg_.baselineAlpha * (static_cast<double>(r.count) - r.baseline);
    const std::int64_t empty = bucket - r.bucket - 1;  // buckets without a line decay it
    if (empty > 0) r.baseline *= std::pow(1.0 - cfg_.baselineAlpha, static_cast<double>(empty));
    r.history += 1 + empty;
    r.bucket = bucket;
    r.count = 0;
}

std::string LogAnomalyStage::nextId(std::string_view detector, std::uint64_t templateId) {
    return std::string(detector) + "-" + logs::LogTemplateMiner::idText(templateId) + "-" +
           std::to_string(++emitted_);
}

void LogAnomalyStage::checkBurst(const LogLine& line, std::uint64_t id, Rate& r, std::vector<Record>& out) {
    if (r.history < cfg_.baselineBuckets || r.count < cfg_.minBurstCount) return;
    if (r.burstReported && line.ts - r.lastBurst < cfg_.burstCooldownMs) return;
    const double lambda = std::max(r.baseline, cfg_.baselineFloor);
    const double p = poissonUpperTail(lambda, r.count);
    if (p >= cfg_.burstPValue) return;
    r.burstReported = true;
    r.lastBurst = line.ts;

    Anomaly a;
    a.ts = line.ts;
    a.id = nextId("log.template_burst", id);
    a.detector = "log.template_burst";
    a.series = "log.template:" + logs::LogTemplateMiner::idText(id);
    a.target = line.source;
    a.score = std::min(1.0, -std::log10(std::max(p, 1e-300)) / 12.0);
    a.observed = static_cast<double>(r.count);
    a.expected_low = 0.0;
    a.expected_high = lambda + 3.0 * std::sqrt(lambda);
    auto printed = [](const char* format, double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, format, v);
        return std::string(buf);
    };
    setExplanation(a, {sentence(ExplanationMsg::PatternBurst,
                                {asText(quoted(miner_.templateText(id))), asText(std::to_string(r.count)),
                                 asText(std::to_string(cfg_.bucketMs / 1000)), asText(printed("%.2f", lambda)),
                                 asText(printed("%.1f", a.expected_high)), asText(printed("%.1e", p))}),
                       sentence(ExplanationMsg::PatternBurstFrom, {source(line)})});
    out.emplace_back(std::move(a));
}

void LogAnomalyStage::boundRates() {
    // Rates of templates merged away or evicted are dropped; the miner bounds the rest.
    if (rates_.size() <= 2 * miner_.config().maxClusters) return;
    for (auto it = rates_.begin(); it != rates_.end();) {
        if (miner_.resolve(it->first) != it->first || miner_.templateText(it->first).empty())
            it = rates_.erase(it);
        else
            ++it;
    }
}

bool LogAnomalyStage::process(const Record& in, std::vector<Record>& out) {
    const auto* line = std::get_if<LogLine>(&in);
    if (!line) return true;  // not ours
    ++lines_;
    if (!started_) {
        started_ = true;
        firstTs_ = line->ts;
    }
    const logs::LogMatch m = miner_.add(line->message);
    const std::uint64_t id = miner_.resolve(m.id);
    const std::int64_t bucket = floorDiv(line->ts, cfg_.bucketMs);

    auto [it, fresh] = rates_.try_emplace(id);
    Rate& r = it->second;
    if (fresh) r.bucket = bucket;
    roll(r, bucket);
    ++r.count;

    const bool severe = line->level == LogLevel::Error ||
                        (cfg_.newTemplateOnWarn && line->level == LogLevel::Warn);
    if (m.created && severe && line->ts - firstTs_ >= cfg_.warmupMs) {
        Anomaly a;
        a.ts = line->ts;
        a.id = nextId("log.new_template", id);
        a.detector = "log.new_template";
        a.series = "log.template:" + logs::LogTemplateMiner::idText(id);
        a.target = line->source;
        a.score = line->level == LogLevel::Error ? 1.0 : 0.6;
        a.observed = 1.0;
        setExplanation(a, {sentence(line->level == LogLevel::Error ? ExplanationMsg::NewErrorPattern
                                                                   : ExplanationMsg::NewWarnPattern,
                                    {source(*line), asText(quoted(miner_.templateText(id))),
                                     asText(quoted(line->message, 160))})});
        out.emplace_back(std::move(a));
    }
    checkBurst(*line, id, r, out);
    if (fresh) boundRates();
    return true;
}

}  // namespace vigil
