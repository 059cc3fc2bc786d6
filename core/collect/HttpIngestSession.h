// One HTTP ingest connection (Boost.Beast): POST /v1/records (NDJSON) and the
// OTLP/HTTP JSON paths /v1/metrics, /v1/logs, /v1/traces, each with
// "Authorization: Bearer TOKEN". The token and the declared length are checked
// on the header, before any body is read (401, 413). One deadline covers a
// whole request (slowloris). A gzip body (Content-Encoding: gzip) is inflated
// up to the body limit and no further (413 past it, 400 when corrupt). Keep-alive requests are served in order; while the
// sink refuses, the answer waits and nothing more is read.
#pragma once

#include "collect/IngestContext.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace vigil::collect {

// Starts serving `socket` (already admitted against max_connections).
void startHttpIngestSession(boost::asio::ip::tcp::socket socket, IngestContext& ctx);

}  // namespace vigil::collect
