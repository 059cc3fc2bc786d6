#include "collect/TcpIngestSession.h"

#include <boost/asio/write.hpp>

#include <cstring>

namespace vigil::collect {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

TcpIngestSession::TcpIngestSession(asio::ip::tcp::socket socket, IngestContext& ctx)
    : socket_(std::move(socket)), idle_(socket_.get_executor()), retry_(socket_.get_executor()), ctx_(ctx) {
    boost::system::error_code ec;
    const auto ep = socket_.remote_endpoint(ec);
    peer_ = ec ? std::string("tcp ?") : "tcp " + ep.address().to_string() + ":" + std::to_string(ep.port());
}

TcpIngestSession::~TcpIngestSession() { ctx_.releaseConnection(); }

std::string TcpIngestSession::peer() const { return peer_; }

void TcpIngestSession::start() {
    socket_.set_option(asio::ip::tcp::no_delay(true));
    deadline_ = Clock::now() + ctx_.opts.limits.idleTimeout;
    watchIdle();
    read();
}

void TcpIngestSession::watchIdle() {
    idle_.expires_at(deadline_);
    idle_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec || self->closed_) return;
        if (self->retrying_) {
            // The wait is ours (the sink refused), not the client's slowness.
            self->deadline_ = Clock::now() + self->ctx_.opts.limits.idleTimeout;
        } else if (Clock::now() >= self->deadline_) {
            self->ctx_.stats.add(self->ctx_.stats.idleDrops);
            self->ctx_.stats.noteError(self->peer_ + ": no complete line within the idle timeout, closed");
            self->close();
            return;
        }
        self->watchIdle();
    });
}

void TcpIngestSession::read() {
    const std::size_t need = have_ + kReadChunk + kJsonPadding;
    if (buf_.size() < need) buf_.resize(need);
    socket_.async_read_some(asio::buffer(buf_.data() + have_, kReadChunk),
                            [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                                if (self->closed_) return;
                                if (ec) self->eof_ = true;  // end of stream, reset: what is whole was read
                                self->onRead(ec ? 0 : n);
                            });
}

void TcpIngestSession::onRead(std::size_t n) {
    have_ += n;
    process();
}

bool TcpIngestSession::authenticate() {
    const char* nl = static_cast<const char*>(std::memchr(buf_.data(), '\n', have_));
    if (!nl) {
        if (have_ > kMaxTokenLine) refuse("ERR first line must be the token\n");
        return false;
    }
    std::string_view token(buf_.data(), std::size_t(nl - buf_.data()));
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.remove_suffix(1);
    if (!ctx_.tokenValid(token)) {
        ctx_.stats.add(ctx_.stats.authFailures);
        ctx_.stats.noteError(peer_ + ": wrong or missing token on the first line, closed");
        refuse("ERR unauthorized\n");
        return false;
    }
    authed_ = true;
    lineNo_ = 1;
    const std::size_t used = std::size_t(nl - buf_.data()) + 1;
    std::memmove(buf_.data(), buf_.data() + used, have_ - used);
    have_ -= used;
    deadline_ = Clock::now() + ctx_.opts.limits.idleTimeout;
    static const char ok[] = "OK\n";
    asio::async_write(socket_, asio::buffer(ok, 3), [self = shared_from_this()](boost::system::error_code, std::size_t) {});
    return true;
}

void TcpIngestSession::refuse(const char* reply) {
    refusing_ = true;
    asio::async_write(socket_, asio::buffer(reply, std::strlen(reply)),
                      [self = shared_from_this()](boost::system::error_code, std::size_t) { self->close(); });
}

void TcpIngestSession::process() {
    const auto& lim = ctx_.opts.limits;
    for (;;) {
        if (!batch_.empty()) {
            const auto n = std::int64_t(batch_.size());
            if (!ctx_.sink.offer(batch_)) {
                // Back-pressure: keep the batch, read nothing, offer it again shortly.
                ctx_.stats.add(ctx_.stats.sinkRefusals);
                retrying_ = true;
                retry_.expires_after(ctx_.opts.retryInterval);
                retry_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
                    if (!ec && !self->closed_) self->process();
                });
                return;
            }
            retrying_ = false;
            ctx_.stats.addRecords(IngestSource::Tcp, n);
            batch_.clear();
        }
        if (skipping_) {  // the rest of an oversized line, in constant memory
            const char* nl = static_cast<const char*>(std::memchr(buf_.data(), '\n', have_));
            if (!nl) {
                have_ = 0;
                break;
            }
            const std::size_t used = std::size_t(nl - buf_.data()) + 1;
            std::memmove(buf_.data(), buf_.data() + used, have_ - used);
            have_ -= used;
            skipping_ = false;
        }
        if (!authed_ && !authenticate()) {
            if (refusing_) return;
            break;
        }
        lines_.clear();
        const std::size_t used =
            splitNdjsonLines(std::string_view(buf_.data(), have_), false, lineNo_, lines_, lim.maxBatchRecords);
        if (used == 0) break;
        if (!lines_.empty()) {
            // The sink takes the vector's storage with the batch: size it once, not by doubling.
            batch_.reserve(lines_.size());
            DecodeStats ds;
            ctx_.decoder.decodeLines(lines_, batch_, ds);
            if (ds.malformed) {
                ctx_.stats.add(ctx_.stats.malformed, ds.malformed);
                for (const auto& e : ds.errors)
                    ctx_.stats.noteError(peer_ + " line " + std::to_string(e.line) + ": " + e.reason);
            }
        }
        std::memmove(buf_.data(), buf_.data() + used, have_ - used);
        have_ -= used;
        deadline_ = Clock::now() + lim.idleTimeout;  // progress: a whole line arrived
    }
    if (have_ > lim.maxLineBytes) {
        ++lineNo_;
        ctx_.stats.add(ctx_.stats.malformed);
        ctx_.stats.add(ctx_.stats.oversizedLines);
        ctx_.stats.noteError(peer_ + " line " + std::to_string(lineNo_) + ": line is over the " +
                             std::to_string(lim.maxLineBytes) + "-byte limit, skipped");
        skipping_ = true;
        have_ = 0;
    }
    if (eof_) {
        if (have_ > 0 && authed_) {
            ctx_.stats.add(ctx_.stats.cutLines);
            ctx_.stats.noteError(peer_ + " line " + std::to_string(lineNo_ + 1) +
                                 ": connection closed in the middle of the line, " + std::to_string(have_) +
                                 " bytes lost");
        }
        close();
        return;
    }
    read();
}

void TcpIngestSession::close() {
    if (closed_) return;
    closed_ = true;
    boost::system::error_code ec;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    idle_.cancel();
    retry_.cancel();
}

}  // namespace vigil::collect
