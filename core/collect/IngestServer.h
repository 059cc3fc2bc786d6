// Vigil's agent ingest (docs/telemetry.md "Live ingest"): raw TCP NDJSON and
// HTTP (/v1/records, OTLP/HTTP JSON) on an io_context and thread of its own,
// handing batches to a RecordSink. When the sink refuses, the connection whose
// batch it was stops reading until it is taken: back-pressure reaches the
// senders through TCP, memory stays bounded (max_connections x (max_line_bytes +
// 64 KiB) for TCP, x max_body_bytes for HTTP).
#pragma once

#include "collect/IngestOptions.h"
#include "collect/IngestStats.h"
#include "collect/RecordSink.h"

#include <memory>
#include <string>

namespace vigil::collect {

class IngestServer {
public:
    IngestServer(IngestOptions opts, RecordSink& sink);
    ~IngestServer();  // stop()
    IngestServer(const IngestServer&) = delete;
    IngestServer& operator=(const IngestServer&) = delete;

    // Validates the options, binds the ports and starts the thread. "" on
    // success, else why (nothing is left listening then).
    std::string start();
    // Closes the listeners and every connection; a batch still waiting for the
    // sink is lost (counted nowhere: the process is ending). Idempotent.
    void stop();

    int httpPort() const;  // the bound port (useful with port 0), -1 when off
    int tcpPort() const;
    const IngestStats& stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::collect
