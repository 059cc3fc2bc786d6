// Silences matched against anomalies and incidents, purely: target exact and glob,
// label equality, policy incident kind, the half-open window on engine time, a
// silence with no matcher matching nothing, validation naming the field, and the
// board's hand-over (a new generation only when the set changed).
#include "silence/SilenceBoard.h"
#include "silence/SilenceMatch.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::silence;

namespace {
Anomaly anomaly(const std::string& target, const std::string& detector = "level.shift",
                const std::string& series = "rpc.error_rate", TimestampMs ts = 1000) {
    Anomaly a;
    a.ts = ts;
    a.id = "an-1";
    a.target = target;
    a.detector = detector;
    a.series = series;
    return a;
}
Silence window(TimestampMs starts, TimestampMs ends) {
    Silence s;
    s.starts = starts;
    s.ends = ends;
    s.reason = "maintenance";
    s.createdBy = "alice";
    return s;
}
}  // namespace

class TestSilenceMatch : public QObject {
    Q_OBJECT
private slots:
    void globs() {
        QVERIFY(globMatch("rpc:eth-main-a", "rpc:eth-main-a"));
        QVERIFY(!globMatch("rpc:eth-main-a", "rpc:eth-main-ab"));
        QVERIFY(globMatch("rpc:*", "rpc:eth-main-a"));
        QVERIFY(globMatch("*main*", "rpc:eth-main-a"));
        QVERIFY(!globMatch("rpc:*", "agent:agent-01"));
        QVERIFY(globMatch("agent:agent-0?", "agent:agent-07"));
        QVERIFY(!globMatch("agent:agent-0?", "agent:agent-10"));
        QVERIFY(globMatch("*", ""));
        QVERIFY(!globMatch("?", ""));
        QVERIFY(globMatch("a*b*c", "axxbyyc"));
        QVERIFY(!globMatch("a*b*c", "axxbyy"));
    }

    void targetLabelAndKindMatchers() {
        Silence s = window(0, 10'000);
        s.target = "rpc:*";
        QVERIFY(matches(s, subjectOf(anomaly("rpc:eth-main-a"))));
        QVERIFY(!matches(s, subjectOf(anomaly("agent:agent-01"))));

        s = window(0, 10'000);
        s.labels = {{"detector", "gas.spike"}};
        QVERIFY(matches(s, subjectOf(anomaly("chain:ethereum", "gas.spike", "chain.gas_gwei"))));
        QVERIFY(!matches(s, subjectOf(anomaly("chain:ethereum", "level.shift", "chain.gas_gwei"))));
        s.labels = {{"target_kind", "rpc"}, {"series", "rpc.latency_ms"}};  // every label must be equal
        QVERIFY(matches(s, subjectOf(anomaly("rpc:x", "level.shift", "rpc.latency_ms"))));
        QVERIFY(!matches(s, subjectOf(anomaly("rpc:x", "level.shift", "rpc.error_rate"))));
        s.labels = {{"no_such_label", "x"}};  // a label the subject lacks never matches
        QVERIFY(!matches(s, subjectOf(anomaly("rpc:x"))));

        s = window(0, 10'000);
        s.kind = "rpc-outage";
        const AnomalyKindFn kindOf = [](const Anomaly& a) { return a.series == "rpc.error_rate" ? "rpc-outage" : ""; };
        QVERIFY(matches(s, subjectOf(anomaly("rpc:x"), kindOf)));
        QVERIFY(!matches(s, subjectOf(anomaly("rpc:x", "level.shift", "rpc.latency_ms"), kindOf)));
        QVERIFY(!matches(s, subjectOf(anomaly("rpc:x"))));  // no kind known: no kind match

        // Target and kind together: both must match.
        s.target = "rpc:y";
        QVERIFY(!matches(s, subjectOf(anomaly("rpc:x"), kindOf)));

        // An incident offers its likely cause and severity, no kind.
        Incident inc;
        inc.cause = "pool:airdrop_claim";
        inc.severity = Severity::Critical;
        Silence byCause = window(0, 10'000);
        byCause.target = "pool:airdrop_claim";
        QVERIFY(matches(byCause, subjectOf(inc)));
        Silence bySeverity = window(0, 10'000);
        bySeverity.labels = {{"severity", "warning"}};
        QVERIFY(!matches(bySeverity, subjectOf(inc)));
    }

    void noMatcherMatchesNothing() {
        const Silence empty = window(0, 10'000);
        QVERIFY(!matches(empty, subjectOf(anomaly("rpc:x"))));
        std::string why;
        QVERIFY(!validSilence(empty, why));
        QVERIFY2(QString::fromStdString(why).contains("target, a label or a kind"), why.c_str());
    }

    void windowIsHalfOpenOnEngineTime() {
        Silence s = window(1000, 2000);
        s.target = "rpc:x";
        const SilenceSet set({s});
        QVERIFY(!set.find(subjectOf(anomaly("rpc:x")), 999));
        QVERIFY(set.find(subjectOf(anomaly("rpc:x")), 1000));
        QVERIFY(set.find(subjectOf(anomaly("rpc:x")), 1999));
        QVERIFY(!set.find(subjectOf(anomaly("rpc:x")), 2000));
        QVERIFY(!set.find(subjectOf(anomaly("rpc:y")), 1500));
    }

    void validationNamesTheField() {
        Silence s = window(2000, 1000);
        s.target = "rpc:x";
        std::string why;
        QVERIFY(!validSilence(s, why));
        QVERIFY2(why.rfind("ends:", 0) == 0, why.c_str());
        s = window(0, 1000);
        s.target = "rpc:x";
        s.reason.clear();
        QVERIFY(!validSilence(s, why));
        QVERIFY2(why.rfind("reason:", 0) == 0, why.c_str());
        s.reason = "r";
        s.createdBy.clear();
        QVERIFY(!validSilence(s, why));
        QVERIFY2(why.rfind("created_by:", 0) == 0, why.c_str());
        s.createdBy = "bob";
        s.labels = {{"bad\nkey", "v"}};
        QVERIFY(!validSilence(s, why));
        s.labels = {{"detector", "gas.spike"}};
        QVERIFY(validSilence(s, why));

        std::string k, v;
        QVERIFY(parseLabel("detector=gas.spike", k, v, why));
        QCOMPARE(k, std::string("detector"));
        QCOMPARE(v, std::string("gas.spike"));
        QVERIFY(parseLabel("k=a=b", k, v, why));
        QCOMPARE(v, std::string("a=b"));
        QVERIFY(!parseLabel("detector", k, v, why));
        QVERIFY(!parseLabel("=x", k, v, why));
        QVERIFY2(QString::fromStdString(why).contains("key=value"), why.c_str());
    }

    void boardHandsOverNewSetsOnly() {
        auto board = std::make_shared<SilenceBoard>();
        SilenceView view(board);
        QVERIFY(view.set().all().empty());
        const auto g0 = board->generation();
        Silence s = window(0, 1000);
        s.target = "rpc:x";
        board->publish({s});
        QCOMPARE(board->generation(), g0 + 1);
        QCOMPARE(view.set().all().size(), std::size_t(1));
        const auto held = board->current();
        board->publish({s});  // the same set: no new generation
        QCOMPARE(board->generation(), g0 + 1);
        board->publish({});
        QCOMPARE(board->generation(), g0 + 2);
        QVERIFY(view.set().all().empty());
        QCOMPARE(held->all().size(), std::size_t(1));  // a reader's set never changes under it
    }
};

QTEST_GUILESS_MAIN(TestSilenceMatch)
#include "tst_silencematch.moc"
