// vigilctl config check FILE
// Loads a live-sources configuration (docs/configuration.md) the way `run
// --config` and the console would and prints what it would start (exit 0), or
// every problem as FILE:LINE: key: reason (exit 2): nothing starts half-configured.
#include "vigilctl/Commands.h"

#include "collect/CollectConfig.h"

#include <QCommandLineParser>

#include <cstdio>

namespace vigilctl {

int cmdConfig(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("vigilctl config check FILE: validate a live-sources configuration (docs/configuration.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("The only sub-command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Configuration YAML file."));
    if (auto rc = parseArguments(parser, args, "config")) return *rc;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty() || pos[0] != QLatin1String("check")) return usageError(QStringLiteral("config: expected 'config check FILE'"));
    if (pos.size() != 2) return usageError(QStringLiteral("config check: expected exactly one FILE"));

    const std::string file = pos[1].toStdString();
    const auto load = vigil::collect::loadCollectConfig(file);
    if (!load.errors.empty()) {
        for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", vigil::collect::formatConfigError(file, e).c_str());
        return kUsage;
    }
    const auto& c = load.config;
    std::size_t endpoints = 0, queries = 0;
    for (const auto& ch : c.rpc.chains) endpoints += ch.endpoints.size();
    for (const auto& q : c.queries) queries += q.queries.size();
    std::string ingest = "off";
    if (c.ingest) {
        ingest = c.ingest->address;
        if (c.ingest->httpPort >= 0) ingest += " http " + std::to_string(c.ingest->httpPort);
        if (c.ingest->tcpPort >= 0) ingest += " tcp " + std::to_string(c.ingest->tcpPort);
        ingest += ", " + std::to_string(c.ingest->tokens.size()) + " token(s)";
    }
    std::printf("config %s: ok: ingest %s; metrics %s; %zu chains (%zu endpoints); %zu scrape targets; "
                "%zu query sources (%zu queries); %zu log files\n",
                file.c_str(), ingest.c_str(),
                c.metrics ? (c.metrics->address + ":" + std::to_string(c.metrics->port)).c_str() : "off",
                c.rpc.chains.size(), endpoints, c.scrape.targets.size(), c.queries.size(), queries, c.logs.files.size());
    return kOk;
}

}  // namespace vigilctl
