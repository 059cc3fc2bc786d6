// The detectors' explanations as messages: an id per sentence form and its English
// template (%1, %2, ... are the arguments), grouped by detector. The English
// rendering is Anomaly::explanation (store, CLI, reports); the UI passes the same
// strings to QCoreApplication::translate in the "Explanation" context (lupdate
// scans this header; translations/vigil_de.ts). Each message is one sentence, so
// a narrative can quote an explanation's first sentence in any language.
#pragma once

#include "record/NarrativeText.h"

#include <array>
#include <cstdint>

#ifndef QT_TRANSLATE_NOOP  // core/ stays free of Qt; lupdate only needs the marker
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vigil {

// Explanation ids follow the narrative's in one id space, so a narrative's story
// can carry an explanation's sentence as it is.
inline constexpr std::uint16_t kExplanationMsgBase = 256;

enum class ExplanationMsg : std::uint16_t {
    // metric.ensemble (metric/Explanation.cpp)
    MetricOn = kExplanationMsgBase,
    Metric,
    MetricNoSignal,
    MetricSignals1,
    MetricSignals2,
    MetricSignals3,
    MetricSignals4,
    MetricSignals5,
    MetricAfterGap,
    MetricDamped,
    MetricScore,
    // task.failure_ratio, tx.failure_ratio (events/FailureRatioDetector.cpp)
    TaskFailures,
    TaskFailuresErrors,
    TxFailures,
    TxFailuresErrors,
    // tx.confirmation_delay, tx.stuck (events/TxDelayDetector.cpp)
    ConfirmationsSlowing,
    ConfirmationsSlowingGas,
    TxStuck,
    TxStuckVia,
    TxStuckFee,
    TxStuckFeeVia,
    TxStuckUnderpriced,
    TxStuckUnderpricedVia,
    // gas.spike (events/GasSpikeDetector.cpp)
    GasSpike,
    // worker.queue_growth (events/QueueGrowthDetector.cpp)
    QueueGrowth,
    // level.shift (events/LevelShiftDetector.cpp)
    LevelShift,
    // log.new_template, log.template_burst (logs/LogAnomalyStage.cpp)
    NewErrorPattern,
    NewWarnPattern,
    PatternBurst,
    PatternBurstFrom,
    // forecast.breach (forecast/ForecastBreachDetector.cpp)
    ForecastReaches,
    ForecastFallsBelow,
    End
};

inline constexpr std::array<const char*, static_cast<std::size_t>(ExplanationMsg::End) - kExplanationMsgBase>
    kExplanationTemplates = {
        QT_TRANSLATE_NOOP("Explanation", "%1 on %2 is %3 (expected %4, usual band %5 to %6): %7."),
        QT_TRANSLATE_NOOP("Explanation", "%1 is %2 (expected %3, usual band %4 to %5): %6."),
        QT_TRANSLATE_NOOP("Explanation", "No signal stands out."),
        QT_TRANSLATE_NOOP("Explanation", "Signals: %1 %2 its largest in recent history."),
        QT_TRANSLATE_NOOP("Explanation", "Signals: %1 %2; %3 %4 its largest in recent history."),
        QT_TRANSLATE_NOOP("Explanation", "Signals: %1 %2; %3 %4; %5 %6 its largest in recent history."),
        QT_TRANSLATE_NOOP("Explanation", "Signals: %1 %2; %3 %4; %5 %6; %7 %8 its largest in recent history."),
        QT_TRANSLATE_NOOP("Explanation",
                          "Signals: %1 %2; %3 %4; %5 %6; %7 %8; %9 %10 its largest in recent history."),
        QT_TRANSLATE_NOOP("Explanation", "Comes right after missing data."),
        QT_TRANSLATE_NOOP("Explanation", "Damped: an alert on this series fired moments ago."),
        QT_TRANSLATE_NOOP("Explanation", "Score %1."),

        QT_TRANSLATE_NOOP("Explanation", "Task failures on %1: %2 of the last %3 tasks failed (%4) against a usual "
                                         "%5 (expected at most %6), rising for %7."),
        QT_TRANSLATE_NOOP("Explanation", "Task failures on %1: %2 of the last %3 tasks failed (%4) against a usual "
                                         "%5 (expected at most %6), rising for %7; errors: %8."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction failures on %1: %2 of the last %3 transactions failed (%4) "
                                         "against a usual %5 (expected at most %6), rising for %7."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction failures on %1: %2 of the last %3 transactions failed (%4) "
                                         "against a usual %5 (expected at most %6), rising for %7; errors: %8."),

        QT_TRANSLATE_NOOP("Explanation", "Confirmations on %1 are slowing: the last one took %2 where %3 is usual "
                                         "(expected %4 to %5), consistently since %6 ago."),
        QT_TRANSLATE_NOOP("Explanation", "Confirmations on %1 are slowing: the last one took %2 where %3 is usual "
                                         "(expected %4 to %5), consistently since %6 ago; gas price now %7 gwei."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei; "
                                         "sent via %9."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei "
                                         "is %9x the current %10 of %11 gwei."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei "
                                         "is %9x the current %10 of %11 gwei; sent via %12."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei "
                                         "is %9x the current %10 of %11 gwei (underpriced: replace it with bumped "
                                         "fees)."),
        QT_TRANSLATE_NOOP("Explanation", "Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; "
                                         "confirmations there usually take %6 (stuck after %7); its max fee %8 gwei "
                                         "is %9x the current %10 of %11 gwei (underpriced: replace it with bumped "
                                         "fees); sent via %12."),

        QT_TRANSLATE_NOOP("Explanation", "Gas price on %1 is %2 gwei, %3x its recent median of %4 gwei (expected %5 "
                                         "to %6), high for %7; transactions priced for the old level will wait."),

        QT_TRANSLATE_NOOP("Explanation", "Work is piling up in %1: %2 is %3 and has grown by about %4 per minute for "
                                         "%5 (usual %6, expected at most %7); the workers are not keeping up."),

        QT_TRANSLATE_NOOP("Explanation", "%1 on %2 is %3, %4x its usual %5 (expected %6 to %7), degraded for %8."),

        QT_TRANSLATE_NOOP("Explanation", "New error log pattern never seen before from %1: %2 (message: %3)."),
        QT_TRANSLATE_NOOP("Explanation", "New warn log pattern never seen before from %1: %2 (message: %3)."),
        QT_TRANSLATE_NOOP("Explanation", "Log pattern %1 burst: %2 lines in the current %3 s bucket, against a "
                                         "baseline of %4 per bucket (expected at most %5; Poisson p = %6)."),
        QT_TRANSLATE_NOOP("Explanation", "Latest from %1."),

        QT_TRANSLATE_NOOP("Explanation", "%1 of %2 reaches %3%4 in about %5: it is %6%4 and rising by %7%4 a minute "
                                         "over the last %8 (at the slowest plausible rate in %9)."),
        QT_TRANSLATE_NOOP("Explanation", "%1 of %2 falls below %3%4 in about %5: it is %6%4 and falling by %7%4 a "
                                         "minute over the last %8 (at the slowest plausible rate in %9)."),
};

// Words the messages take as arguments (NarrativeArg::words), translated in the
// same context: where a metric stands against its band, the metric signals
// (MetricAnomalyDetector's signalName), what a stuck transaction's fee is compared
// with, a log line without a source, and the default forecast watches' names
// (capitalised, as the sentence starts with them) and units.
inline constexpr std::array<const char*, 3> kMetricVerdictWords = {
    QT_TRANSLATE_NOOP("Explanation", "above the band"), QT_TRANSLATE_NOOP("Explanation", "below the band"),
    QT_TRANSLATE_NOOP("Explanation", "inside the band, but unusual in its context")};
inline constexpr std::array<const char*, 9> kExplanationWords = {
    QT_TRANSLATE_NOOP("Explanation", "far from usual level"),
    QT_TRANSLATE_NOOP("Explanation", "sustained level shift"),
    QT_TRANSLATE_NOOP("Explanation", "off the daily pattern"),
    QT_TRANSLATE_NOOP("Explanation", "off the weekly pattern"),
    QT_TRANSLATE_NOOP("Explanation", "unusually many excursions"),
    QT_TRANSLATE_NOOP("Explanation", "gas price"),
    QT_TRANSLATE_NOOP("Explanation", "typical fee"),
    QT_TRANSLATE_NOOP("Explanation", "an unnamed source"),
    QT_TRANSLATE_NOOP("Explanation", " blocks"),
};
inline constexpr std::array<const char*, 4> kForecastWhatWords = {
    QT_TRANSLATE_NOOP("Explanation", "Queue"), QT_TRANSLATE_NOOP("Explanation", "Hot wallet balance"),
    QT_TRANSLATE_NOOP("Explanation", "Gas price"), QT_TRANSLATE_NOOP("Explanation", "Lag behind the chain head")};

// The explanations' messages; inside a narrative, only an explanation's first sentence.
inline MessageTable explanationMessages(bool firstSentenceOnly = false) {
    return MessageTable{"Explanation", kExplanationMsgBase, kExplanationTemplates.data(), kExplanationTemplates.size(),
                        firstSentenceOnly};
}

}  // namespace vigil
