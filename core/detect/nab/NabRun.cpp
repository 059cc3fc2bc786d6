#include "detect/nab/NabRun.h"

#include <algorithm>
#include <filesystem>

namespace vigil::nab {

std::vector<DataFile> findDataFiles(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<DataFile> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".csv") continue;
        out.push_back({it->path().string(), it->path().parent_path().filename().string(),
                       it->path().filename().string()});
    }
    std::sort(out.begin(), out.end(), [](const DataFile& a, const DataFile& b) { return a.key() < b.key(); });
    return out;
}

std::vector<double> scoreTable(const NabTable& rows, const metric::DetectorConfig& cfg) {
    metric::MetricAnomalyDetector detector(cfg);
    std::vector<double> scores(rows.size(), 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows.row_ok[i]) scores[i] = detector.update(rows.ts_ms[i], rows.value[i]).score;
    return scores;
}

}  // namespace vigil::nab
