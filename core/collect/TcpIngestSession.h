// One raw-TCP ingest connection: a first line carrying a token, then NDJSON,
// one record a line (docs/telemetry.md "Live ingest"). Reads into one buffer of
// at most max_line_bytes + one read; decodes whole lines; hands batches to the
// sink in arrival order and reads nothing more while the sink refuses.
#pragma once

#include "collect/IngestContext.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace vigil::collect {

class TcpIngestSession : public std::enable_shared_from_this<TcpIngestSession> {
public:
    TcpIngestSession(boost::asio::ip::tcp::socket socket, IngestContext& ctx);
    ~TcpIngestSession();
    void start();

private:
    static constexpr std::size_t kReadChunk = 64 << 10;
    static constexpr std::size_t kMaxTokenLine = 4096;

    void read();
    void onRead(std::size_t n);
    void process();           // decode and hand over what the buffer holds, then read()
    bool authenticate();      // false: not yet a whole first line, or refused (then closing)
    void refuse(const char* reply);
    void watchIdle();
    void close();
    std::string peer() const;

    boost::asio::ip::tcp::socket socket_;
    boost::asio::steady_timer idle_, retry_;
    IngestContext& ctx_;
    std::string buf_;
    std::size_t have_ = 0;        // bytes of buf_ holding data
    std::int64_t lineNo_ = 0;     // lines consumed, the token line included
    bool authed_ = false, skipping_ = false, closed_ = false, eof_ = false, refusing_ = false;
    bool retrying_ = false;  // the sink refused our batch: the idle clock stands still
    std::chrono::steady_clock::time_point deadline_;
    std::vector<NdjsonLine> lines_;
    std::vector<Record> batch_;
    std::string peer_;
};

}  // namespace vigil::collect
