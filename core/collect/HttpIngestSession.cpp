#include "collect/HttpIngestSession.h"

#include "collect/GzipBody.h"
#include "collect/OtlpJson.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <optional>

namespace vigil::collect {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

enum class Route { None, Records, Metrics, Logs, Traces };

Route routeOf(beast::string_view target) {
    const auto q = target.find('?');
    if (q != beast::string_view::npos) target = target.substr(0, q);
    if (target == "/v1/records") return Route::Records;
    if (target == "/v1/metrics") return Route::Metrics;
    if (target == "/v1/logs") return Route::Logs;
    if (target == "/v1/traces") return Route::Traces;
    return Route::None;
}

std::string jsonError(std::string_view message) {
    std::string s = "{\"error\":";
    appendJsonString(s, message);
    return s + "}\n";
}

class HttpIngestSession : public std::enable_shared_from_this<HttpIngestSession> {
public:
    HttpIngestSession(asio::ip::tcp::socket socket, IngestContext& ctx)
        : stream_(std::move(socket)), retry_(stream_.get_executor()), ctx_(ctx) {
        boost::system::error_code ec;
        const auto ep = stream_.socket().remote_endpoint(ec);
        peer_ = ec ? std::string("http ?") : "http " + ep.address().to_string() + ":" + std::to_string(ep.port());
    }
    ~HttpIngestSession() { ctx_.releaseConnection(); }

    void readHeader() {
        parser_.emplace();
        parser_->header_limit(16 << 10);
        parser_->body_limit(ctx_.opts.limits.maxBodyBytes);
        // One deadline for header and body together: a client dribbling bytes is cut off.
        stream_.expires_after(ctx_.opts.limits.idleTimeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

private:
    void onHeader(beast::error_code ec) {
        if (ec) return readFailed(ec);
        auto& req = parser_->get();
        route_ = routeOf(req.target());
        if (route_ == Route::None) return reject(http::status::not_found, "no such path; POST /v1/records, /v1/metrics, /v1/logs or /v1/traces");
        if (req.method() != http::verb::post) return reject(http::status::method_not_allowed, "use POST");
        const auto auth = req[http::field::authorization];
        constexpr beast::string_view bearer = "Bearer ";
        if (auth.size() <= bearer.size() || !beast::iequals(auth.substr(0, bearer.size()), bearer) ||
            !ctx_.tokenValid(std::string_view(auth.data() + bearer.size(), auth.size() - bearer.size()))) {
            ctx_.stats.add(ctx_.stats.authFailures);
            ctx_.stats.noteError(peer_ + ": missing or wrong bearer token (401)");
            return reject(http::status::unauthorized, "missing or wrong bearer token");
        }
        if (const auto len = parser_->content_length(); len && *len > ctx_.opts.limits.maxBodyBytes)
            return tooLarge();
        if (route_ != Route::Records) {
            const auto type = req[http::field::content_type];
            if (type.find("json") == beast::string_view::npos) {
                ctx_.stats.add(ctx_.stats.badRequests);
                return reject(http::status::unsupported_media_type, "only OTLP/HTTP JSON (application/json) is accepted");
            }
        }
        const auto encoding = req[http::field::content_encoding];
        gzip_ = beast::iequals(encoding, "gzip") || beast::iequals(encoding, "x-gzip");
        if (!gzip_ && !encoding.empty() && !beast::iequals(encoding, "identity")) {
            ctx_.stats.add(ctx_.stats.badRequests);
            return reject(http::status::unsupported_media_type, "Content-Encoding " + std::string(encoding) +
                                                                    " is not accepted (send gzip or uncompressed)");
        }
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); });
    }

