// The options that make a running engine serve sign-off (docs/signoff.md), the
// same on `vigilctl run` and `vigil`:
//   --signoff-tokens FILE [--signoff-listen ADDR:PORT] [--signoff-cert F --signoff-key F]
// Given tokens, the service starts on the engine's database (default address
// 127.0.0.1:8787) and audits decisions with the engine's key; the other three
// without tokens are a usage error.
#pragma once

#include "audit/AuditKey.h"
#include "signoff/SignoffService.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace vigil::app {

struct SignoffOptionNames {
    QCommandLineOption tokens{QStringLiteral("signoff-tokens"),
                              QCoreApplication::translate("SignoffOptions", "Serve sign-off to approvers holding these tokens (file of 'identity token' lines, mode 0600)."),
                              QStringLiteral("file")};
    QCommandLineOption listen{QStringLiteral("signoff-listen"),
                              QCoreApplication::translate("SignoffOptions", "Sign-off service address (default: %1; other than loopback needs TLS).")
                                  .arg(QString::fromLatin1(signoff::kDefaultListen)),
                              QStringLiteral("addr:port")};
    QCommandLineOption cert{QStringLiteral("signoff-cert"),
                            QCoreApplication::translate("SignoffOptions", "Sign-off service TLS certificate chain (PEM)."), QStringLiteral("file")};
    QCommandLineOption key{QStringLiteral("signoff-key"),
                           QCoreApplication::translate("SignoffOptions", "Sign-off service TLS private key (PEM, mode 0600)."), QStringLiteral("file")};

    void addTo(QCommandLineParser& p) const { p.addOptions({tokens, listen, cert, key}); }

    // nullopt in `out` when sign-off is not asked for. False with a one-line reason.
    bool read(const QCommandLineParser& p, std::optional<signoff::SignoffServiceOptions>& out, QString& error) const {
        out.reset();
        if (!p.isSet(tokens)) {
            for (const auto* o : {&listen, &cert, &key})
                if (p.isSet(*o)) {
                    error = QStringLiteral("--%1 needs --signoff-tokens FILE").arg(o->names().first());
                    return false;
                }
            return true;
        }
        signoff::SignoffServiceOptions s;
        s.auditKeyPath = audit::defaultKeyPath();  // the engine's key: decisions join its audit log
        s.tokensPath = p.value(tokens).toStdString();
        std::string why;
        const auto addr = signoff::ListenAddress::parse(p.isSet(listen) ? p.value(listen).toStdString() : signoff::kDefaultListen, why);
        if (!addr) {
            error = QStringLiteral("--signoff-listen: ") + QString::fromStdString(why);
            return false;
        }
        s.listen = *addr;
        s.certFile = p.value(cert).toStdString();
        s.keyFile = p.value(key).toStdString();
        if (s.certFile.empty() != s.keyFile.empty()) {
            error = QStringLiteral("--signoff-cert and --signoff-key go together");
            return false;
        }
        out = std::move(s);
        return true;
    }
};

}  // namespace vigil::app
