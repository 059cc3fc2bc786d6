// A learned model exported from one database imports into another as the same
// model; a bad file is refused whole, with the file and the field named.
#include "learn/ModelFile.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::learn;

namespace {

std::vector<LearnChange> someHistory() {
    LearnChange c;
    c.id = 1;
    c.kind = ChangeKind::SeriesCut;
    c.series = "net.latency_ms";
    c.target = "host:batch-1";
    c.cutAfter = 0.9;
    c.reason = "3 false alarms";
    LearnChange o;
    o.id = 2;
    o.kind = ChangeKind::PlaybookOrder;
    o.rule = "rpc-outage-failover";
    o.orderAfter = {"failover_rpc", "notify"};
    o.reason = "notify helped 0 of 3";
    LearnChange gone = c;  // reverted: not exported
    gone.id = 3;
    gone.target = "host:node-1";
    gone.revertedTs = 9;
    return {c, o, gone};
}

std::string importError(const std::string& text) {
    const ImportResult r = importModel(text, "m.json", {}, 1);
    return r.ok ? std::string("(accepted)") : r.error;
}

}  // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private slots:
    void roundTripsTheModelInForce() {
        const auto history = someHistory();
        const std::string text = exportModel(history, 1234);
        const ImportResult r = importModel(text, "m.json", {}, 5000);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.changes.size(), std::size_t{2});
        std::vector<LearnChange> imported = r.changes;
        for (std::size_t i = 0; i < imported.size(); ++i) imported[i].id = static_cast<std::int64_t>(i + 1);
        QCOMPARE(modelOf(imported), modelOf(history));
        QCOMPARE(imported[0].by, std::string("import:m.json"));
        QVERIFY(imported[0].reason.find("imported from m.json: 3 false alarms") == 0);
        // Importing what is already in force changes nothing.
        const ImportResult again = importModel(text, "m.json", history, 6000);
        QVERIFY(again.ok);
        QVERIFY(again.changes.empty());
        QCOMPARE(again.unchanged, 2);
    }

    // Subjects whose text reads the same ("a b" on "c" and "a" on "b c"; series
    // "rule" on "r" and rule "r") are different subjects: the export keeps every
    // one (fuzz_modelfile found one lost).
    void subjectsThatReadTheSameAreAllExported() {
        LearnChange a;
        a.id = 1;
        a.kind = ChangeKind::SeriesCut;
        a.series = "a b";
        a.target = "c";
        a.cutAfter = 0.8;
        LearnChange b = a;
        b.id = 2;
        b.series = "a";
        b.target = "b c";
        b.cutAfter = 0.9;
        LearnChange c = a;
        c.id = 3;
        c.series = "rule";
        c.target = "r";
        LearnChange o;
        o.id = 4;
        o.kind = ChangeKind::PlaybookOrder;
        o.rule = "r";
        o.orderAfter = {"notify"};
        const std::vector<LearnChange> history{a, b, c, o};
        const ImportResult r = importModel(exportModel(history, 1), "m.json", {}, 2);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.changes.size(), std::size_t{4});
        std::vector<LearnChange> imported = r.changes;
        for (std::size_t i = 0; i < imported.size(); ++i) imported[i].id = static_cast<std::int64_t>(i + 1);
        QVERIFY(modelOf(imported) == modelOf(history));
    }

    void aRealIncidentHereHoldsAnImportedCut() {
        const std::string text = exportModel(someHistory(), 1);
        const ImportResult r = importModel(text, "m.json", {}, 1, {{{"net.latency_ms", "host:batch-1"}, 0.85}});
        QVERIFY(r.ok);
        QCOMPARE(r.changes.front().cutAfter, 0.845);
        QVERIFY(r.changes.front().reason.find("held at 0.845") != std::string::npos);
    }

    void badFilesNameTheField_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << "{\"format\": " << "m.json: offset 11: not JSON";
        QTest::newRow("array") << "[]" << "m.json: (top level): must be an object";
        QTest::newRow("format") << "{\"format\": \"x\", \"version\": 1}" << "m.json: format: must be \"vigil-learned-model\"";
        QTest::newRow("version") << "{\"format\": \"vigil-learned-model\", \"version\": 2}" << "m.json: version: must be 1";
        QTest::newRow("unknown") << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"cuts\": []}"
                                 << "m.json: cuts: unknown field";
        QTest::newRow("cut too high")
            << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"series_cuts\": [{\"series\": \"a\", \"target\": "
               "\"b\", \"cut\": 0.5}, {\"series\": \"a\", \"target\": \"c\", \"cut\": 0.99}]}"
            << "m.json: series_cuts[1].cut: must be a number in (0, 0.950] (the global cap)";
        QTest::newRow("cut text")
            << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"series_cuts\": [{\"series\": \"a\", \"target\": "
               "\"b\", \"cut\": \"0.9\"}]}"
            << "m.json: series_cuts[0].cut: must be a number";
        QTest::newRow("no target")
            << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"series_cuts\": [{\"series\": \"a\", \"cut\": 0.9}]}"
            << "m.json: series_cuts[0].target: must be a non-empty string";
        QTest::newRow("order kind")
            << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"playbook_orders\": [{\"rule\": \"r\", \"order\": "
               "[\"notify\", \"rm -rf\"]}]}"
            << "m.json: playbook_orders[0].order[1]: must be an action kind";
        QTest::newRow("empty order")
            << "{\"format\": \"vigil-learned-model\", \"version\": 1, \"playbook_orders\": [{\"rule\": \"r\", \"order\": []}]}"
            << "m.json: playbook_orders[0].order: must be a non-empty array";
    }
    void badFilesNameTheField() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const QString got = QString::fromStdString(importError(text.toStdString()));
        QVERIFY2(got.startsWith(error), qPrintable(got));
    }
};

QTEST_APPLESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
