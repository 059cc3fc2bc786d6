#include "vigilctl/Commands.h"

#include <cstdio>

namespace vigilctl {

int usageError(const QString& message) {
    std::fprintf(stderr, "vigilctl: %s\n", qPrintable(message));
    return kUsage;
}

const Command* commands() {
    static const Command table[] = {
        {"simulate", "generate a demo-fleet recording with fault labels", cmdSimulate},
        {"replay", "feed a recorded log through the engine (and into a database)", cmdReplay},
        {"run", "run the engine live on the demo fleet, headless", cmdRun},
        {nullptr, nullptr, nullptr},
    };
    return table;
}

}  // namespace vigilctl
