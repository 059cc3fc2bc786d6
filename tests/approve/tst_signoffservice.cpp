// The sign-off service on a free loopback port, a real SQLite database and a
// tokens file, driven by SignoffClient and by raw HTTP: every documented status
// (200, 400, 401, 403, 404, 405, 409, 413, the deadline dropping a slow
// client), two token identities reaching two-person approval, self-approval
// refused with the gate's text, TLS with a self-signed certificate (CA file
// and pin), a non-loopback bind without TLS refused, the tokens file's checks,
// and a restart (the client gets a clear connection error, then works again).
#include "SignoffTestSupport.h"

#include "approve/ApprovalGate.h"
#include "approve/ExecutionContent.h"
#include "approve/TransferRequest.h"
#include "audit/AuditVerifier.h"
#include "signoff/ApproverTokens.h"
#include "signoff/SignoffApi.h"
#include "signoff/SignoffClient.h"
#include "signoff/SignoffService.h"
#include "store/Statement.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::approve;
using namespace vigil::signoff;
using namespace signofftest;

namespace {

constexpr TimestampMs kStart = 1'790'000'000'000;
constexpr TimestampMs kMinute = 60'000;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestSignoffService : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_, tokensPath_;
    std::optional<store::Database> db_;  // the engine's connection
    VirtualClock clock_{kStart};
    std::optional<ApprovalGate> engine_;
    std::unique_ptr<SignoffService> service_;
    std::string big_, small_;
    int n_ = 0;

    std::string newRequest(remedy::Wei value, int approvers) {
        ++n_;
        NewApprovalRequest r = approvetest::transferRequest("act-" + std::to_string(n_), value, approvers, kStart, n_);
        r.narrative = "treasury top-up of agent-04 below its floor";
        r.rule = "transfer-limits";
        ApprovalRequest out;
        const GateStatus s = engine_->request(r, out);
        if (!s) qFatal("%s", s.message.c_str());
        return out.id;
    }

    SignoffServiceOptions options() {
        SignoffServiceOptions o;
        o.dbPath = dbPath_.toStdString();
        o.tokensPath = tokensPath_.toStdString();
        std::string err;
        o.listen = *ListenAddress::parse("127.0.0.1:0", err);
        o.clock = &clock_;
        return o;
    }

