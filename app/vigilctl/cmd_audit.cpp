// vigilctl audit verify --db DB [--key FILE]
// Checks the database's audit log: hash chain, seq numbering and the HMAC seal
// over its head. 0 intact; 1 tampered, naming the first bad entry and what is
// wrong; 2 bad usage, unreadable database or key.
#include "vigilctl/Commands.h"

#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"

#include <QCommandLineParser>

#include <cstdio>

namespace vigilctl {

int cmdAudit(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Verify the tamper-evident audit log of a database."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("the only sub-command"));
    p.addOption({QStringLiteral("db"), QStringLiteral("Vigil database to check"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("key"), QStringLiteral("audit key file (default: $XDG_CONFIG_HOME/vigil/audit.key)"),
                 QStringLiteral("FILE")});
    if (!p.parse(args)) return usageError(QStringLiteral("audit: ") + p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return kOk;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || pos[0] != QLatin1String("verify"))
        return usageError(QStringLiteral("audit: expected 'audit verify --db DB [--key FILE]'"));
    if (!p.isSet(QStringLiteral("db")) || p.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("audit verify: --db DB is required"));

    const std::string keyPath =
        p.isSet(QStringLiteral("key")) ? p.value(QStringLiteral("key")).toStdString() : vigil::audit::defaultKeyPath();
    auto key = vigil::audit::loadKey(keyPath);  // never created here: a new key could not verify anything
    if (!key) return usageError(QStringLiteral("audit verify: ") + QString::fromStdString(key.error()));
    const std::string db = p.value(QStringLiteral("db")).toStdString();
    auto verdict = vigil::audit::verifyAuditLog(db, *key);
    if (!verdict) return usageError(QStringLiteral("audit verify: ") + QString::fromStdString(verdict.error()));

    if (!verdict->intact) {
        if (verdict->badSeq > 0)
            std::printf("%s: audit log tampered, first bad entry seq %lld: %s\n", db.c_str(),
                        static_cast<long long>(verdict->badSeq), verdict->problem.c_str());
        else
            std::printf("%s: audit log tampered, seal: %s\n", db.c_str(), verdict->problem.c_str());
        return kFailed;
    }
    std::printf("%s: audit log intact: %lld entries, sealed head seq %lld\n", db.c_str(),
                static_cast<long long>(verdict->entries), static_cast<long long>(verdict->headSeq));
    return kOk;
}

}  // namespace vigilctl
