#include "signoff/SignoffService.h"

#include "approve/ApprovalGate.h"
#include "audit/AuditChain.h"
#include "record/ThreadName.h"
#include "signoff/ApprovalJson.h"
#include "signoff/ApproverTokens.h"
#include "signoff/SecretFile.h"
#include "signoff/SignoffApi.h"
#include "store/Database.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <array>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <type_traits>
#include <vector>

namespace vigil::signoff {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kHeaderLimit = 8 * 1024;
constexpr auto kShutdownDeadline = std::chrono::seconds(2);

struct SessionBase {
    virtual ~SessionBase() = default;
    virtual void close() = 0;
};

}  // namespace

struct SignoffService::Impl {
    SignoffServiceOptions opt;
    SystemClock systemClock;
    const Clock* clock = nullptr;
    std::optional<store::Database> db;
    std::optional<approve::ApprovalGate> gate;
    std::optional<ApproverTokens> tokens;
    std::optional<SignoffApi> api;
    std::unique_ptr<audit::AuditLog> auditLog;

    std::mutex auditMutex;  // guards the two below (read by stats() on other threads)
    std::int64_t auditFailures = 0;
    std::string lastAuditError;

    std::optional<ssl::context> tls;  // before io: the streams io still holds go first
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    std::vector<std::weak_ptr<SessionBase>> sessions;  // touched on io's thread only
    std::thread thread;
    bool stopped = false;
    std::uint16_t port = 0;

    std::atomic<std::int64_t> connections{0}, requests{0}, refused{0}, dropped{0};

    void accept();
    void closeAll();
    void appendAudit(const Record& r);
};

namespace {

template <class Stream>
constexpr bool kIsTls = !std::is_same_v<Stream, beast::tcp_stream>;

// One connection: [TLS handshake], then request -> answer until the client
// closes, asks to close, errs or lets the deadline pass.
template <class Stream>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
public:
    Session(Stream stream, SignoffService::Impl& svc) : stream_(std::move(stream)), svc_(svc) {}

    void start() {
        lowest().expires_after(svc_.opt.requestDeadline);
        if constexpr (kIsTls<Stream>) {
            stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                if (ec) return self->fail(ec);
                self->read();
            });
        } else {
            read();
        }
    }

    void close() override {
        beast::error_code ignored;
        lowest().socket().close(ignored);
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    void read() {
        parser_.emplace();
        parser_->body_limit(svc_.opt.bodyLimit);
        parser_->header_limit(kHeaderLimit);
        http::async_read(stream_, buffer_, *parser_,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec) {
        if (ec == http::error::body_limit)
            return answer(413, errorJson(413, "body larger than " + std::to_string(svc_.opt.bodyLimit) + " bytes"), false);
        if (ec == http::error::header_limit)
            return answer(431, errorJson(431, "headers larger than " + std::to_string(kHeaderLimit) + " bytes"), false);
        if (ec && std::string_view(ec.category().name()) == "beast.http" && ec != http::error::end_of_stream &&
            ec != http::error::partial_message)
            return answer(400, errorJson(400, "malformed HTTP request: " + ec.message()), false);
        if (ec) return fail(ec);

        auto& req = parser_->get();
        ApiRequest in;
        in.method = std::string(req.method_string());
        in.target = std::string(req.target());
        in.authorization = std::string(req[http::field::authorization]);
        in.body = std::move(req.body());
        const ApiReply out = svc_.api->handle(in);
        answer(out.status, out.body, req.keep_alive(), out.allow, out.challenge);
    }

    void answer(int status, const std::string& body, bool keepAlive, const std::string& allow = {}, bool challenge = false) {
        ++svc_.requests;
        if (status >= 400) ++svc_.refused;
        res_ = {};
        res_.result(static_cast<unsigned>(status));
        res_.version(11);
        res_.set(http::field::server, "vigil-signoff");
        res_.set(http::field::content_type, "application/json");
        res_.set(http::field::cache_control, "no-store");
        if (!allow.empty()) res_.set(http::field::allow, allow);
        if (challenge) res_.set(http::field::www_authenticate, "Bearer realm=\"vigil\"");
        res_.keep_alive(keepAlive);
        res_.body() = body + "\n";
        res_.prepare_payload();
        lowest().expires_after(svc_.opt.requestDeadline);
        http::async_write(stream_, res_, [self = this->shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
            if (ec) return self->fail(ec);
            if (!keepAlive) return self->shutdown();
            self->lowest().expires_after(self->svc_.opt.requestDeadline);  // the next request's deadline
            self->read();
        });
    }

    void fail(beast::error_code ec) {
        if (ec == beast::error::timeout) ++svc_.dropped;
        close();
    }

    void shutdown() {
        if constexpr (kIsTls<Stream>) {
            lowest().expires_after(kShutdownDeadline);
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close(); });
        } else {
            beast::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            lowest().expires_after(kShutdownDeadline);
            drain();
        }
    }

    // A lingering close: read and drop what the client still sends (the rest of
    // an oversized body) until it closes too, so closing with unread data does
    // not reset the connection before the client has read our answer (413).
    void drain() {
        lowest().async_read_some(asio::buffer(drain_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->drain();
        });
    }

    Stream stream_;
    SignoffService::Impl& svc_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> res_;
    std::array<char, 4096> drain_;
};

