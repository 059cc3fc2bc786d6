// The narrative's messages: an id per sentence form and its English template
// (%1, %2, ... are the arguments), and the English words its arguments use
// (severities, detectors, list joins). The English text is what the store and the
// CLI get; the UI passes the same strings to QCoreApplication::translate in the
// "Narrative" context (lupdate scans this header; translations/vigil_de.ts).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#ifndef QT_TRANSLATE_NOOP  // core/ stays free of Qt; lupdate only needs the marker
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vigil {

enum class NarrativeMsg : std::uint16_t {
    Summary,
    SummaryMore,
    Cause,
    CauseSeen,
    CauseExplainsOne,
    CauseExplains,
    CauseSeenExplainsOne,
    CauseSeenExplains,
    Verbatim,
    AlsoUpstream1,
    AlsoUpstream2,
    ChangedBefore,
    AlsoChanged,
    Anomalies,
    OneAnomaly,
    AnomaliesReopened,
    AnomaliesReopenedOnce,
    OneAnomalyReopened,
    OneAnomalyReopenedOnce,
    MitigatedRemedied,
    MitigatedQuiet,
    Resolved,
    Count
};

inline constexpr std::array<const char*, static_cast<std::size_t>(NarrativeMsg::Count)> kNarrativeTemplates = {
    QT_TRANSLATE_NOOP("Narrative", "%1: %2 on %3 since %4 (%5 of signals)."),
    QT_TRANSLATE_NOOP("Narrative", "%1: %2 on %3 and %4 more since %5 (%6 of signals)."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1 (%2, first seen there)."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1, which explains 1 affected target."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1, which explains %2 affected targets."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1 (%2, first seen there), which explains 1 affected target."),
    QT_TRANSLATE_NOOP("Narrative", "Likely cause: %1 (%2, first seen there), which explains %3 affected targets."),
    "%1",  // a detector's own explanation, as it wrote it
    QT_TRANSLATE_NOOP("Narrative", "Also upstream: %1 (explains %2)."),
    QT_TRANSLATE_NOOP("Narrative", "Also upstream: %1 (explains %2), %3 (explains %4)."),
    QT_TRANSLATE_NOOP("Narrative", "Changed before it: %1 \"%2\" at %3, %4 before the first signal."),
    QT_TRANSLATE_NOOP("Narrative", "Also changed: %1 \"%2\" at %3, %4 before the first signal."),
    QT_TRANSLATE_NOOP("Narrative", "%1 anomalies so far."),
    QT_TRANSLATE_NOOP("Narrative", "1 anomaly so far."),
    QT_TRANSLATE_NOOP("Narrative", "%1 anomalies so far, re-opened %2 times."),
    QT_TRANSLATE_NOOP("Narrative", "%1 anomalies so far, re-opened 1 time."),
    QT_TRANSLATE_NOOP("Narrative", "1 anomaly so far, re-opened %1 times."),
    QT_TRANSLATE_NOOP("Narrative", "1 anomaly so far, re-opened 1 time."),
    QT_TRANSLATE_NOOP("Narrative", "Mitigated: a remediation succeeded; watching for recurrence."),
    QT_TRANSLATE_NOOP("Narrative", "Mitigated: no new signal since %1."),
    QT_TRANSLATE_NOOP("Narrative", "Resolved at %1 after %2 without new signals."),
};

// Detector name -> what the narrative calls it; unknown detectors keep their name.
inline constexpr std::array<std::pair<std::string_view, const char*>, 11> kDetectorWords = {{
    {"task.failure_ratio", QT_TRANSLATE_NOOP("Narrative", "repeated task failures")},
    {"tx.failure_ratio", QT_TRANSLATE_NOOP("Narrative", "repeated transaction failures")},
    {"tx.stuck", QT_TRANSLATE_NOOP("Narrative", "stuck transactions")},
    {"tx.confirmation_delay", QT_TRANSLATE_NOOP("Narrative", "slow confirmations")},
    {"gas.spike", QT_TRANSLATE_NOOP("Narrative", "a gas price spike")},
    {"worker.queue_growth", QT_TRANSLATE_NOOP("Narrative", "a growing work queue")},
    {"metric.ensemble", QT_TRANSLATE_NOOP("Narrative", "unusual metrics")},
    {"log.new_template", QT_TRANSLATE_NOOP("Narrative", "a new error in the logs")},
    {"log.template_burst", QT_TRANSLATE_NOOP("Narrative", "a burst of log messages")},
    {"level.shift", QT_TRANSLATE_NOOP("Narrative", "sustained degradation")},
    {"forecast.breach", QT_TRANSLATE_NOOP("Narrative", "a limit about to be reached")},
}};

// Words used as arguments besides the detectors', and how lists are joined.
inline constexpr const char* kNoDetectorWord = QT_TRANSLATE_NOOP("Narrative", "anomalies");
inline constexpr std::array<const char*, 3> kSeverityWords = {
    QT_TRANSLATE_NOOP("Narrative", "info"), QT_TRANSLATE_NOOP("Narrative", "warning"),
    QT_TRANSLATE_NOOP("Narrative", "critical")};  // in Severity order
inline constexpr const char* kListOfTwo = QT_TRANSLATE_NOOP("Narrative", "%1 and %2");
inline constexpr const char* kListOfThree = QT_TRANSLATE_NOOP("Narrative", "%1, %2 and %3");

}  // namespace vigil
