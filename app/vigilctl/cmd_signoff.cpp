// vigilctl signoff serve --db DB --tokens FILE [--listen ADDR:PORT] [--cert F --key F] [--audit-key F]
// The sign-off service on its own, beside an engine (vigil, vigilctl run) that
// uses the same database: approvers decide over HTTP(S) with their tokens
// (docs/signoff.md). Runs until SIGTERM or SIGINT, then stops cleanly (exit 0);
// exit 2 with one line naming the file or option when it cannot start.
#include "vigilctl/Commands.h"

#include "audit/AuditKey.h"
#include "common/DefaultPaths.h"
#include "signoff/SignoffService.h"

#include <QCommandLineParser>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace vigilctl {

namespace {

std::atomic<int> g_stop{0};
void onStopSignal(int sig) { g_stop = sig; }

}  // namespace

int cmdSignoff(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("vigilctl signoff serve --db DB --tokens FILE [--listen ADDR:PORT] [--cert F --key F]\n"
                                               "Serve the approval queue to sign-off desks (docs/signoff.md)."));
    p.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Vigil database (default: %1).").arg(vigil::app::defaultDatabasePath()),
                                QStringLiteral("DB"));
    const QCommandLineOption tokens(QStringLiteral("tokens"), QStringLiteral("Approvers' tokens: 'identity token' lines, mode 0600."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to serve on (default %1; other than loopback needs --cert and --key).")
                                        .arg(QString::fromLatin1(vigil::signoff::kDefaultListen)),
                                    QStringLiteral("ADDR:PORT"));
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("TLS certificate chain (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("TLS private key (PEM, mode 0600)."), QStringLiteral("FILE"));
    const QCommandLineOption auditKey(QStringLiteral("audit-key"),
                                      QStringLiteral("Key sealing the audit log the decisions are appended to (default: %1).")
                                          .arg(QString::fromStdString(vigil::audit::defaultKeyPath())),
                                      QStringLiteral("FILE"));
    p.addOptions({db, tokens, listen, cert, key, auditKey});
    if (auto rc = parseArguments(p, args, "signoff")) return *rc;
    const QStringList pos = p.positionalArguments();
    if (pos.value(0) != QLatin1String("serve") || pos.size() != 1)
        return usageError(pos.isEmpty() ? QStringLiteral("signoff: expected 'serve'")
                                        : QStringLiteral("signoff: unknown sub-command '%1' (serve)").arg(pos.join(' ')));
    if (!p.isSet(tokens)) return usageError(QStringLiteral("signoff serve: --tokens FILE is required"));

    vigil::signoff::SignoffServiceOptions o;
    o.dbPath = (p.isSet(db) ? p.value(db) : vigil::app::defaultDatabasePath()).toStdString();
    o.tokensPath = p.value(tokens).toStdString();
    std::string error;
    const auto addr = vigil::signoff::ListenAddress::parse(
        p.isSet(listen) ? p.value(listen).toStdString() : std::string(vigil::signoff::kDefaultListen), error);
    if (!addr) return usageError(QStringLiteral("signoff serve: --listen: ") + QString::fromStdString(error));
    o.listen = *addr;
    o.certFile = p.value(cert).toStdString();
    o.keyFile = p.value(key).toStdString();
    o.auditKeyPath = p.isSet(auditKey) ? p.value(auditKey).toStdString() : vigil::audit::defaultKeyPath();
    if (o.auditKeyPath.empty()) return usageError(QStringLiteral("signoff serve: no audit key path (set HOME or pass --audit-key FILE)"));

    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    auto service = vigil::signoff::SignoffService::start(o, error);
    if (!service) return usageError(QStringLiteral("signoff serve: ") + QString::fromStdString(error));
    std::printf("vigil: sign-off service on %s (database %s)\n", service->url().c_str(), o.dbPath.c_str());
    std::fflush(stdout);
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    service->stop();
    const auto st = service->stats();
    std::printf("stopped (%s): %lld connections, %lld requests answered, %lld refused, %lld slow clients dropped\n",
                g_stop == SIGTERM ? "SIGTERM" : "SIGINT", static_cast<long long>(st.connections),
                static_cast<long long>(st.requests), static_cast<long long>(st.refused), static_cast<long long>(st.dropped));
    if (st.auditFailures > 0) {
        std::fprintf(stderr, "vigilctl: signoff serve: %lld decisions not appended to the audit log; last: %s\n",
                     static_cast<long long>(st.auditFailures), st.lastAuditError.c_str());
        return kFailed;
    }
    return kOk;
}

}  // namespace vigilctl