template <class Stream, class... Args>
std::shared_ptr<SessionBase> startSession(SignoffService::Impl& svc, Args&&... args) {
    auto s = std::make_shared<Session<Stream>>(Stream(std::forward<Args>(args)...), svc);
    s->start();
    return s;
}

bool setUpTls(const SignoffServiceOptions& o, std::optional<ssl::context>& out, std::string& error) {
    out.emplace(ssl::context::tls_server);
    ssl::context& ctx = *out;
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    beast::error_code ec;
    ctx.use_certificate_chain_file(o.certFile, ec);
    if (ec) {
        error = o.certFile + ": cannot use as TLS certificate (PEM): " + ec.message();
        return false;
    }
    std::string pem;
    if (!readSecretFile(o.keyFile, "TLS key file", pem, error)) return false;
    ctx.use_private_key(asio::buffer(pem), ssl::context::pem, ec);
    OPENSSL_cleanse(pem.data(), pem.size());
    if (ec) {
        error = o.keyFile + ": cannot use as TLS private key (PEM): " + ec.message();
        return false;
    }
    if (SSL_CTX_check_private_key(ctx.native_handle()) != 1) {
        error = o.keyFile + ": private key does not match the certificate " + o.certFile;
        return false;
    }
    return true;
}

}  // namespace

void SignoffService::Impl::accept() {
    acceptor.async_accept(io, [this](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
            return accept();  // e.g. too many open files: keep serving the others
        }
        ++connections;
        std::erase_if(sessions, [](const std::weak_ptr<SessionBase>& w) { return w.expired(); });
        if (tls)
            sessions.push_back(startSession<beast::ssl_stream<beast::tcp_stream>>(*this, std::move(socket), *tls));
        else
            sessions.push_back(startSession<beast::tcp_stream>(*this, std::move(socket)));
        accept();
    });
}

// Runs on the service thread, after the gate committed the decision: a failure
// here cannot undo it, so it is counted and kept for the operator instead.
void SignoffService::Impl::appendAudit(const Record& r) {
    const store::Status appended = auditLog->appendRecords({r});
    if (!appended) {
        std::lock_guard<std::mutex> lock(auditMutex);
        ++auditFailures;
        lastAuditError = appended.error();
    }
}

void SignoffService::Impl::closeAll() {
    beast::error_code ignored;
    acceptor.close(ignored);
    for (auto& w : sessions)
        if (auto s = w.lock()) s->close();
    sessions.clear();
}

