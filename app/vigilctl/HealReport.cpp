#include "vigilctl/HealReport.h"

#include "common/ShippedPolicy.h"
#include "correlate/IncidentScoring.h"
#include "eval/HealEvaluation.h"
#include "vigilctl/Commands.h"

#include <cstdio>

namespace vigilctl {
namespace {

constexpr vigil::TimestampMs kGoalMs = 60'000;

// Faults the shipped policy fixes without people: a gas spike is the market, a
// slow host has no actuator, a bad deploy's rollback waits for approval.
bool autoFixable(const vigil::FaultRecovery& f) {
    return f.kind == "rpc-outage" || f.kind == "stuck-tx" || f.kind == "worker-overload" ||
           (f.kind == "latency-spike" && f.target.rfind("rpc:", 0) == 0);
}

std::string secs(vigil::TimestampMs ms, bool censored) { return (censored ? ">" : "") + std::to_string(ms / 1000) + " s"; }

struct HealPair {
    vigil::HealRun healed, alone;  // with the policy, and the same scenario and seed without Vigil
};

struct HealTotals {
    std::vector<vigil::TimestampMs> with, without, fixWith, fixWithout;
    int calmTaken = 0, calmRuns = 0;
};

// Run: every scenario and seed, with and without Vigil.
std::vector<HealPair> runAll(const HealOptions& opt, const vigil::remedy::Policy& policy) {
    std::vector<HealPair> out;
    for (const std::string& s : opt.scenarios) {
        const std::int64_t dur = s == "calm" ? opt.calmDurationS : opt.durationS;
        for (int k = 0; k < opt.runs; ++k) {
            const std::uint64_t seed = opt.seed + static_cast<std::uint64_t>(k);
            out.push_back({vigil::evaluateHeal(s, seed, dur, &policy), vigil::evaluateHeal(s, seed, dur, nullptr)});
        }
    }
    return out;
}

void reportRun(const HealPair& p, bool firstOfScenario, HealTotals& t) {
    const vigil::HealRun& healed = p.healed;
    const vigil::HealRun& alone = p.alone;
    const std::string& s = healed.scenario;
    const auto seed = static_cast<unsigned long long>(healed.seed);
    if (s == "calm") {
        t.calmTaken += healed.taken();
        ++t.calmRuns;
    }
    if (healed.faults.empty())
        std::printf("%-16s %5llu %-28s %9s %13s %6d %9d\n", firstOfScenario ? s.c_str() : "", seed, "-", "-", "-",
                    healed.taken(), healed.awaitingApproval());
    for (std::size_t i = 0; i < healed.faults.size(); ++i) {
        const auto& f = healed.faults[i];
        const vigil::TimestampMs a = vigil::timeToRecover(f, healed.end);
        const bool aloneKnown = i < alone.faults.size();
        const vigil::TimestampMs b = aloneKnown ? vigil::timeToRecover(alone.faults[i], alone.end) : a;
        t.with.push_back(a);
        t.without.push_back(b);
        if (autoFixable(f)) {
            t.fixWith.push_back(a);
            t.fixWithout.push_back(b);
        }
        const std::string fault = f.kind + " " + f.target;
        std::printf("%-16s %5llu %-28s %9s %13s %6d %9d\n", i == 0 && firstOfScenario ? s.c_str() : "", seed,
                    fault.c_str(), secs(a, f.recoveredMs < 0).c_str(),
                    secs(b, aloneKnown && alone.faults[i].recoveredMs < 0).c_str(), i == 0 ? healed.taken() : 0,
                    i == 0 ? healed.awaitingApproval() : 0);
    }
    for (const auto& f : healed.faults)
        std::printf("    fault %s %s from +%lld s to +%lld s\n", f.kind.c_str(), f.target.c_str(),
                    static_cast<long long>((f.start - healed.start) / 1000), static_cast<long long>((f.end - healed.start) / 1000));
    if (healed.mitigatedByAction > 0) std::printf("    incidents mitigated by an action: %d\n", healed.mitigatedByAction);
    for (const vigil::Action& act : healed.actions) {
        std::string result;
        for (const vigil::Outcome& o : healed.outcomes)
            if (o.action_id == act.id) result = (o.success ? "ok: " : "failed: ") + o.detail;
        std::printf("    +%lld s %s %s %s%s%s\n", static_cast<long long>((act.ts - healed.start) / 1000),
                    std::string(vigil::toString(act.status)).c_str(), act.kind.c_str(), act.target.c_str(),
                    result.empty() ? "" : " -> ", result.c_str());
    }
    std::fflush(stdout);
}

// The goal lines; true when every goal is met.
bool reportGoals(const HealTotals& t) {
    const auto mWith = vigil::median(t.with), mWithout = vigil::median(t.without);
    const bool goal = !mWith || *mWith <= kGoalMs;
    if (mWith)
        std::printf("median time to recover  %lld s with Vigil, %lld s without (%zu faults)   goal <= 60 s   %s\n",
                    static_cast<long long>(*mWith / 1000), static_cast<long long>(mWithout.value_or(0) / 1000),
                    t.with.size(), goal ? "ok" : "MISSED");
    if (const auto f = vigil::median(t.fixWith))
        std::printf("  of which automatically fixable  %lld s with Vigil, %lld s without (%zu faults: rpc outage, RPC latency, stuck tx, overload)\n",
                    static_cast<long long>(*f / 1000), static_cast<long long>(vigil::median(t.fixWithout).value_or(0) / 1000),
                    t.fixWith.size());
    if (t.calmRuns > 0)
        std::printf("calm: actions taken %d   goal 0   %s\n", t.calmTaken, t.calmTaken == 0 ? "ok" : "MISSED");
    return t.calmTaken == 0 && goal;
}

}  // namespace

int evaluateHealing(const HealOptions& opt) {
    vigil::remedy::Policy policy;
    std::string error;
    if (!vigil::app::loadPolicy(opt.policyPath, policy, error))
        return usageError(QStringLiteral("evaluate --heal: %1").arg(QString::fromStdString(error)));
    std::printf("closed loop with policy %s (%zu rules%s%s)\n", policy.source.c_str(), policy.rules.size(),
                policy.dryRun ? ", dry run" : "", policy.killSwitch ? ", kill switch on" : "");
    std::printf("%-16s %5s %-28s %9s %13s %6s %9s\n", "scenario", "seed", "fault", "recovered", "without Vigil",
                "taken", "awaiting");
    std::fflush(stdout);
    HealTotals totals;
    // Run and report one scenario at a time, so a long evaluation shows progress.
    for (const std::string& s : opt.scenarios) {
        HealOptions one = opt;
        one.scenarios = {s};
        bool first = true;
        for (const HealPair& p : runAll(one, policy)) {
            reportRun(p, first, totals);
            first = false;
        }
    }
    return reportGoals(totals) ? kOk : kFailed;
}

}  // namespace vigilctl
