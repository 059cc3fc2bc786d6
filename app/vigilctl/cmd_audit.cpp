// vigilctl audit verify --db DB [--key FILE]
// Checks the database's audit log: hash chain, seq numbering and the HMAC seal
// over its head. 0 intact; 1 tampered, naming the first bad entry and what is
// wrong; 2 bad usage, unreadable database or key.
#include "vigilctl/Commands.h"

#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"

#include <QCommandLineParser>

#include <cstdio>
#include <optional>
#include <string>

namespace vigilctl {

namespace {

struct AuditOptions {
    std::string db;
    std::string keyPath;
};

std::optional<int> parseAudit(const QStringList& args, AuditOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Verify the tamper-evident audit log of a database."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("the only sub-command"));
    p.addOption({QStringLiteral("db"), QStringLiteral("Vigil database to check"), QStringLiteral("DB")});
    p.addOption({QStringLiteral("key"), QStringLiteral("audit key file (default: $XDG_CONFIG_HOME/vigil/audit.key)"),
                 QStringLiteral("FILE")});
    if (auto rc = parseArguments(p, args, "audit")) return rc;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || pos[0] != QLatin1String("verify"))
        return usageError(QStringLiteral("audit: expected 'audit verify --db DB [--key FILE]'"));
    if (!p.isSet(QStringLiteral("db")) || p.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("audit verify: --db DB is required"));
    o.db = p.value(QStringLiteral("db")).toStdString();
    o.keyPath =
        p.isSet(QStringLiteral("key")) ? p.value(QStringLiteral("key")).toStdString() : vigil::audit::defaultKeyPath();
    return std::nullopt;
}

int reportAudit(const std::string& db, const vigil::audit::AuditVerdict& verdict) {
    if (!verdict.intact) {
        if (verdict.badSeq > 0)
            std::printf("%s: audit log tampered, first bad entry seq %lld: %s\n", db.c_str(),
                        static_cast<long long>(verdict.badSeq), verdict.problem.c_str());
        else
            std::printf("%s: audit log tampered, seal: %s\n", db.c_str(), verdict.problem.c_str());
        return kFailed;
    }
    std::printf("%s: audit log intact: %lld entries, sealed head seq %lld\n", db.c_str(),
                static_cast<long long>(verdict.entries), static_cast<long long>(verdict.headSeq));
    return kOk;
}

}  // namespace

int cmdAudit(const QStringList& args) {
    AuditOptions o;
    if (auto rc = parseAudit(args, o)) return *rc;
    auto key = vigil::audit::loadKey(o.keyPath);  // never created here: a new key could not verify anything
    if (!key) return usageError(QStringLiteral("audit verify: ") + QString::fromStdString(key.error()));
    auto verdict = vigil::audit::verifyAuditLog(o.db, *key);
    if (!verdict) return usageError(QStringLiteral("audit verify: ") + QString::fromStdString(verdict.error()));
    return reportAudit(o.db, *verdict);
}

}  // namespace vigilctl