    std::unique_ptr<SignoffClient> client(const std::string& token, const std::string& url = {}) {
        SignoffClientOptions o;
        o.url = url.empty() ? service_->url() : url;
        o.token = token;
        o.deadline = std::chrono::milliseconds(10'000);
        std::string err;
        auto c = SignoffClient::create(o, err);
        if (!c) qFatal("%s", err.c_str());
        return c;
    }

    std::string sql(const std::string& q) {
        store::Statement st;
        std::string err;
        if (!st.prepare(db_->handle(), q, err)) return "error: " + err;
        return st.step() == SQLITE_ROW ? st.text(0) : std::string("(none)");
    }

    std::string decisions() {
        return sql("SELECT coalesce(group_concat(id || ':' || decision || ':' || approver, ' '), '(none)') FROM approvals WHERE decision != 'requested'");
    }

    unsigned short port() const { return service_->port(); }

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath(QStringLiteral("vigil-%1.db").arg(QTest::currentTestFunction()));
        tokensPath_ = dir_.filePath(QStringLiteral("tokens"));
        QVERIFY(writePrivate(tokensPath_, tokensText()));
        auto db = store::Database::open(dbPath_.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY2(db.ok(), db.error().c_str());
        db_.emplace(std::move(*db));
        clock_.set(kStart);
        engine_.emplace(*db_, clock_);
        big_ = newRequest(3 * remedy::kWeiPerEth, 2);
        small_ = newRequest(remedy::kWeiPerEth, 1);
        std::string err;
        service_ = SignoffService::start(options(), err);
        QVERIFY2(service_, err.c_str());
        QVERIFY(service_->port() != 0);
        QVERIFY(!service_->tls());
    }

    void cleanup() {
        service_.reset();
        engine_.reset();
        db_.reset();
    }

    void listsPendingRequestsWithTheirEvidence() {
        std::vector<ApprovalRequest> rs;
        TimestampMs serverNow = 0;
        clock_.advanceBy(kMinute);
        const SignoffResult s = client(kAliceToken)->list(false, rs, &serverNow);
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(s.status, 200);
        QCOMPARE(serverNow, kStart + kMinute);  // the service's clock, for a desk's countdown
        QCOMPARE(int(rs.size()), 2);
        ApprovalRequest local;
        QVERIFY(engine_->find(big_, local));
        const ApprovalRequest& r = rs[0].id == big_ ? rs[0] : rs[1];
        QCOMPARE(r.id, big_);
        QCOMPARE(r.what.content, local.what.content);  // exact bytes: the hash still covers them
        QCOMPARE(r.contentSha256, local.contentSha256);
        QCOMPARE(r.what.narrative, local.what.narrative);
        QCOMPARE(r.what.metricWindow, local.what.metricWindow);
        QCOMPARE(r.what.rule, std::string("transfer-limits"));
        QCOMPARE(r.what.requester, std::string("vigil"));
        QVERIFY(r.what.value == 3 * remedy::kWeiPerEth);
        QCOMPARE(r.what.approversNeeded, 2);
        QCOMPARE(r.approvals(), 0);
        QCOMPARE(r.expires, kStart + 15 * kMinute);
        QCOMPARE(int(r.state), int(RequestState::Pending));

        // Decided requests leave the default list; ?all=1 keeps them.
        ApprovalRequest after;
        QVERIFY(client(kAliceToken)->reject(small_, "not now", after));
        QVERIFY(client(kAliceToken)->list(false, rs));
        QCOMPARE(int(rs.size()), 1);
        QVERIFY(client(kAliceToken)->list(true, rs));
        QCOMPARE(int(rs.size()), 2);
    }

    void showsOneRequestAndAnswers404ForAnUnknownId() {
        ApprovalRequest r;
        QVERIFY(client(kBobToken)->show(small_, r));
        QCOMPARE(r.id, small_);
        QCOMPARE(r.what.approversNeeded, 1);
        const SignoffResult s = client(kBobToken)->show("apr-0000000000", r);
        QCOMPARE(int(s.failure), int(SignoffFailure::Answer));
        QCOMPARE(s.status, 404);
        QCOMPARE(s.message, std::string("no approval request 'apr-0000000000'"));  // the gate's text
        const SignoffResult d = client(kBobToken)->approve("apr-0000000000", "", r);
        QCOMPARE(d.status, 404);
        QCOMPARE(decisions(), std::string("(none)"));
    }

    void answers401WithoutOrWithAWrongToken() {
        const std::string none = rawHttp(port(), get("/v1/approvals", ""));
        QCOMPARE(statusOf(none), 401);
        QVERIFY2(contains(none, "WWW-Authenticate: Bearer"), none.c_str());
        QVERIFY2(contains(none, "missing bearer token"), none.c_str());
        const std::string basic = rawHttp(port(), "GET /v1/approvals HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWxpY2U6eA==\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(basic), 401);

        std::vector<ApprovalRequest> rs;
        const SignoffResult s = client(kStrangerToken)->list(false, rs);
        QCOMPARE(s.status, 401);
        QCOMPARE(s.message, std::string("unknown bearer token"));
        ApprovalRequest r;
        QCOMPARE(client(kStrangerToken)->approve(small_, "", r).status, 401);
        QCOMPARE(decisions(), std::string("(none)"));
    }

    void twoTokenIdentitiesReachTwoPersonApproval() {
        ApprovalRequest r;
        SignoffResult s = client(kAliceToken)->approve(big_, "balance checked", r);
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(int(r.state), int(RequestState::Pending));
        QCOMPARE(r.approvals(), 1);
        QCOMPARE(s.message, big_ + ": approved by alice (1 of 2 approvals): waiting for another person");

        s = client(kAliceToken)->approve(big_, "again", r);  // one person twice is still one
        QCOMPARE(s.status, 409);
        QCOMPARE(s.message, big_ + ": alice already approved it; a second, different person must");

        s = client(kBobToken)->approve(big_, "", r);  // "Bob" in the file is the identity bob
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(int(r.state), int(RequestState::Approved));
        QCOMPARE(r.approvals(), 2);
        QVERIFY2(contains(s.message, "approved by bob: may execute transfer on agent:agent-04"), s.message.c_str());
        QCOMPARE(decisions(), big_ + ":approved:alice " + big_ + ":approved:bob");

        // The engine's own connection sees it (WAL) and may execute.
        ApprovalRequest engineView;
        QVERIFY(engine_->find(big_, engineView));
        QCOMPARE(int(engineView.state), int(RequestState::Approved));
        QCOMPARE(engineView.votes[0].comment, std::string("balance checked"));
    }

    void selfApprovalIsRefusedWithTheGatesText() {
        ApprovalRequest r;
        const SignoffResult s = client(kVigilToken)->approve(small_, "I asked for it", r);
        QCOMPARE(int(s.failure), int(SignoffFailure::Answer));
        QCOMPARE(s.status, 403);
        QCOMPARE(s.message, small_ + ": vigil requested this action and cannot approve it; another person must");
        QCOMPARE(decisions(), std::string("(none)"));
        // The requester may still reject its own request.
        QVERIFY(client(kVigilToken)->reject(small_, "withdrawn", r));
        QCOMPARE(int(r.state), int(RequestState::Rejected));
    }

    void answers409ForDecidedOrExpiredRequests() {
        ApprovalRequest r;
        QVERIFY(client(kAliceToken)->reject(small_, "wrong wallet", r));
        SignoffResult s = client(kBobToken)->approve(small_, "", r);
        QCOMPARE(s.status, 409);
        QCOMPARE(s.message, small_ + ": was rejected");

        clock_.advanceBy(16 * kMinute);  // the service decides on the same clock
        s = client(kAliceToken)->approve(big_, "", r);
        QCOMPARE(s.status, 409);
        QVERIFY2(contains(s.message, big_ + ": expired at "), s.message.c_str());
        s = client(kVigilToken)->approve(big_, "", r);  // expired first, whoever asks
        QCOMPARE(s.status, 409);
        QCOMPARE(sql("SELECT state FROM approval_requests WHERE id = '" + big_ + "'"), std::string("expired"));
    }

    void malformedBodiesGet400NamingTheFieldAndChangeNothing() {
        const std::string path = "/v1/approvals/" + small_ + "/approve";
        struct Case {
            const char* body;
            const char* field;
        };
        for (const Case& c : {Case{kNotJson, "body: not a JSON object"}, Case{kCommentNotString, "comment: must be a string"},
                              Case{kIdentityInBody, "as: not accepted; the approver is the identity of the bearer token"},
                              Case{kUnknownField, "amount: unknown field"}}) {
            const std::string raw = rawHttp(port(), request("POST", path, kAliceToken, c.body));
            QCOMPARE(statusOf(raw), 400);
            QVERIFY2(contains(raw, c.field), raw.c_str());
        }
        const std::string longComment = "{\"comment\": \"" + std::string(kMaxCommentChars + 1, 'x') + "\"}";
        QVERIFY(contains(rawHttp(port(), request("POST", path, kAliceToken, longComment)), "comment: 2001 bytes"));
        QCOMPARE(rawHttp(port(), get("/v1/approvals?state=open", kAliceToken)).substr(0, 12), std::string("HTTP/1.1 400"));
        QCOMPARE(decisions(), std::string("(none)"));
        // A good body, and an empty one (no comment), are accepted.
        QCOMPARE(statusOf(rawHttp(port(), request("POST", path, kAliceToken, kGoodComment))), 200);
        QCOMPARE(sql("SELECT reason FROM approvals WHERE decision = 'approved'"), std::string("checked"));
    }

    void otherPathsAndMethodsGet404Or405() {
        std::string raw = rawHttp(port(), request("DELETE", "/v1/approvals", kAliceToken, ""));
        QCOMPARE(statusOf(raw), 405);
        QVERIFY2(contains(raw, "Allow: GET"), raw.c_str());
        raw = rawHttp(port(), get("/v1/approvals/" + small_ + "/approve", kAliceToken));
        QCOMPARE(statusOf(raw), 405);
        QVERIFY2(contains(raw, "Allow: POST"), raw.c_str());
        QCOMPARE(statusOf(rawHttp(port(), request("POST", "/v1/approvals/" + small_, kAliceToken, ""))), 405);
        QCOMPARE(statusOf(rawHttp(port(), get("/v2/approvals", kAliceToken))), 404);
        QCOMPARE(statusOf(rawHttp(port(), get("/", kAliceToken))), 404);
        QCOMPARE(statusOf(rawHttp(port(), request("POST", "/v1/approvals/" + small_ + "/execute", kAliceToken, ""))), 404);
        QCOMPARE(statusOf(rawHttp(port(), "NOT HTTP AT ALL\r\n\r\n")), 400);
        QCOMPARE(decisions(), std::string("(none)"));
    }

    void oversizedBodiesGet413() {
        const std::string big(20 * 1024, 'x');  // the default limit is 16 KiB
        const std::string raw = rawHttp(port(), request("POST", "/v1/approvals/" + small_ + "/approve", kAliceToken, big));
        QCOMPARE(statusOf(raw), 413);
        QCOMPARE(decisions(), std::string("(none)"));
    }

    // A client that sends half a request and then nothing is disconnected at
    // the deadline (the hang guard is rawHttp's 10 s receive timeout, far above it).
    void slowClientsAreDroppedAtTheDeadline() {
        service_.reset();
        SignoffServiceOptions o = options();
        o.requestDeadline = std::chrono::milliseconds(300);
        std::string err;
        service_ = SignoffService::start(o, err);
        QVERIFY2(service_, err.c_str());
        const std::string raw = rawHttp(port(), "GET /v1/approvals HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QCOMPARE(raw, std::string());  // closed without an answer
        // Beast closes the socket when the deadline passes and counts it in the
        // handler that runs just after: the client can see the close first.
        QTRY_COMPARE_WITH_TIMEOUT(service_->stats().dropped, std::int64_t(1), 10000);
        // and the service goes on serving others
        std::vector<ApprovalRequest> rs;
        QVERIFY(client(kAliceToken)->list(false, rs));
    }

    void keepAliveServesSeveralRequestsOnOneConnection() {
        const std::string one = "GET /v1/approvals/" + small_ + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kAliceToken + "\r\n\r\n";
        const std::string raw = rawHttp(port(), one + one + get("/v1/approvals", kAliceToken));
        int answers = 0;
        for (std::size_t at = raw.find("HTTP/1.1 200"); at != std::string::npos; at = raw.find("HTTP/1.1 200", at + 1)) ++answers;
        QCOMPARE(answers, 3);
        QCOMPARE(service_->stats().connections, std::int64_t(1));
    }

    void servesTlsWithASelfSignedCertificate() {
        const QString cert = dir_.filePath("cert.pem"), key = dir_.filePath("key.pem");
        QString why;
        QVERIFY2(makeSelfSigned(cert, key, why), qPrintable(why));
        service_.reset();
        SignoffServiceOptions o = options();
        o.certFile = cert.toStdString();
        o.keyFile = key.toStdString();
        std::string err;
        service_ = SignoffService::start(o, err);
        QVERIFY2(service_, err.c_str());
        QVERIFY(service_->tls());
        QVERIFY(service_->url().rfind("https://127.0.0.1:", 0) == 0);

        SignoffClientOptions co;
        co.url = service_->url();
        co.token = kAliceToken;
        co.caFile = cert.toStdString();  // the self-signed certificate is its own CA
        auto viaCa = SignoffClient::create(co, err);
        QVERIFY2(viaCa, err.c_str());
        ApprovalRequest r;
        SignoffResult s = viaCa->approve(big_, "over TLS", r);
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(r.approvals(), 1);

        co.caFile.clear();
        co.token = kBobToken;
        co.pinSha256 = fingerprint(cert).toStdString();
        auto pinned = SignoffClient::create(co, err);
        QVERIFY2(pinned, err.c_str());
        s = pinned->approve(big_, "", r);
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(int(r.state), int(RequestState::Approved));

        co.pinSha256 = std::string(64, 'a');  // someone else's certificate
        std::vector<ApprovalRequest> rs;
        s = SignoffClient::create(co, err)->list(false, rs);
        QCOMPARE(int(s.failure), int(SignoffFailure::Tls));
        QVERIFY2(contains(s.message, "not the pinned one"), s.message.c_str());

        co.pinSha256.clear();  // the system's CAs do not know it
        s = SignoffClient::create(co, err)->list(false, rs);
        QCOMPARE(int(s.failure), int(SignoffFailure::Tls));
        QVERIFY2(contains(s.message, "certificate verify failed"), s.message.c_str());

        // Plain HTTP to the TLS port gets no sign-off answer.
        s = client(kAliceToken, "http://127.0.0.1:" + std::to_string(port()))->list(false, rs);
        QVERIFY(!s);
        QVERIFY(s.failure != SignoffFailure::Answer);
    }

    void refusesToServeANonLoopbackAddressWithoutTls() {
        SignoffServiceOptions o = options();
        std::string err;
        o.listen = *ListenAddress::parse("0.0.0.0:0", err);
        QVERIFY(!o.listen.loopback);
        QVERIFY(!SignoffService::start(o, err));
        QCOMPARE(err, std::string("0.0.0.0:0: refusing to serve sign-off on a non-loopback address without TLS "
                                  "(give --cert and --key, or listen on 127.0.0.1)"));
        o.certFile = dir_.filePath("cert.pem").toStdString();
        QVERIFY(!SignoffService::start(o, err));
        QVERIFY2(contains(err, "give both --cert and --key"), err.c_str());

        QVERIFY(!ListenAddress::parse("localhost:8787", err));  // a bind address is numeric
        QVERIFY2(contains(err, "not a numeric IP address"), err.c_str());
        QVERIFY(!ListenAddress::parse("127.0.0.1:99999", err));
        QVERIFY(ListenAddress::parse("[::1]:8787", err)->loopback);

        // Nor does the client send a token over plain http to another host.
        SignoffClientOptions co;
        co.url = "http://192.0.2.10:8787";
        co.token = kAliceToken;
        QVERIFY(!SignoffClient::create(co, err));
        QVERIFY2(contains(err, "refusing to send a bearer token over plain http"), err.c_str());
    }

    void tokensFilesAreCheckedLikeTheAuditKey() {
        std::string err;
        QVERIFY(writePrivate(tokensPath_, tokensText(), 0640));
        QVERIFY(!ApproverTokens::load(tokensPath_.toStdString(), err));
        QVERIFY2(contains(err, "tokens file has mode 0640, refused") && contains(err, "chmod 600"), err.c_str());
        QVERIFY(!SignoffService::start(options(), err));

        const std::string f = tokensPath_.toStdString();
        QVERIFY(!ApproverTokens::parse("alice " + kAliceToken + "\nALICE " + kBobToken + "\n", f, err));
        QCOMPARE(err, f + ":2: identity: alice appears twice (one token per approver)");
        QVERIFY(!ApproverTokens::parse("# x\nalice " + kAliceToken + "\nbob " + kAliceToken + "\n", f, err));
        QCOMPARE(err, f + ":3: token of bob: the same token is given to another approver");
        QVERIFY(!ApproverTokens::parse("alice short\n", f, err));
        QVERIFY2(contains(err, f + ":1: token of alice: token is 5 characters, at least 32"), err.c_str());
        QVERIFY(!ApproverTokens::parse("alice\n", f, err));
        QVERIFY2(contains(err, f + ":1: expected 'identity token'"), err.c_str());
        QVERIFY(!ApproverTokens::parse("# nobody\n", f, err));
        QVERIFY2(contains(err, "no approvers"), err.c_str());
        auto ok = ApproverTokens::parse(tokensText(), f, err);
        QVERIFY2(ok, err.c_str());
        QCOMPARE(int(ok->size()), 3);
        QCOMPARE(ok->identityFor(kBobToken).value_or(""), std::string("bob"));
        QVERIFY(!ok->identityFor(kAliceToken.substr(0, 35)));

        const QString mine = dir_.filePath("alice.token");
        QVERIFY(writePrivate(mine, kAliceToken + "\n"));
        QCOMPARE(loadClientToken(mine.toStdString(), err).value_or(""), kAliceToken);
        QVERIFY(writePrivate(mine, kAliceToken + "\n", 0604));
        QVERIFY(!loadClientToken(mine.toStdString(), err));
        QVERIFY2(contains(err, "token file has mode 0604"), err.c_str());
    }

    // A desk shows whom it is signed in as: the service names the token's identity.
    void whoamiNamesTheTokensIdentity() {
        std::string who;
        const SignoffResult s = client(kBobToken)->whoami(who);
        QVERIFY2(s, s.message.c_str());
        QCOMPARE(who, std::string("bob"));  // identities are case-insensitive: "Bob" in the file
        QCOMPARE(statusOf(rawHttp(port(), get("/v1/whoami", kStrangerToken))), 401);
        QCOMPARE(statusOf(rawHttp(port(), request("POST", "/v1/whoami", kBobToken, "{}"))), 405);
    }

    void aRestartedServiceIsReachedAgain() {
        const std::string url = service_->url();
        auto c = client(kAliceToken);
        std::vector<ApprovalRequest> rs;
        QVERIFY(c->list(false, rs));
        service_.reset();  // stop: the port is free
        const SignoffResult down = c->list(false, rs);
        QCOMPARE(int(down.failure), int(SignoffFailure::Connection));
        QCOMPARE(down.message, url + ": connection refused (is the sign-off service running?)");

        SignoffServiceOptions o = options();
        o.listen.port = static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
        std::string err;
        service_ = SignoffService::start(o, err);
        QVERIFY2(service_, err.c_str());
        ApprovalRequest r;
        const SignoffResult up = c->approve(small_, "after the restart", r);
        QVERIFY2(up, up.message.c_str());
        QCOMPARE(int(r.state), int(RequestState::Approved));
    }

    // Decisions taken through the service join the audit log, chained and sealed
    // with the engine's key; the log still verifies.
    void decisionsAreAudited() {
        service_.reset();
        SignoffServiceOptions o = options();
        o.auditKeyPath = dir_.filePath("audit.key").toStdString();
        std::string err;
        service_ = SignoffService::start(o, err);
        QVERIFY2(service_, err.c_str());
        ApprovalRequest r;
        QVERIFY(client(kAliceToken)->approve(big_, "first", r));
        QVERIFY(client(kBobToken)->reject(small_, "second", r));
        QCOMPARE(client(kVigilToken)->approve(big_, "", r).status, 403);  // a refusal records nothing
        ApprovalRequest smallOne;
        QVERIFY(engine_->find(small_, smallOne));
        QCOMPARE(sql("SELECT group_concat(kind || ':' || subject, ' ') FROM audit"),
                 "approval:" + big_ + " rejection:" + small_ + " action:" + smallOne.what.actionId);
        const auto key = audit::loadKey(o.auditKeyPath);
        QVERIFY2(key, key.error().c_str());
        const auto verdict = audit::verifyAuditLog(dbPath_.toStdString(), key.value());
        QVERIFY2(verdict, verdict.error().c_str());
        QVERIFY2(verdict.value().intact, verdict.value().problem.c_str());
        QCOMPARE(verdict.value().entries, std::int64_t(3));
        QCOMPARE(service_->stats().auditFailures, std::int64_t(0));
    }

    void aClientDeadlineBoundsASilentServer() {
        // Something that accepts and never answers: a listening socket nobody reads.
        namespace asio = boost::asio;
        asio::io_context io;
        asio::ip::tcp::acceptor silent(io, {asio::ip::make_address("127.0.0.1"), 0});
        SignoffClientOptions o;
        o.url = "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port());
        o.token = kAliceToken;
        o.deadline = std::chrono::milliseconds(200);
        std::string err;
        std::vector<ApprovalRequest> rs;
        const SignoffResult s = SignoffClient::create(o, err)->list(false, rs);
        QCOMPARE(int(s.failure), int(SignoffFailure::Connection));
        QVERIFY2(contains(s.message, "no answer within 200 ms"), s.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSignoffService)
#include "tst_signoffservice.moc"
