#include "vigilctl/LearnReport.h"

#include "common/ShippedPolicy.h"
#include "correlate/IncidentScoring.h"
#include "eval/LearnEvaluation.h"
#include "vigilctl/Commands.h"

#include <QString>

#include <cstdio>

namespace vigilctl {
namespace {

std::string seconds(std::optional<vigil::TimestampMs> ms) {
    char buf[32];
    if (!ms) return "-";
    std::snprintf(buf, sizeof buf, "%.0f s", *ms / 1000.0);
    return buf;
}

void printPhase(const char* name, const vigil::LearnPhase& p) {
    std::printf("  %-7s %9d %7d %8d/%-3d %14s %6d %10lld\n", name, p.incidents, p.falseIncidents, p.faultsSeen, p.faults,
                seconds(p.medianRecoverMs).c_str(), p.fixesTaken, static_cast<long long>(p.belowLearnedCut));
}

struct Sums {
    int falseBefore = 0, falseAfter = 0, faults = 0, seenBefore = 0, seenAfter = 0;
    std::vector<vigil::TimestampMs> recoverBefore, recoverAfter;
};

}  // namespace

int evaluateLearningReport(const LearnEvalOptions& opt) {
    vigil::remedy::Policy shipped;
    std::string error;
    if (!vigil::app::loadPolicy(opt.policyPath, shipped, error))
        return usageError(QStringLiteral("evaluate --learn: --policy: %1").arg(QString::fromStdString(error)));
    const vigil::remedy::Policy policy = vigil::reversedPlaybooks(shipped);
    std::printf("learning on the demo fleet: %d recording(s) per scenario (%lld s x %lld cycle(s)) plus a noisy but\n"
                "healthy series (net.latency_ms on host:batch-1, bursts every 12-20 min); feedback from the labels;\n"
                "playbooks with alternatives start reversed (the RPC rule tries notify before failover_rpc)\n\n",
                opt.runs, static_cast<long long>(opt.cycleS), static_cast<long long>(opt.cycles));
    Sums sums;
    for (const std::string& s : opt.scenarios) {
        if (s == "calm") continue;
        {
            std::vector<std::uint64_t> seeds;
            for (int k = 0; k < opt.runs; ++k) seeds.push_back(opt.seed + static_cast<std::uint64_t>(k));
            const vigil::LearnEvaluation ev = vigil::evaluateLearning(s, seeds, opt.cycleS, opt.cycles, policy);
            std::printf("%s, seeds %llu..%llu: feedback %d false alarms, %d real\n", s.c_str(),
                        static_cast<unsigned long long>(seeds.front()), static_cast<unsigned long long>(seeds.back()),
                        ev.falseAlarmFeedback, ev.realFeedback);
            std::printf("  %-7s %9s %7s %12s %14s %6s %10s\n", "", "incidents", "false", "faults seen", "median recover",
                        "fixes", "below cut");
            printPhase("before", ev.before);
            printPhase("after", ev.after);
            for (const auto& c : ev.changes) std::printf("  learned: %s\n", c.reason.c_str());
            if (ev.changes.empty()) std::printf("  learned: nothing\n");
            std::printf("\n");
            sums.falseBefore += ev.before.falseIncidents;
            sums.falseAfter += ev.after.falseIncidents;
            sums.faults += ev.after.faults;
            sums.seenBefore += ev.before.faultsSeen;
            sums.seenAfter += ev.after.faultsSeen;
            sums.recoverBefore.insert(sums.recoverBefore.end(), ev.before.recoverMs.begin(), ev.before.recoverMs.end());
            sums.recoverAfter.insert(sums.recoverAfter.end(), ev.after.recoverMs.begin(), ev.after.recoverMs.end());
            std::fflush(stdout);
        }
    }
    bool pass = true;
    auto goal = [&](const char* what, bool met, const std::string& value, const char* target) {
        pass = pass && met;
        std::printf("%-28s %-22s goal %-22s %s\n", what, value.c_str(), target, met ? "ok" : "MISSED");
    };
    const auto mb = vigil::median(sums.recoverBefore), ma = vigil::median(sums.recoverAfter);
    goal("false incidents", sums.falseAfter < sums.falseBefore,
         std::to_string(sums.falseBefore) + " -> " + std::to_string(sums.falseAfter), "fewer after learning");
    goal("labelled faults seen", sums.seenAfter == sums.faults,
         std::to_string(sums.seenBefore) + " -> " + std::to_string(sums.seenAfter) + " of " + std::to_string(sums.faults),
         "none missed after");
    goal("median time to recover", mb && ma && *ma <= *mb, seconds(mb) + " -> " + seconds(ma), "no slower after");
    return pass ? kOk : kFailed;
}

}  // namespace vigilctl
