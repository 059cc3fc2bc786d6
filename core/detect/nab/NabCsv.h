// NAB's CSV files: data files (`timestamp,value`) and results files
// (`timestamp,value,anomaly_score`). Rows that do not parse are kept (flagged) so a
// results file can still have one row per input row, and each is reported with its line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::nab {

struct CsvProblem {
    std::string file;
    int line = 0;  // 1-based, header is line 1
    std::string reason;
    std::string text() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

struct NabTable {
    std::vector<std::string> timestamp_text;  // as written in the file
    std::vector<std::string> value_text;
    std::vector<std::int64_t> ts_ms;          // 0 when the timestamp did not parse
    std::vector<double> value;                // NaN when the value did not parse
    std::vector<double> score;                // anomaly_score column, when present
    std::vector<bool> row_ok;                 // timestamp and value (and score) parsed
    std::size_t size() const { return ts_ms.size(); }
};

// Reads a NAB CSV. Returns false, with `fatal` set to a one-line reason naming the
// file, when it cannot be opened or its header lacks `timestamp`/`value` (or
// `anomaly_score` when `want_score`). Bad rows go to `problems`, among them a
// score outside [0, 1].
bool readNabCsv(const std::string& path, bool want_score, NabTable& out,
                std::vector<CsvProblem>& problems, std::string& fatal);

// Empty when the results file has exactly the data file's rows (same count, same
// timestamps in order); else why not, naming both files. A results file cut short
// would otherwise score as a worse detector instead of being refused.
std::string missingRows(const NabTable& data, const std::string& dataPath, const NabTable& results,
                        const std::string& resultsPath);

// Writes `timestamp,value,anomaly_score`, one row per table row, timestamps and
// values as given. Returns false with `fatal` set when the file cannot be written.
bool writeNabResults(const std::string& path, const NabTable& rows, const std::vector<double>& scores,
                     std::string& fatal);

}  // namespace vigil::nab
