// Vigil's one configuration file (YAML, docs/configuration.md): the ingest
// listeners and their token files, Vigil's own /metrics, chains and their RPC
// endpoints, Prometheus scrape targets, Prometheus query_range sources, log
// files. Loading checks everything and reports every problem with its line;
// a caller starts nothing unless the list is empty (never half-configured).
#pragma once

#include "collect/IngestOptions.h"
#include "collect/LogFollowOptions.h"
#include "collect/PromQueryOptions.h"
#include "collect/RpcProbeOptions.h"
#include "collect/ScrapeOptions.h"
#include "collect/YamlFields.h"

#include <optional>
#include <string>
#include <vector>

namespace vigil::collect {

struct MetricsEndpointOptions {
    std::string address = "127.0.0.1";
    int port = 9464;  // 0: any free port (printed at start)
};

struct CollectConfig {
    std::optional<IngestOptions> ingest;
    std::optional<MetricsEndpointOptions> metrics;
    RpcProbeOptions rpc;
    ScrapeOptions scrape;
    std::vector<PromQueryOptions> queries;
    LogFollowOptions logs;

    bool hasSources() const {
        return ingest || !rpc.chains.empty() || !scrape.targets.empty() || !queries.empty() || !logs.files.empty();
    }
};

struct ConfigLoad {
    CollectConfig config;
    std::vector<ConfigError> errors;  // empty: the configuration may start
};

// Reads and checks `path`; relative token and log file paths are taken from the
// config file's folder.
ConfigLoad loadCollectConfig(const std::string& path);
// The same on text (tests); `baseDir` resolves relative paths.
ConfigLoad parseCollectConfig(const std::string& yamlText, const std::string& baseDir);

// "FILE:LINE: key: reason"
std::string formatConfigError(const std::string& file, const ConfigError& e);

}  // namespace vigil::collect
