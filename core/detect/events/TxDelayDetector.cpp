#include "detect/events/TxDelayDetector.h"
#include "record/SameText.h"

#include <cmath>
#include <string_view>

namespace vigil::events {

namespace {
std::string nonceKey(const TxEvent& t) {
    return chainTarget(t.chain) + "/" + t.agent + "/" + std::to_string(t.nonce);
}
// FNV-1a: the same digest on every machine (std::hash is not specified).
std::uint64_t digestOf(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}
}  // namespace

TxDelayDetector::TxDelayDetector(TxDelayConfig cfg) : cfg_(cfg), chains_(cfg.maxChains) {}

TxDelayDetector::ChainState& TxDelayDetector::chain(const std::string& key, TimestampMs ts) {
    bool fresh = true;
    ChainState& c = *chains_.atIf(key, ts, [&](const ChainState&) {
        fresh = false;  // asked only about an entry that is there
        return true;
    });
    if (fresh) c.delay = LogNormalBaseline(cfg_.priorDelayMs, cfg_.priorSigma, cfg_.halfLife, cfg_.minSigma);
    return c;
}

bool TxDelayDetector::process(const Record& in, std::vector<Record>& out) {
    // Any record's time moves the stuck scan on: a stuck tx must be reported while
    // the fleet keeps talking, even if the engine never ticks between batches.
    const TimestampMs ts = timestampOf(in);
    if (!pending_.empty() && ts - lastScan_ >= cfg_.checkEveryMs && !std::holds_alternative<TxEvent>(in))
        scan(ts, out);
    if (const auto* m = std::get_if<MetricSample>(&in)) {
        if (!sameText(m->series, "gas.price_gwei")) return true;
        if (!std::isfinite(m->value) || m->value <= 0) {
            ++counters_.nonFinite;
            counters_.lastReason = "gas.price_gwei on " + m->target + ": value " + formatNumber(m->value) +
                                   " is not a positive number";
            return false;
        }
        ChainState& c = chain(chainTarget(m->target), m->ts);
        c.gasNow = m->value;
        return true;
    }
    const auto* t = std::get_if<TxEvent>(&in);
    if (!t) return true;
    if (t->chain.empty() || t->tx_hash.empty()) {
        ++counters_.malformed;
        counters_.lastReason = "tx event at " + std::to_string(t->ts) + ": missing " +
                               (t->chain.empty() ? "chain" : "tx_hash");
        return false;
    }
    const std::string key = chainTarget(t->chain);
    if (ChainState* known = chains_.find(key); known && t->ts < known->newest - cfg_.reorderSlackMs) {
        ++counters_.outOfOrder;
        counters_.lastReason = "tx " + t->tx_hash + " at " + std::to_string(t->ts) + " is older than " +
                               key + "'s newest event";
        return false;
    }
    if (!std::isfinite(t->max_fee_gwei) || !std::isfinite(t->priority_fee_gwei)) {
        ++counters_.nonFinite;
        counters_.lastReason = "tx " + t->tx_hash + ": fee is not a number";
        return false;
    }
    ++counters_.accepted;
    ChainState& c = chain(key, t->ts);
    c.newest = std::max(c.newest, t->ts);
    newest_ = std::max(newest_, t->ts);

    switch (t->state) {
    case TxState::Submitted: submit(c, *t); break;
    case TxState::Confirmed: {
        auto h = byHash_.find(t->tx_hash);
        if (h == byHash_.end()) {
            ++unmatched_;  // submitted before we started watching, or a superseded one got mined
            // Either way its nonce is used up: a replacement still pending for it never will be.
            if (auto n = byNonce_.find(nonceKey(*t)); n != byNonce_.end()) erase(n->second);
            break;
        }
        auto p = pending_.find({h->second, t->tx_hash});
        if (p != pending_.end()) {
            const Pending done = p->second;
            erase(t->tx_hash);
            onConfirmed(c, key, done, t->ts, out);
        }
        break;
    }
    case TxState::Failed:
    case TxState::Replaced:
    case TxState::Dropped: erase(t->tx_hash); break;
    }
    if (t->ts - lastScan_ >= cfg_.checkEveryMs) scan(t->ts, out);
    return true;
}

void TxDelayDetector::submit(ChainState& c, const TxEvent& t) {
    // The same submission again (a duplicated line, a re-broadcast): nothing changes.
    if (byHash_.count(t.tx_hash) || finished_.count(digestOf(t.tx_hash))) {
        ++duplicates_;
        return;
    }
    if (t.max_fee_gwei > 0) {
        const double a = std::max(1.0 / (c.fees + 1.0), 1.0 - std::exp(std::log(0.5) / cfg_.gasPriceHalfLife));
        c.feeEw += a * (t.max_fee_gwei - c.feeEw);
        ++c.fees;
    }
    Pending p{t, t.ts, false};
    const std::string nonce = nonceKey(t);
    if (auto n = byNonce_.find(nonce); n != byNonce_.end()) {
        // Same sender, chain and nonce while the earlier one is pending: a fee-bump
        // replacement. It supersedes the earlier one, but the operator's wait began
        // with the first submission, so the stuck clock keeps running from there (and
        // a nonce already reported stuck is not reported again).
        if (auto h = byHash_.find(n->second); h != byHash_.end())
            if (auto old = pending_.find({h->second, n->second}); old != pending_.end()) {
                p.since = std::min(old->second.since, t.ts);
                p.flagged = old->second.flagged;
            }
        ++replacements_;
        erase(n->second);  // also drops the byNonce_ entry n points to
    }
    if (pending_.size() >= cfg_.maxPending) {  // hard cap: forget the oldest, counted
        erase(pending_.begin()->second.tx.tx_hash);
        ++abandoned_;
    }
    const TimestampMs since = p.since;
    pending_.emplace(std::make_pair(since, t.tx_hash), std::move(p));
    byHash_.emplace(t.tx_hash, since);
    byNonce_[nonce] = t.tx_hash;
}

void TxDelayDetector::erase(std::string hash) {
    auto h = byHash_.find(hash);
    if (h == byHash_.end()) return;
    auto p = pending_.find({h->second, hash});
    if (p != pending_.end()) {
        auto n = byNonce_.find(nonceKey(p->second.tx));
        if (n != byNonce_.end() && n->second == hash) byNonce_.erase(n);
        pending_.erase(p);
    }
    byHash_.erase(h);
    if (const std::uint64_t d = digestOf(hash); finished_.insert(d).second) {
        finishedOrder_.push_back(d);
        if (finishedOrder_.size() > cfg_.maxPending) {
            finished_.erase(finishedOrder_.front());
            finishedOrder_.pop_front();
        }
    }
}

void TxDelayDetector::onConfirmed(ChainState& c, const std::string& key, const Pending& p, TimestampMs ts,
                                  std::vector<Record>& out) {
    const double delay = std::max<double>(1.0, static_cast<double>(ts - p.tx.ts));
    const double z = c.delay.z(delay);
    const double before = c.cusum;
    c.cusum = std::clamp(c.cusum + std::min(z, cfg_.maxStepSigmas) - cfg_.delayK, 0.0, 3 * cfg_.delayThreshold);
    if (before == 0 && c.cusum > 0) c.riseStart = p.tx.ts;
    if (c.cusum == 0) c.alarm.clear();
    if (!c.alarm.active()) c.delay.add(delay);  // learn only from normal confirmations

    // Only a slow confirmation reports slowness: the statistic comes down over several
    // confirmations after the chain recovers.
    if (c.delay.count() < cfg_.minConfirmations || c.cusum < cfg_.delayThreshold || z <= cfg_.delayK) return;
    if (!c.alarm.shouldFire(ts, cfg_.refireMs)) return;
    Anomaly a = makeAnomaly("tx.confirmation_delay", "tx.confirmation_ms", key, ts, seq_++);
    a.observed = delay;
    a.expected_low = c.delay.quantile(-2.0);
    a.expected_high = c.delay.quantile(2.0);
    a.score = scoreAbove(c.cusum, cfg_.delayThreshold);
    std::vector<NarrativeArg> args{asText(key), asText(formatDuration(static_cast<TimestampMs>(delay))),
                                   asText(formatDuration(static_cast<TimestampMs>(c.delay.median()))),
                                   asText(formatDuration(static_cast<TimestampMs>(a.expected_low))),
                                   asText(formatDuration(static_cast<TimestampMs>(a.expected_high))),
                                   asText(formatDuration(ts - c.riseStart))};
    if (c.gasNow) args.push_back(asText(formatNumber(*c.gasNow)));
    setExplanation(a, {sentence(c.gasNow ? ExplanationMsg::ConfirmationsSlowingGas : ExplanationMsg::ConfirmationsSlowing,
                                std::move(args))});
    out.emplace_back(std::move(a));
}

void TxDelayDetector::tick(TimestampMs now, std::vector<Record>& out) {
    // Ticks may come from a live clock ahead of the records; only record time counts
    // for how long a tx has been pending, but the engine's time may move past it.
    if (now - lastScan_ >= cfg_.checkEveryMs) scan(now, out);
}

void TxDelayDetector::scan(TimestampMs now, std::vector<Record>& out) {
    lastScan_ = now;
    for (auto it = pending_.begin(); it != pending_.end();) {
        const TimestampMs age = now - it->first.first;
        if (age < std::min(cfg_.minStuckMs, cfg_.underpricedStuckMs)) break;  // ordered: the rest are younger
        Pending& p = it->second;
        if (age > cfg_.maxPendingMs) {
            ++abandoned_;
            const std::string hash = p.tx.tx_hash;
            ++it;
            erase(hash);
            continue;
        }
        if (!p.flagged) {
            const std::string key = chainTarget(p.tx.chain);
            ChainState& c = chain(key, now);
            const bool underpriced = c.gasNow && p.tx.max_fee_gwei < *c.gasNow;
            const double limit =
                underpriced ? std::max<double>(cfg_.underpricedStuckMs, 1.5 * c.delay.median())
                            : std::max<double>(cfg_.minStuckMs, c.delay.quantile(cfg_.stuckSigmas));
            if (age >= limit) {
                p.flagged = true;
                Anomaly a = makeAnomaly("tx.stuck", "tx.pending_ms", agentTarget(p.tx.agent), now, seq_++);
                a.observed = static_cast<double>(age);
                a.expected_low = 0;
                a.expected_high = limit;
                // Being underpriced is evidence on its own: such a tx starts at a higher score.
                a.score = std::clamp(1.0 - (underpriced ? 0.1 : 0.2) * std::exp(-(age / limit - 1.0)), 0.0, 1.0);
                const double market = c.gasNow ? *c.gasNow : c.feeEw;
                std::vector<NarrativeArg> args{
                    asText(p.tx.tx_hash), asText(p.tx.agent), asText(std::to_string(p.tx.nonce)), asText(key),
                    asText(formatDuration(age)), asText(formatDuration(static_cast<TimestampMs>(c.delay.median()))),
                    asText(formatDuration(static_cast<TimestampMs>(limit))), asText(formatNumber(p.tx.max_fee_gwei))};
                // Forms: fee alone, against the market, underpriced; each with or without the endpoint.
                int form = 0;
                if (market > 0) {
                    const double ratio = p.tx.max_fee_gwei / market;
                    args.push_back(asText(formatNumber(ratio, 2)));
                    args.push_back(asWord(c.gasNow ? kExplanationWords[5] : kExplanationWords[6]));
                    args.push_back(asText(formatNumber(market)));
                    form = ratio < 1.0 ? 2 : 1;
                }
                const bool via = !p.tx.endpoint.empty();
                if (via) args.push_back(asText(p.tx.endpoint));
                static constexpr ExplanationMsg kForms[3][2] = {
                    {ExplanationMsg::TxStuck, ExplanationMsg::TxStuckVia},
                    {ExplanationMsg::TxStuckFee, ExplanationMsg::TxStuckFeeVia},
                    {ExplanationMsg::TxStuckUnderpriced, ExplanationMsg::TxStuckUnderpricedVia}};
                setExplanation(a, {sentence(kForms[form][via], std::move(args))});
                out.emplace_back(std::move(a));
            }
        }
        ++it;
    }
}

}  // namespace vigil::events