SignoffService::SignoffService(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SignoffService::~SignoffService() { stop(); }

std::unique_ptr<SignoffService> SignoffService::start(const SignoffServiceOptions& options, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->opt = options;
    const SignoffServiceOptions& o = impl->opt;
    impl->clock = o.clock ? o.clock : &impl->systemClock;

    const bool wantsTls = !o.certFile.empty() || !o.keyFile.empty();
    if (wantsTls && (o.certFile.empty() || o.keyFile.empty())) {
        error = o.certFile.empty() ? "TLS: a key file without a certificate (give both --cert and --key)"
                                   : "TLS: a certificate without a key file (give both --cert and --key)";
        return nullptr;
    }
    if (!o.listen.loopback && !wantsTls) {
        error = o.listen.str() + ": refusing to serve sign-off on a non-loopback address without TLS "
                                 "(give --cert and --key, or listen on 127.0.0.1)";
        return nullptr;
    }
    if (o.requestDeadline.count() <= 0 || o.bodyLimit == 0) {
        error = "request deadline and body limit must be above 0";
        return nullptr;
    }

    std::string why;
    impl->tokens = ApproverTokens::load(o.tokensPath, why);
    if (!impl->tokens) {
        error = why;
        return nullptr;
    }
    if (wantsTls && !setUpTls(o, impl->tls, error)) return nullptr;

    // Never create a database here: approving into a fresh empty file would
    // "succeed" at nothing.
    struct stat st {};
    if (::stat(o.dbPath.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        error = o.dbPath + ": no such database file";
        return nullptr;
    }
    auto db = store::Database::open(o.dbPath, store::OpenMode::ReadWrite);
    if (!db.ok()) {
        error = db.error();
        return nullptr;
    }
    impl->db.emplace(std::move(*db));
    impl->gate.emplace(*impl->db, *impl->clock);
    if (!o.auditKeyPath.empty()) {
        auto key = audit::loadOrCreateKey(o.auditKeyPath);
        if (!key) {
            error = key.error();
            return nullptr;
        }
        auto log = audit::AuditLog::open(o.dbPath, std::move(key).value());
        if (!log) {
            error = log.error();
            return nullptr;
        }
        impl->auditLog = std::move(log).value();
        Impl* raw = impl.get();
        impl->gate->onRecord([raw](const Record& r) { raw->appendAudit(r); });
    }
    impl->api.emplace(*impl->gate, *impl->tokens, *impl->clock);

    beast::error_code ec;
    const tcp::endpoint ep(asio::ip::make_address(o.listen.address), o.listen.port);
    impl->acceptor.open(ep.protocol(), ec);
    if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl->acceptor.bind(ep, ec);
    if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        error = o.listen.str() + ": cannot listen: " + ec.message();
        return nullptr;
    }
    impl->port = impl->acceptor.local_endpoint().port();
    impl->accept();
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] {
        nameThisThread("vigil-signoff");
        raw->io.run();
    });
    return std::unique_ptr<SignoffService>(new SignoffService(std::move(impl)));
}

void SignoffService::stop() {
    if (!impl_ || impl_->stopped) return;
    impl_->stopped = true;
    asio::post(impl_->io, [impl = impl_.get()] {
        impl->closeAll();
        impl->io.stop();
    });
    if (impl_->thread.joinable()) impl_->thread.join();
}

std::uint16_t SignoffService::port() const { return impl_->port; }

bool SignoffService::tls() const { return impl_->tls.has_value(); }

std::string SignoffService::url() const {
    ListenAddress a = impl_->opt.listen;
    a.port = impl_->port;
    return std::string(tls() ? "https://" : "http://") + a.str();
}

SignoffServiceStats SignoffService::stats() const {
    std::lock_guard<std::mutex> lock(impl_->auditMutex);
    return {impl_->connections.load(), impl_->requests.load(), impl_->refused.load(), impl_->dropped.load(),
            impl_->auditFailures, impl_->lastAuditError};
}

}  // namespace vigil::signoff
