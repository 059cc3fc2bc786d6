// NAB CSV reader (core/detect/nab) on a real temporary file. Checks: never a crash;
// a refused file says why, naming the file; the table's columns stay parallel;
// every bad row is reported with its line; and what writeNabResults writes from a
// table reads back as the same rows.
#include "FuzzSupport.h"
#include "detect/nab/NabCsv.h"
#include "detect/nab/NabTime.h"

#include <cmath>
#include <cstdint>

using namespace vigil::nab;

namespace {

void checkTable(const NabTable& t, const std::vector<CsvProblem>& problems, const std::string& path) {
    const std::size_t n = t.size();
    FUZZ_CHECK(t.timestamp_text.size() == n && t.value_text.size() == n && t.value.size() == n &&
               t.score.size() == n && t.row_ok.size() == n);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!t.row_ok[i]) ++bad;
        else FUZZ_CHECK(!std::isnan(t.value[i]) && std::isfinite(t.score[i]));
    }
    FUZZ_CHECK(problems.size() == bad);  // one problem per bad row, none for a good one
    for (const CsvProblem& p : problems) {
        FUZZ_CHECK(p.file == path && p.line >= 2 && !p.reason.empty());
        FUZZ_CHECK(p.text().rfind(path + ":", 0) == 0);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static vigil::fuzz::ScratchFile in(".csv"), results("-results.csv");
    if (size == 0) return 0;
    const bool wantScore = data[0] & 1;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

    std::int64_t ms = 0;
    parseTimestamp(text, ms);  // the timestamp parser alone, on any text

    NabTable table;
    std::vector<CsvProblem> problems;
    std::string fatal;
    if (!readNabCsv(in.write(text), wantScore, table, problems, fatal)) {
        FUZZ_CHECK(fatal.rfind(in.path() + ":", 0) == 0);
        return 0;
    }
    FUZZ_CHECK(fatal.empty());
    checkTable(table, problems, in.path());

    std::vector<double> scores(table.size());
    for (std::size_t i = 0; i < scores.size(); ++i) scores[i] = double(i % 7) / 7.0;
    FUZZ_CHECK(writeNabResults(results.path(), table, scores, fatal));
    NabTable back;
    std::vector<CsvProblem> backProblems;
    FUZZ_CHECK(readNabCsv(results.path(), true, back, backProblems, fatal));
    checkTable(back, backProblems, results.path());
    FUZZ_CHECK(back.size() == table.size());
    FUZZ_CHECK(back.timestamp_text == table.timestamp_text);
    FUZZ_CHECK(back.value_text == table.value_text);
    FUZZ_CHECK(back.ts_ms == table.ts_ms);
    return 0;
}
