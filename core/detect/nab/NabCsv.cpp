#include "detect/nab/NabCsv.h"

#include "detect/nab/NabTime.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string_view>

namespace vigil::nab {
namespace {

std::vector<std::string_view> splitComma(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ',') {
            std::string_view c = line.substr(start, i - start);
            while (!c.empty() && (c.front() == ' ' || c.front() == '"')) c.remove_prefix(1);
            while (!c.empty() && (c.back() == ' ' || c.back() == '"' || c.back() == '\r')) c.remove_suffix(1);
            cells.push_back(c);
            start = i + 1;
        }
    }
    return cells;
}

bool parseDouble(std::string_view s, double& out) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

int columnOf(const std::vector<std::string_view>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    return -1;
}

}  // namespace

bool readNabCsv(const std::string& path, bool want_score, NabTable& out, std::vector<CsvProblem>& problems,
                std::string& fatal) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fatal = path + ": cannot open";
        return false;
    }
    std::string line;
    if (!std::getline(in, line)) {
        fatal = path + ":1: empty file, expected a header";
        return false;
    }
    if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    const auto header = splitComma(line);
    const int c_ts = columnOf(header, "timestamp");
    const int c_val = columnOf(header, "value");
    const int c_score = columnOf(header, "anomaly_score");
    if (c_ts < 0 || c_val < 0 || (want_score && c_score < 0)) {
        fatal = path + ":1: header must name timestamp,value" + (want_score ? ",anomaly_score" : "");
        return false;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line == "\r") continue;  // trailing blank lines are not rows
        const auto cells = splitComma(line);
        auto cell = [&](int c) { return c < static_cast<int>(cells.size()) ? cells[c] : std::string_view{}; };
        std::int64_t ts = 0;
        double v = nan, s = 0.0;
        std::string why;
        if (!parseTimestamp(cell(c_ts), ts)) why = "bad timestamp '" + std::string(cell(c_ts)) + "'";
        else if (!parseDouble(cell(c_val), v) || !std::isfinite(v))  // from_chars reads "nan", "inf"
            why = "bad value '" + std::string(cell(c_val)) + "'";
        else if (want_score && (!parseDouble(cell(c_score), s) || !std::isfinite(s)))
            why = "bad anomaly_score '" + std::string(cell(c_score)) + "'";
        else if (want_score && !(s >= 0.0 && s <= 1.0))  // NAB's thresholds sweep [0, 1]
            why = "anomaly_score " + std::string(cell(c_score)) + " outside [0, 1]";
        if (!why.empty()) problems.push_back({path, lineNo, why});
        out.timestamp_text.emplace_back(cell(c_ts));
        out.value_text.emplace_back(cell(c_val));
        out.ts_ms.push_back(ts);
        out.value.push_back(why.empty() || !std::isnan(v) ? v : nan);
        out.score.push_back(s);
        out.row_ok.push_back(why.empty());
    }
    return true;
}

bool writeNabResults(const std::string& path, const NabTable& rows, const std::vector<double>& scores,
                     std::string& fatal) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        fatal = path + ": cannot write";
        return false;
    }
    std::fputs("timestamp,value,anomaly_score\n", f);
    // Texts are written by length, not as C strings: a NUL inside a bad row's text
    // must not cut the row short (the fuzzer found one).
    auto text = [f](const std::string& s) { std::fwrite(s.data(), 1, s.size(), f); };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        text(rows.timestamp_text[i]);
        std::fputc(',', f);
        text(rows.value_text[i]);
        std::fprintf(f, ",%.6f\n", i < scores.size() ? scores[i] : 0.0);
    }
    const bool ok = std::fclose(f) == 0;
    if (!ok) fatal = path + ": write failed";
    return ok;
}

std::string missingRows(const NabTable& data, const std::string& dataPath, const NabTable& results,
                        const std::string& resultsPath) {
    if (results.size() != data.size())
        return resultsPath + ": " + std::to_string(results.size()) + " rows, but " + dataPath + " has " +
               std::to_string(data.size()) + ": every data row needs a score";
    for (std::size_t i = 0; i < data.size(); ++i)
        if (results.timestamp_text[i] != data.timestamp_text[i])
            return resultsPath + ":" + std::to_string(i + 2) + ": timestamp '" + results.timestamp_text[i] +
                   "' where " + dataPath + " has '" + data.timestamp_text[i] + "': rows missing or out of order";
    return {};
}

}  // namespace vigil::nab
