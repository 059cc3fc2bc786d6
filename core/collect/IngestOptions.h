// What the ingest server listens on and the limits it holds every client to
// (docs/configuration.md "ingest", docs/telemetry.md "Live ingest").
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace vigil::collect {

struct IngestLimits {
    std::size_t maxLineBytes = 1 << 20;     // one NDJSON line (TCP and HTTP bodies alike)
    std::size_t maxBodyBytes = 16 << 20;    // one HTTP request body; over it: 413
    std::size_t maxConnections = 1024;      // TCP + HTTP together; over it: closed at once, counted
    // A TCP client must complete a line, an HTTP client a whole request, within this
    // long (slow or silent clients, slowloris, are dropped and counted).
    std::chrono::milliseconds idleTimeout{30'000};
    std::size_t maxBatchRecords = 4096;     // records per hand-over to the sink
};

struct IngestOptions {
    std::string address = "127.0.0.1";  // loopback unless configured otherwise
    int httpPort = -1;                   // -1: off; 0: any free port (tests)
    int tcpPort = -1;
    std::vector<std::string> tokens;     // at least one; every client must present one of them
    IngestLimits limits;
    // How soon a batch the sink refused is offered again (the connection reads nothing meanwhile).
    std::chrono::milliseconds retryInterval{2};
};

// "" when the options can start a server, else the reason (no token, a
// non-loopback address without a token, a zero limit, no port).
std::string validate(const IngestOptions& o);
bool isLoopbackAddress(const std::string& address);

}  // namespace vigil::collect
