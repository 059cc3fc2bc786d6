// Shared by the sign-off tests: raw HTTP over loopback (for the statuses a
// well-behaved client never provokes), token and certificate files. Texts with
// quotes live here, not in the test .cpp (moc and raw strings, common.md).
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <QFile>
#include <QProcess>
#include <QString>

#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

namespace signofftest {

// 32+ characters each (ApproverTokens' minimum).
inline const std::string kAliceToken = "alice-0123456789abcdef0123456789abcdef";
inline const std::string kBobToken = "bob-0123456789abcdef0123456789abcdef00";
inline const std::string kVigilToken = "vigil-0123456789abcdef0123456789abcdef";
inline const std::string kStrangerToken = "stranger-0123456789abcdef0123456789ab";

inline std::string tokensText() {
    return "# identity token\n"
           "alice  " + kAliceToken + "\n"
           "Bob    " + kBobToken + "\n"
           "\n"
           "vigil  " + kVigilToken + "   # the engine's name: a self-approval test\n";
}

inline bool writePrivate(const QString& path, const std::string& text, mode_t mode = 0600) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    f.write(text.data(), static_cast<qint64>(text.size()));
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// Sends `request` as is to 127.0.0.1:port and reads until the server closes
// (a 10 s receive timeout is the hang guard). The whole raw answer.
inline std::string rawHttp(unsigned short port, const std::string& request, bool halfClose = false) {
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::socket s(io);
    boost::system::error_code ec;
    s.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
    if (ec) return "connect: " + ec.message();
    timeval tv{10, 0};
    ::setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    asio::write(s, asio::buffer(request), ec);
    if (halfClose) s.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    std::string out;
    char buf[4096];
    for (;;) {
        const std::size_t n = s.read_some(asio::buffer(buf), ec);
        out.append(buf, n);
        if (ec) break;
    }
    return out;
}

inline std::string get(const std::string& target, const std::string& token) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           (token.empty() ? std::string() : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
}

inline std::string request(const std::string& method, const std::string& target, const std::string& token,
                           const std::string& body) {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

inline int statusOf(const std::string& raw) {
    if (raw.rfind("HTTP/1.1 ", 0) != 0 || raw.size() < 12) return -1;
    return std::stoi(raw.substr(9, 3));
}

inline const char* kNotJson = "comment=hello";
inline const char* kCommentNotString = "{\"comment\": 5}";
inline const char* kIdentityInBody = "{\"comment\": \"ok\", \"as\": \"bob\"}";
inline const char* kUnknownField = "{\"comment\": \"ok\", \"amount\": 1}";
inline const char* kGoodComment = "{\"comment\": \"checked\"}";

// A self-signed certificate for 127.0.0.1 / localhost, made with `openssl req`
// (Debian's openssl). False when it could not be made.
inline bool makeSelfSigned(const QString& certPath, const QString& keyPath, QString& why) {
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyPath,
             "-out", certPath, "-days", "2", "-subj", "/CN=localhost", "-addext",
             "subjectAltName=IP:127.0.0.1,DNS:localhost"});
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        why = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return ::chmod(QFile::encodeName(keyPath).constData(), 0600) == 0;
}

// The certificate's SHA-256 fingerprint as `openssl x509 -fingerprint` prints it ("AB:CD:...").
inline QString fingerprint(const QString& certPath) {
    QProcess p;
    p.start(QStringLiteral("openssl"), {"x509", "-in", certPath, "-noout", "-fingerprint", "-sha256"});
    p.waitForFinished(60'000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return out.mid(out.indexOf('=') + 1);
}

}  // namespace signofftest
