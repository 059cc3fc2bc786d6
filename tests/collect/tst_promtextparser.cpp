// Prometheus text format 0.0.4 parser: every metric type, escapes, timestamps,
// comments; bad lines named by line number and reason while the good ones around
// them are kept; limits; the series key a scrape stores.
#include "collect/PromTextParser.h"
#include "collect/PromTextSamples.h"

#include <QtTest>

#include <cmath>

using namespace vigil::collect;

namespace {

const PromSample* find(const PromParseResult& r, const std::string& key) {
    for (const auto& s : r.samples)
        if (promSeriesKey(s) == key) return &s;
    return nullptr;
}

}  // namespace

class TestPromTextParser : public QObject {
    Q_OBJECT
private slots:
    void parsesEveryType();
    void namesBadLinesAndKeepsTheRest();
    void limitsHold();
    void familiesFollowDeclaredTypes();
};

void TestPromTextParser::parsesEveryType() {
    const PromParseResult r = parsePromText(promtext::kGood);
    QCOMPARE(int(r.errorCount), 0);
    QCOMPARE(int(r.samples.size()), 16);
    QCOMPARE(int(r.types.at("http_requests_total")), int(PromType::Counter));
    QCOMPARE(int(r.types.at("http_request_duration_seconds")), int(PromType::Histogram));
    QCOMPARE(int(r.types.at("rpc_duration_seconds")), int(PromType::Summary));
    QCOMPARE(r.help.at("http_requests_total"), std::string("The total number of HTTP requests."));

    const PromSample* post400 = find(r, "http_requests_total{code=\"400\",method=\"post\"}");
    QVERIFY(post400);
    QCOMPARE(post400->value, 3.0);
    QCOMPARE(*post400->timestampMs, std::int64_t(1395066363000));
    QCOMPARE(post400->labels.front().first, std::string("method"));  // written order kept

    const PromSample& dos = r.samples[2];
    QCOMPARE(dos.labels[0].second, std::string("C:\\DIR\\FILE.TXT"));
    QCOMPARE(dos.labels[1].second, std::string("Cannot find file:\n\"FILE.TXT\""));
    QCOMPARE(dos.value, 1.458255915e9);
    // The key escapes again, so it reads back the same.
    QCOMPARE(promSeriesKey(dos),
             std::string("msdos_file_access_time_seconds{error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\",path=\"C:\\\\DIR\\\\FILE.TXT\"}"));

    const PromSample* plain = find(r, "metric_without_timestamp_and_labels");
    QVERIFY(plain && !plain->timestampMs);
    QCOMPARE(plain->value, 12.47);
    const PromSample* weird = find(r, "something_weird{problem=\"division by zero\"}");
    QVERIFY(weird && std::isinf(weird->value) && weird->value > 0);
    QCOMPARE(*weird->timestampMs, std::int64_t(-3982045));
    QCOMPARE(find(r, "http_request_duration_seconds_bucket{le=\"+Inf\"}")->value, 144320.0);
    QCOMPARE(find(r, "rpc_duration_seconds_sum")->value, 1.7560473e+07);
    QCOMPARE(find(r, "temperature{room=\"a\"}")->value, -1.5e-3);  // trailing comma allowed
    QVERIFY(std::isnan(find(r, "temperature{room=\"b\"}")->value));

    // CRLF line ends parse the same.
    const PromParseResult crlf = parsePromText("# TYPE a gauge\r\na{x=\"1\"} 2\r\n");
    QCOMPARE(int(crlf.errorCount), 0);
    QCOMPARE(crlf.samples.at(0).value, 2.0);
}

void TestPromTextParser::namesBadLinesAndKeepsTheRest() {
    const PromParseResult r = parsePromText(promtext::kBad);
    std::vector<std::string> kept;
    for (const auto& s : r.samples) kept.push_back(s.name);
    QCOMPARE(kept, (std::vector<std::string>{"good_one", "good_two", "good_four"}));
    QCOMPARE(int(r.errorCount), 6);
    QCOMPARE(int(r.errors.size()), 6);
    const std::vector<std::pair<std::size_t, std::string>> expected = {
        {2, "label value not closed (label label)"},
        {4, "value '12abc' of bad_value is not a number"},
        {6, "histogram bucket h_bucket without an le label"},
        {7, "invalid escape \\q in label value (label a)"},
        {8, "TYPE of good_one after its samples"},
        {9, "text after the timestamp of good_three"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.errors[i].line, expected[i].first);
        QCOMPARE(r.errors[i].reason, expected[i].second);
    }
    const PromParseResult typeErr = parsePromText("# TYPE x countr\nx 1\n");
    QCOMPARE(typeErr.errors.at(0).reason,
             std::string("TYPE of x is 'countr', not one of counter, gauge, histogram, summary, untyped"));
    QCOMPARE(parsePromText("a{b=\"1\",b=\"2\"} 1\n").errors.at(0).reason, std::string("label b given twice"));
    QCOMPARE(parsePromText("a{b=\"1\" 1\n").errors.at(0).reason, std::string("',' or '}' expected after a label value"));
    QCOMPARE(parsePromText("a\n").errors.at(0).reason, std::string("sample a has no value"));
    QCOMPARE(parsePromText("9a 1\n").errors.at(0).reason, std::string("metric name expected at column 1"));
    QCOMPARE(parsePromText("a +-1\n").errors.at(0).reason, std::string("value '+-1' of a is not a number"));
}

void TestPromTextParser::limitsHold() {
    std::string text;
    for (int i = 0; i < 20; ++i) text += "m" + std::to_string(i) + " 1\nbad line here\n";
    PromParseLimits limits;
    limits.maxSamples = 5;
    limits.maxErrors = 3;
    const PromParseResult r = parsePromText(text, limits);
    QCOMPARE(int(r.samples.size()), 5);
    QCOMPARE(int(r.samplesDropped), 15);
    QCOMPARE(int(r.errors.size()), 3);
    QCOMPARE(int(r.errorCount), 20);
    limits.maxLineBytes = 10;
    const PromParseResult longLine = parsePromText("short 1\nlong_metric_name 1\n", limits);
    QCOMPARE(int(longLine.samples.size()), 1);
    QCOMPARE(longLine.errors.at(0).reason, std::string("line is 18 bytes, over the 10-byte limit"));
}

void TestPromTextParser::familiesFollowDeclaredTypes() {
    std::unordered_map<std::string, PromType> types{{"h", PromType::Histogram}, {"s", PromType::Summary}};
    QCOMPARE(promFamilyOf("h_bucket", types), std::string_view("h"));
    QCOMPARE(promFamilyOf("h_sum", types), std::string_view("h"));
    QCOMPARE(promFamilyOf("s_count", types), std::string_view("s"));
    QCOMPARE(promFamilyOf("s_bucket", types), std::string_view("s_bucket"));  // summaries have no buckets
    QCOMPARE(promFamilyOf("x_total", types), std::string_view("x_total"));
}

QTEST_GUILESS_MAIN(TestPromTextParser)
#include "tst_promtextparser.moc"
