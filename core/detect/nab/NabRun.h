// Runs the metric detector over NAB data files: finding them, and scoring one file
// the way NAB expects (one anomaly_score per row, a fresh detector per file).
#pragma once

#include "detect/metric/MetricAnomalyDetector.h"
#include "detect/nab/NabCsv.h"

#include <string>
#include <vector>

namespace vigil::nab {

struct DataFile {
    std::string path;
    std::string category;  // parent folder name
    std::string name;      // file name, e.g. "nyc_taxi.csv"
    std::string key() const { return category + "/" + name; }
};

// Every *.csv under `dir`, recursively, sorted by key. Files named like results
// (containing "_" + a known data name) are not special-cased: point it at data.
std::vector<DataFile> findDataFiles(const std::string& dir);

// One score per row; rows that did not parse, and values the detector rejects, score 0.
std::vector<double> scoreTable(const NabTable& rows, const metric::DetectorConfig& cfg = {});

}  // namespace vigil::nab
