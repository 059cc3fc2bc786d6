#include "detect/nab/DetectorGrid.h"

#include <cstdio>

namespace vigil::nab {

std::vector<metric::DetectorConfig> detectorGrid() {
    const metric::DetectorConfig defaults;
    std::vector<metric::DetectorConfig> grid;
    for (double growth : {0.05, 0.1, 0.2})
        for (double escape : {2.0, 3.0})
            for (int quiet : {50, 100, 200})
                for (double fire : {0.5, 0.55, 0.6}) {
                    metric::DetectorConfig c = defaults;
                    c.record_growth = growth;
                    c.suppress_escape = escape;
                    c.quiet_points = quiet;
                    c.fire_score = fire;
                    grid.push_back(c);
                }
    return grid;
}

std::string describe(const metric::DetectorConfig& cfg) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "growth=%.2f escape=%.1f quiet=%d fire=%.2f", cfg.record_growth, cfg.suppress_escape,
                  cfg.quiet_points, cfg.fire_score);
    return buf;
}

}  // namespace vigil::nab
