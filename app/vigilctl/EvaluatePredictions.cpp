#include "vigilctl/EvaluatePredictions.h"

#include "correlate/IncidentScoring.h"

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace vigilctl {
namespace {

constexpr double kGoalRootCause = 0.90;
constexpr vigil::TimestampMs kGoalLeadMs = 120'000;
const char* const kLeadGoalScenarios[] = {"worker-overload", "wallet-drain"};

QString secondsOr(std::optional<vigil::TimestampMs> ms) {
    return ms ? QString::number(*ms / 1000.0, 'f', 1) + QStringLiteral(" s") : QStringLiteral("-");
}

std::optional<vigil::TimestampMs> minOf(const std::vector<vigil::TimestampMs>& v) {
    if (v.empty()) return std::nullopt;
    return *std::min_element(v.begin(), v.end());
}

}  // namespace

void PredictionTotals::add(const std::string& scenario, const vigil::PredictionScore& p, const vigil::RootCauseScore& rc) {
    if (!byScenario.count(scenario)) order.push_back(scenario);
    ScenarioPredictions& s = byScenario[scenario];
    ++s.runs;
    s.episodes += static_cast<int>(p.episodes.size());
    s.cameTrue += p.cameTrue;
    s.falsePredictions += p.falsePredictions;
    s.breaches += p.breaches;
    s.breachesPredicted += p.breachesPredicted;
    s.leadsMs.insert(s.leadsMs.end(), p.leadsMs.begin(), p.leadsMs.end());
    s.judged += rc.judged;
    s.right += rc.right;
    s.unmatched += rc.unmatched;
}

bool reportPredictionGoals(const PredictionTotals& t) {
    std::printf("\n%-16s %5s %11s %9s %6s %9s %11s %9s %10s %11s\n", "scenario", "runs", "predictions", "came true",
                "false", "breaches", "predicted", "min lead", "median lead", "root cause");
    int judged = 0, right = 0;
    for (const auto& name : t.order) {
        const ScenarioPredictions& s = t.byScenario.at(name);
        if (name != "calm") {
            judged += s.judged;
            right += s.right;
        }
        std::printf("%-16s %5d %11d %9d %6d %9d %11d %9s %10s %5d/%-5d\n", name.c_str(), s.runs, s.episodes, s.cameTrue,
                    s.falsePredictions, s.breaches, s.breachesPredicted, qPrintable(secondsOr(minOf(s.leadsMs))),
                    qPrintable(secondsOr(vigil::median(s.leadsMs))), s.right, s.judged);
    }
    bool pass = true;
    auto goal = [&](const std::string& what, bool met, const QString& value, const char* target) {
        pass = pass && met;
        std::printf("%-28s %-14s goal %-10s %s\n", what.c_str(), qPrintable(value), target, met ? "ok" : "MISSED");
    };
    std::printf("\n");
    if (judged > 0)
        goal("root cause named right", static_cast<double>(right) / judged >= kGoalRootCause,
             QStringLiteral("%1/%2 (%3 %)").arg(right).arg(judged).arg(100.0 * right / judged, 0, 'f', 1), ">= 90 %");
    for (const char* name : kLeadGoalScenarios) {
        const auto it = t.byScenario.find(name);
        if (it == t.byScenario.end()) continue;
        const auto lead = vigil::median(it->second.leadsMs);
        goal(std::string(name) + ": median lead", lead && *lead >= kGoalLeadMs, secondsOr(lead), ">= 120 s");
    }
    if (const auto it = t.byScenario.find("calm"); it != t.byScenario.end())
        goal("calm: predictions", it->second.episodes == 0, QString::number(it->second.episodes), "0");
    return pass;
}

QJsonObject predictionJson(const vigil::PredictionScore& p, const vigil::RootCauseScore& rc) {
    QJsonObject o;
    QJsonArray episodes;
    for (const auto& e : p.episodes) {
        QJsonObject eo{{"series", QString::fromStdString(e.series)},
                       {"target", QString::fromStdString(e.target)},
                       {"first", static_cast<qint64>(e.first)},
                       {"last", static_cast<qint64>(e.last)},
                       {"predictions", e.predictions},
                       {"came_true", e.breach.has_value()}};
        if (e.breach) {
            eo["breach"] = static_cast<qint64>(*e.breach);
            eo["lead_ms"] = static_cast<qint64>(e.leadMs());
        }
        episodes.append(eo);
    }
    o["prediction_episodes"] = episodes;
    o["false_predictions"] = p.falsePredictions;
    o["breaches"] = p.breaches;
    o["breaches_predicted"] = p.breachesPredicted;
    QJsonArray causes;
    for (const auto& r : rc.incidents)
        causes.append(QJsonObject{{"incident", QString::fromStdString(r.incident)},
                                  {"named", QString::fromStdString(r.named)},
                                  {"expected", QString::fromStdString(r.expected)},
                                  {"right", r.right}});
    o["root_causes"] = causes;
    return o;
}

QJsonObject predictionSummaryJson(const PredictionTotals& t) {
    QJsonObject o;
    int judged = 0, right = 0;
    for (const auto& [name, s] : t.byScenario) {
        if (name != "calm") {
            judged += s.judged;
            right += s.right;
        }
        QJsonObject so{{"predictions", s.episodes},          {"came_true", s.cameTrue},
                       {"false_predictions", s.falsePredictions}, {"breaches", s.breaches},
                       {"breaches_predicted", s.breachesPredicted}, {"root_cause_judged", s.judged},
                       {"root_cause_right", s.right},        {"incidents_unmatched", s.unmatched}};
        if (const auto m = vigil::median(s.leadsMs)) so["median_lead_ms"] = static_cast<qint64>(*m);
        if (const auto m = minOf(s.leadsMs)) so["min_lead_ms"] = static_cast<qint64>(*m);
        o[QString::fromStdString(name)] = so;
    }
    o["root_cause_judged"] = judged;
    o["root_cause_right"] = right;
    if (judged) o["root_cause_accuracy"] = static_cast<double>(right) / judged;
    return o;
}

}  // namespace vigilctl
