// `vigilctl run --config FILE`: the engine on the live sources of a configuration.
#pragma once

#include <QString>

#include <string>

namespace vigilctl {

// duration: wall seconds, or -1 until SIGINT/SIGTERM. Exit codes as every command:
// 2 with FILE:LINE: key: reason for a bad configuration, 1 when a source cannot start
// or the store failed.
int runLive(const std::string& configFile, double duration, const QString& db);

}  // namespace vigilctl
