#include "detect/logs/LogMinerGrid.h"

#include <cstdio>

namespace vigil::logs {

std::vector<LogMinerConfig> logMinerGrid() {
    const LogMinerConfig defaults;
    std::vector<LogMinerConfig> grid{defaults};
    for (double sim : {0.5, 0.6, 0.7, 0.8, 0.9})
        for (std::size_t depth : {0, 1, 2})
            for (bool keyed : {true, false})
                for (bool oneWord : {true, false})
                    for (std::size_t distinct : {0, 3, 4, 6})
                        for (bool dotted : {false, true}) {
                            LogMinerConfig c = defaults;
                            c.distinctWordsMakeParameter = distinct;
                            c.mask.dottedNames = dotted;
                            c.similarity = sim;
                            c.routeTokens = depth;
                            c.keyedValues = keyed;
                            c.oneWordJoins = oneWord;
                            if (describe(c) != describe(defaults)) grid.push_back(c);
                        }
    return grid;
}

std::string describe(const LogMinerConfig& cfg) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "sim=%.2f depth=%zu keyed=%d oneword=%d distinct=%zu dotted=%d", cfg.similarity,
                  cfg.routeTokens, cfg.keyedValues ? 1 : 0, cfg.oneWordJoins ? 1 : 0, cfg.distinctWordsMakeParameter,
                  cfg.mask.dottedNames ? 1 : 0);
    return buf;
}

}  // namespace vigil::logs
