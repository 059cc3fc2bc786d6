// The learned model reaches a running engine's assembly (app/common/
// LearnedModelFollower, as `vigilctl run` and `vigil` wire it) from a real
// SQLite file written by another connection (LearnStore, as `vigilctl learn`):
// series cuts written after the engine started stop the cut series from opening
// incidents on the simulated rpc-outage; a playbook order lands on the
// LivePolicy and still holds after the policy file is reloaded; a revert gives
// the policy order back.
#include "common/LearnedModelFollower.h"
#include "common/ShippedPolicy.h"
#include "eval/ScenarioEvaluation.h"
#include "learn/Adaptation.h"
#include "learn/LearnStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <set>

using namespace vigil;

namespace {
constexpr std::uint64_t kSeed = 3;
constexpr std::int64_t kDurationS = 1500;

std::unique_ptr<learn::LearnStore> openStore(const std::string& path) {
    auto s = learn::LearnStore::open(path, std::nullopt);
    if (!s) qFatal("open: %s", s.error().c_str());
    return std::move(s).value();
}

const remedy::PolicyRule* ruleNamed(const remedy::Policy& p, const std::string& name) {
    for (const auto& r : p.rules)
        if (r.name == name) return &r;
    return nullptr;
}
}  // namespace

class TestLearnedModelFollow : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void cutsWrittenLaterStopIncidents() {
        const std::string path = dir_.filePath(QStringLiteral("cuts.db")).toStdString();
        auto store = openStore(path);  // the database exists, no change yet
        app::LearnedModelFollower follower(path, nullptr);
        QVERIFY2(follower.pollOnce(), follower.lastError().c_str());
        QCOMPARE(follower.handOvers(), std::int64_t(1));
        PipelineConfig cfg;
        cfg.correlate.learnedCuts = follower.board();

        const ScenarioEvaluation before = evaluateScenario("rpc-outage", kSeed, kDurationS, cfg);
        QVERIFY(!before.output.incidentUpdates.empty());  // the control: the fault opens incidents
        std::set<std::pair<std::string, std::string>> spoke;
        for (const auto& a : before.output.anomalies)
            if (!a.series.empty()) spoke.insert({a.series, a.target});
        QVERIFY(!spoke.empty());

        // "vigilctl learn" in another process: a cut above every score on every series that spoke.
        std::vector<learn::LearnChange> cuts;
        for (const auto& [series, target] : spoke) {
            learn::LearnChange c;
            c.ts = 1;
            c.series = series;
            c.target = target;
            c.cutAfter = 1.01;
            c.reason = "test: every anomaly of this series is a false alarm";
            cuts.push_back(c);
        }
        QVERIFY(store->addChanges(cuts));
        QVERIFY2(follower.pollOnce(), follower.lastError().c_str());
        QCOMPARE(follower.handOvers(), std::int64_t(2));
        QCOMPARE(follower.model().cuts.size(), spoke.size());

        const ScenarioEvaluation after = evaluateScenario("rpc-outage", kSeed, kDurationS, cfg);
        QCOMPARE(after.output.anomalies.size(), before.output.anomalies.size());  // still recorded
        QVERIFY2(
            after.output.incidentUpdates.empty(),
            qPrintable(QStringLiteral("%1 incident updates under the cuts").arg(after.output.incidentUpdates.size())));

        QVERIFY(follower.pollOnce());
        QCOMPARE(follower.handOvers(), std::int64_t(2));  // nothing changed: nothing handed over
    }

    void ordersHoldAcrossAPolicyReload() {
        const std::string path = dir_.filePath(QStringLiteral("orders.db")).toStdString();
        auto store = openStore(path);
        remedy::Policy shipped;
        std::string error;
        QVERIFY2(app::loadPolicy("", shipped, error), error.c_str());
        const remedy::PolicyRule* rule = nullptr;
        for (const auto& r : shipped.rules)
            if (!r.playbook.empty() && !r.playbook.front().alternatives.empty()) rule = &r;
        QVERIFY(rule);
        const std::string name = rule->name;
        std::vector<std::string> order = learn::choicesOf(*rule);
        std::reverse(order.begin(), order.end());
        QVERIFY(order.front() != rule->playbook.front().action.kind);

        remedy::LivePolicy live(shipped);
        app::LearnedModelFollower follower(path, &live);
        QVERIFY(follower.pollOnce());
        QCOMPARE(ruleNamed(*live.current(), name)->playbook.front().action.kind, rule->playbook.front().action.kind);

        learn::LearnChange c;
        c.ts = 1;
        c.kind = learn::ChangeKind::PlaybookOrder;
        c.rule = name;
        c.orderBefore = learn::choicesOf(*rule);
        c.orderAfter = order;
        c.reason = "test: the last choice worked best";
        auto added = store->addChanges({c});
        QVERIFY2(added, added.error().c_str());
        QVERIFY(follower.pollOnce());
        QCOMPARE(learn::choicesOf(*ruleNamed(*live.current(), name)), order);

        QVERIFY2(live.reloadText(std::string(app::shippedPolicyText()), "policy.yaml", error), error.c_str());
        QCOMPARE(learn::choicesOf(*ruleNamed(*live.current(), name)), order);  // the reload kept what was learned

        QVERIFY(store->revert(added->front().id, 2, "alice"));
        QVERIFY(follower.pollOnce());
        QCOMPARE(learn::choicesOf(*ruleNamed(*live.current(), name)), learn::choicesOf(*rule));
    }

    void anUnreadableDatabaseKeepsTheModel() {
        app::LearnedModelFollower follower(dir_.filePath(QStringLiteral("missing/none.db")).toStdString(), nullptr);
        QVERIFY(!follower.pollOnce());
        QVERIFY(follower.lastError().find("none.db") != std::string::npos);
        QCOMPARE(follower.handOvers(), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLearnedModelFollow)
#include "tst_learnedmodelfollow.moc"
