// For tests/ui/tst_localizedtext and tst_storedlanguage: one anomaly per explanation message, its word
// arguments the detectors' English words, and the English template words left
// in a rendered text.
#pragma once

#include "correlate/Narrative.h"
#include "detect/ExplanationText.h"
#include "record/NarrativeMessages.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace vigil::samples {

// Which arguments of a message are words, and which word each takes.
inline NarrativeArg argFor(ExplanationMsg m, int k) {  // k: 1 for %1
    using M = ExplanationMsg;
    const int signalForm = int(m) - int(M::MetricSignals1) + 1;
    if (m == M::MetricOn && k == 7) return asWord(kMetricVerdictWords[0]);
    if (m == M::Metric && k == 6) return asWord(kMetricVerdictWords[2]);
    if (signalForm >= 1 && signalForm <= 5 && k % 2 == 1) return asWord(kExplanationWords[std::size_t(k / 2)]);
    if ((m == M::TxStuckFee || m == M::TxStuckFeeVia || m == M::TxStuckUnderpriced || m == M::TxStuckUnderpricedVia) &&
        k == 10)
        return asWord(kExplanationWords[5]);
    if ((m == M::NewErrorPattern || m == M::NewWarnPattern || m == M::PatternBurstFrom) && k == 1)
        return asWord(kExplanationWords[7]);
    if ((m == M::ForecastReaches || m == M::ForecastFallsBelow) && k == 1) return asWord(kForecastWhatWords[3]);
    if ((m == M::ForecastReaches || m == M::ForecastFallsBelow) && k == 4) return asWord(kExplanationWords[8]);
    return asText(k == 1 ? "chain:ethereum" : k == 2 ? "rpc:eth-main-a" : "42");
}

inline std::vector<Anomaly> everyExplanation() {
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+)"));
    std::vector<Anomaly> out;
    for (std::size_t i = 0; i < kExplanationTemplates.size(); ++i) {
        const auto m = static_cast<ExplanationMsg>(kExplanationMsgBase + i);
        int n = 0;
        for (auto it = placeholder.globalMatch(QLatin1String(kExplanationTemplates[i])); it.hasNext();)
            n = std::max(n, it.next().captured(1).toInt());
        std::vector<NarrativeArg> args;
        for (int k = 1; k <= n; ++k) args.push_back(argFor(m, k));
        Anomaly a;
        a.target = "chain:ethereum";
        setExplanation(a, {sentence(m, std::move(args))});
        out.push_back(std::move(a));
    }
    return out;
}

// A gas spike on chain:ethereum, and the facts of the incident it causes as the
// correlator hands them to the narrative (which quotes the spike's explanation).
inline Anomaly gasSpike() {
    return everyExplanation()[std::size_t(ExplanationMsg::GasSpike) - kExplanationMsgBase];
}
inline NarrativeFacts gasSpikeIncident(const Anomaly& spike) {
    NarrativeFacts f;
    f.severity = Severity::Critical;
    f.since = 1'772'366'400'000;
    f.lastAnomaly = f.since + 95'000;
    f.seen = {"gas.spike", "tx.stuck"};
    f.targets = {"chain:ethereum", "agent:agent-07"};
    f.cause = "chain:ethereum";
    f.causeDetector = "gas.spike";
    f.causeExplanation = spike.explanation;
    f.causeExplanationLead = spike.explanation_msgs.front();
    f.explained = 2;
    f.anomalies = 4;
    return f;
}

// English words (three letters or more) of the sentences' templates and word
// arguments that `text`, less the text arguments, still contains, whole and in the same case. The few words
// German shares with English are not counted.
inline QStringList englishWordsLeft(const QString& text, const std::vector<NarrativeSentence>& sentences) {
    static const QSet<QString> shared{QStringLiteral("gwei"), QStringLiteral("Poisson"), QStringLiteral("Hot")};
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    QStringList english;
    QString rest = text;  // without the arguments shown as they are (targets, log lines)
    for (const NarrativeSentence& s : sentences)
        for (const NarrativeArg& a : s.args)
            if (!a.text.empty()) rest.remove(QString::fromStdString(a.text));
    for (const NarrativeSentence& s : sentences) {
        if (s.msg < kNarrativeTemplates.size()) english << QString::fromUtf8(kNarrativeTemplates[s.msg]);
        else if (s.msg >= kExplanationMsgBase && std::size_t(s.msg - kExplanationMsgBase) < kExplanationTemplates.size())
            english << QString::fromUtf8(kExplanationTemplates[s.msg - kExplanationMsgBase]);
        for (const NarrativeArg& a : s.args)
            for (const std::string& w : a.words) english << QString::fromStdString(w);
    }
    QStringList left;
    for (const QString& e : english)
        for (auto it = word.globalMatch(e); it.hasNext();) {
            const QString w = it.next().captured(0);
            if (shared.contains(w) || left.contains(w)) continue;
            if (QRegularExpression(QStringLiteral("\\b%1\\b").arg(w)).match(rest).hasMatch()) left << w;
        }
    return left;
}

}  // namespace vigil::samples
