// Narratives as messages: the English rendering is the text the store and the CLI
// have always had (golden strings, byte for byte), and a translation replaces
// templates and words but never targets, times or a detector's own words.
#include "correlate/Narrative.h"
#include "record/NarrativeMessages.h"
#include "record/NarrativeText.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr TimestampMs T0 = 1'767'225'600'000;  // 2026-01-01 00:00:00Z

NarrativeFacts openFacts() {
    NarrativeFacts f;
    f.state = IncidentState::Open;
    f.severity = Severity::Critical;
    f.since = T0 + 100'000;
    f.lastAnomaly = T0 + 190'000;
    f.at = f.lastAnomaly;
    f.seen = {"task.failure_ratio", "metric.ensemble", "log.new_template", "gas.spike"};
    f.targets = {"rpc:eth-main-a", "agent:agent-07", "agent:agent-08", "workflow:claim", "pool:claim"};
    f.cause = "rpc:eth-main-a";
    f.causeDetector = "metric.ensemble";
    f.causeExplanation = "latency 850 ms, expected 80-140 ms. Second sentence.";
    f.explained = 3;
    f.otherCauses = {{"chain:ethereum", 2}};
    f.changes = {Change{T0 + 40'000, "agent-07", "deploy v1.2.3 done. more"}};
    f.anomalies = 12;
    return f;
}

// Marks what went through the translation, so the test sees what was translated.
std::string shout(const char*, const char* english) { return std::string("<") + english + ">"; }
}  // namespace

class TestNarrative : public QObject {
    Q_OBJECT
private slots:
    // A first sentence too long for a narrative is cut at a clause or word boundary, with an
    // ellipsis, within the limit; a run without spaces is cut inside it but never
    // inside a UTF-8 character.
    void aLongFirstSentenceIsCutBetweenWords() {
        const std::string words =
            "Transaction 0x050bf41bbdb50f758c734971aa0ac4280dd573eb337902ec1baf155326a5992 from agent-08 (nonce 2763) "
            "on chain:arbitrum has been pending for 16.0s; confirmations there usually take 1.5s (stuck after "
            "15.0s); its max fee is below the base fee. Second sentence.";
        const std::string cut = vigil::firstSentence(words, 220);
        QVERIFY(cut.size() <= 220);
        QVERIFY(cut.size() > 110);
        QCOMPARE(cut.substr(cut.size() - 3), std::string("\u2026"));
        const std::string kept = cut.substr(0, cut.size() - 3);
        QCOMPARE(words.substr(0, kept.size()), kept);
        const char next = words[kept.size()];
        QVERIFY2(next == ' ' || next == ';' || next == ',', cut.c_str());  // a whole word before the ellipsis
        QVERIFY(kept.back() != ' ' && kept.back() != ';');
        QCOMPARE(words.substr(kept.size(), 2), std::string("; "));  // at a clause's end where there is one

        std::string run;
        for (int i = 0; i < 100; ++i) run += "\u00e9";  // 200 bytes, no space
        run = "x" + run + run;
        const std::string inside = vigil::firstSentence(run, 101);
        QVERIFY(inside.size() <= 101);
        const std::string body = inside.substr(0, inside.size() - 3);
        QCOMPARE(QString::fromStdString(body).toStdString(), body);  // valid UTF-8: survives a round trip
        QVERIFY(QString::fromStdString(body).size() > 40);

        QCOMPARE(vigil::firstSentence("Short. Then more.", 220), std::string("Short."));
    }
    void englishIsTheStoredText_data() {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("expected");
        QTest::newRow("open, everything")
            << 0
            << QStringLiteral(
                   "critical: repeated task failures, unusual metrics and a new error in the logs on rpc:eth-main-a, "
                   "agent:agent-07, agent:agent-08, workflow:claim and 1 more since 2026-01-01 00:01:40Z (1m30s of "
                   "signals). "
                   "Likely cause: rpc:eth-main-a (unusual metrics, first seen there), which explains 3 affected "
                   "targets. "
                   "latency 850 ms, expected 80-140 ms. Also upstream: chain:ethereum (explains 2). Changed before it: "
                   "agent-07 \"deploy v1.2.3 done.\" at 2026-01-01 00:00:40Z, 1m00s before the first signal. "
                   "12 anomalies so far.");
        QTest::newRow("mitigated, one target, once re-opened")
            << 1
            << QStringLiteral(
                   "warning: a gas price spike on chain:ethereum since 2026-01-01 00:01:40Z (1m30s of signals). "
                   "Likely cause: chain:ethereum. 1 anomaly so far, re-opened 1 time. "
                   "Mitigated: no new signal since 2026-01-01 00:03:10Z.");
        QTest::newRow("resolved, no detector, explains one")
            << 2
            << QStringLiteral(
                   "info: anomalies on rpc:a, agent:b since 2026-01-01 00:01:40Z (1m30s of signals). "
                   "Likely cause: rpc:a, which explains 1 affected target. 7 anomalies so far, re-opened 3 times. "
                   "Resolved at 2026-01-01 00:08:10Z after 5m00s without new signals.");
    }
    void englishIsTheStoredText() {
        QFETCH(int, variant);
        QFETCH(QString, expected);
        NarrativeFacts f = openFacts();
        if (variant == 1) {
            f = NarrativeFacts{};
            f.state = IncidentState::Mitigated;
            f.severity = Severity::Warning;
            f.since = T0 + 100'000;
            f.lastAnomaly = T0 + 190'000;
            f.seen = {"gas.spike"};
            f.targets = {"chain:ethereum"};
            f.cause = "chain:ethereum";
            f.anomalies = 1;
            f.flaps = 1;
        } else if (variant == 2) {
            f = NarrativeFacts{};
            f.state = IncidentState::Resolved;
            f.severity = Severity::Info;
            f.since = T0 + 100'000;
            f.lastAnomaly = T0 + 190'000;
            f.at = T0 + 490'000;
            f.targets = {"rpc:a", "agent:b"};
            f.cause = "rpc:a";
            f.explained = 1;
            f.anomalies = 7;
            f.flaps = 3;
        }
        QCOMPARE(QString::fromStdString(buildNarrative(f)), expected);
    }

    void translationReplacesMessagesAndWordsOnly() {
        const auto story = narrativeStory(openFacts());
        const std::string t = renderNarrative(story, shout);
        // Templates and words went through the translation ...
        QVERIFY2(t.find("<repeated task failures>") != std::string::npos, t.c_str());
        QVERIFY2(t.find("<critical>") != std::string::npos, t.c_str());
        QVERIFY2(t.find("<%1, %2 and %3>") == std::string::npos, t.c_str());  // filled, not shown
        QVERIFY2(t.find("<Likely cause: rpc:eth-main-a (<unusual metrics>, first seen there), which explains 3 "
                        "affected targets.>") != std::string::npos,
                 t.c_str());
        // ... targets, times, log lines and the detector's own words did not.
        QVERIFY2(t.find("<rpc:eth-main-a>") == std::string::npos, t.c_str());
        QVERIFY2(t.find(" latency 850 ms, expected 80-140 ms. ") != std::string::npos, t.c_str());
        QVERIFY2(t.find("<latency") == std::string::npos, t.c_str());
    }

    void argumentsAreNotSubstitutedTwice() {
        NarrativeFacts f = openFacts();
        f.changes = {Change{T0, "agent-07", "deploy %1 and %2"}};
        const std::string n = buildNarrative(f);
        QVERIFY2(n.find("\"deploy %1 and %2\"") != std::string::npos, n.c_str());
    }

    void everyMessageHasATemplate() {
        for (std::size_t i = 0; i < kNarrativeTemplates.size(); ++i) QVERIFY(kNarrativeTemplates[i] != nullptr);
        QCOMPARE(renderNarrative({NarrativeSentence{9999, {}}}), std::string());  // unknown ids are skipped
    }
};

QTEST_APPLESS_MAIN(TestNarrative)
#include "tst_narrative.moc"