    void readFailed(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec == asio::error::connection_reset || ec == asio::error::operation_aborted)
            return close();
        if (ec == beast::error::timeout) {
            if (!parser_->got_some() && buffer_.size() == 0) return close();  // an idle keep-alive connection, not a slow client
            ctx_.stats.add(ctx_.stats.idleDrops);
            ctx_.stats.noteError(peer_ + ": request not complete within the idle timeout, closed");
            return close();
        }
        if (ec == http::error::body_limit) return tooLarge();
        if (ec == http::error::partial_message) {
            ctx_.stats.add(ctx_.stats.cutLines);
            ctx_.stats.noteError(peer_ + ": connection closed in the middle of a request body, request lost");
            return close();
        }
        ctx_.stats.add(ctx_.stats.badRequests);
        ctx_.stats.noteError(peer_ + ": unreadable request: " + ec.message());
        reject(http::status::bad_request, "unreadable request: " + ec.message());
    }

    void tooLarge(const char* what = "body") {
        const std::string why = std::string(what) + " over the " + std::to_string(ctx_.opts.limits.maxBodyBytes) + "-byte limit";
        ctx_.stats.add(ctx_.stats.bodyTooLarge);
        ctx_.stats.noteError(peer_ + ": " + why + " (413)");
        reject(http::status::payload_too_large, why);
    }

    void onBody(beast::error_code ec) {
        if (ec) return readFailed(ec);
        std::string body = std::move(parser_->get().body());
        keepAlive_ = parser_->get().keep_alive();
        if (gzip_) {
            // The decompressed size is held to the same body limit; inflating stops there.
            std::string inflated;  // a local: the compressed bytes are freed with it below
            const GzipResult g = inflateGzip(body, ctx_.opts.limits.maxBodyBytes, inflated);
            if (g.status == GzipStatus::TooLarge) return tooLarge("decompressed body");
            if (g.status != GzipStatus::Ok) {
                ctx_.stats.add(ctx_.stats.badRequests);
                ctx_.stats.noteError(peer_ + ": " + g.error + " (400)");
                return reject(http::status::bad_request, g.error);
            }
            body.swap(inflated);
        }
        records_.clear();
        if (route_ == Route::Records) decodeRecords(body);
        else decodeOtlp(body);
        next_ = 0;
        handOver();
    }

    void decodeRecords(std::string& body) {
        const std::size_t size = body.size();
        body.append(kJsonPadding, ' ');
        std::int64_t lineNo = 0;
        std::vector<NdjsonLine> lines;
        splitNdjsonLines(std::string_view(body.data(), size), true, lineNo, lines, SIZE_MAX);
        DecodeStats ds;
        records_.reserve(lines.size());
        ctx_.decoder.decodeLines(lines, records_, ds);
        source_ = IngestSource::Http;
        std::string reply = "{\"accepted\":" + std::to_string(records_.size()) + ",\"malformed\":" + std::to_string(ds.malformed);
        if (ds.malformed) {
            ctx_.stats.add(ctx_.stats.malformed, ds.malformed);
            for (const auto& e : ds.errors)
                ctx_.stats.noteError(peer_ + " /v1/records line " + std::to_string(e.line) + ": " + e.reason);
            const auto& first = ds.errors.front();
            reply += ",\"line\":" + std::to_string(first.line) + ",\"error\":";
            appendJsonString(reply, "line " + std::to_string(first.line) + ": " + first.reason);
            status_ = http::status::bad_request;
        } else {
            status_ = http::status::ok;
        }
        reply_ = reply + "}\n";
    }

    void decodeOtlp(const std::string& body) {
        const auto signal = route_ == Route::Metrics ? OtlpSignal::Metrics
                            : route_ == Route::Logs  ? OtlpSignal::Logs
                                                     : OtlpSignal::Traces;
        const OtlpResult r = decodeOtlpJson(signal, body, ctx_.decoder.limits(), records_);
        source_ = IngestSource::Otlp;
        if (!r.readable) {
            ctx_.stats.add(ctx_.stats.malformed);
            ctx_.stats.noteError(peer_ + " OTLP: " + r.error);
            status_ = http::status::bad_request;
            reply_ = jsonError(r.error);
            return;
        }
        status_ = http::status::ok;
        if (r.refused == 0) {
            reply_ = "{}\n";  // ExportServiceResponse without partial_success: all taken
            return;
        }
        ctx_.stats.add(ctx_.stats.malformed, r.refused);
        ctx_.stats.noteError(peer_ + " OTLP: " + std::to_string(r.refused) + " refused, first: " + r.error);
        const char* field = signal == OtlpSignal::Metrics ? "rejectedDataPoints"
                            : signal == OtlpSignal::Logs  ? "rejectedLogRecords"
                                                          : "rejectedSpans";
        reply_ = "{\"partialSuccess\":{\"" + std::string(field) + "\":\"" + std::to_string(r.refused) + "\",\"errorMessage\":";
        appendJsonString(reply_, r.error);
        reply_ += "}}\n";
    }

    // Offers the decoded records in batches, in order; while the sink refuses,
    // waits and offers the same batch again. The answer goes out when all are taken.
    void handOver() {
        const std::size_t maxBatch = ctx_.opts.limits.maxBatchRecords;
        while (next_ < records_.size() || !batch_.empty()) {
            if (batch_.empty() && next_ == 0 && records_.size() <= maxBatch) {
                batch_.swap(records_);  // the whole body is one batch: hand it over without moving records
                next_ = 0;  // records_ is empty now
            } else if (batch_.empty()) {
                const std::size_t end = std::min(records_.size(), next_ + maxBatch);
                batch_.assign(std::make_move_iterator(records_.begin() + std::ptrdiff_t(next_)),
                              std::make_move_iterator(records_.begin() + std::ptrdiff_t(end)));
                next_ = end;
            }
            const auto n = std::int64_t(batch_.size());
            if (!ctx_.sink.offer(batch_)) {
                ctx_.stats.add(ctx_.stats.sinkRefusals);
                stream_.expires_never();  // the wait is ours, not the client's
                retry_.expires_after(ctx_.opts.retryInterval);
                retry_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
                    if (!ec) self->handOver();
                });
                return;
            }
            ctx_.stats.addRecords(source_, n);
            batch_.clear();
        }
        records_.clear();
        respond(status_, reply_, keepAlive_);
    }

    void reject(http::status status, const std::string& why) {
        respond(status, jsonError(why), false);  // the body (if any) was not read: close after
    }

    void respond(http::status status, std::string body, bool keepAlive) {
        auto res = std::make_shared<http::response<http::string_body>>(status, 11);
        res->set(http::field::content_type, "application/json");
        if (status == http::status::unauthorized) res->set(http::field::www_authenticate, "Bearer");
        res->body() = std::move(body);
        res->keep_alive(keepAlive);
        res->prepare_payload();
        stream_.expires_after(ctx_.opts.limits.idleTimeout);
        http::async_write(stream_, *res, [self = shared_from_this(), res, keepAlive](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            if (!keepAlive) return self->lingerClose();
            self->readHeader();
        });
    }

    // Closing with unread request bytes makes the kernel send a reset, which can
    // overtake our answer (a 401 or 413 the client then never sees). So: stop
    // sending, read and drop what the client still sends for a short while, then close.
    void lingerClose() {
        beast::error_code ec;
        stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(2));
        drain();
    }
    void drain() {
        if (drained_ > (4u << 20)) return close();
        stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec) return self->close();
            self->drain();
        });
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
        stream_.close();
        retry_.cancel();
    }

    beast::tcp_stream stream_;
    asio::steady_timer retry_;
    IngestContext& ctx_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    Route route_ = Route::None;
    bool gzip_ = false;
    IngestSource source_ = IngestSource::Http;
    std::vector<Record> records_, batch_;
    std::size_t next_ = 0;
    http::status status_ = http::status::ok;
    std::string reply_, peer_;
    bool keepAlive_ = false;
    std::array<char, 16 << 10> scratch_{};
    std::size_t drained_ = 0;
};

}  // namespace

void startHttpIngestSession(asio::ip::tcp::socket socket, IngestContext& ctx) {
    std::make_shared<HttpIngestSession>(std::move(socket), ctx)->readHeader();
}

}  // namespace vigil::collect
