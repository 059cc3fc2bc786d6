// vigilctl policy check FILE
// Loads a remediation policy the way the engine would and prints a one-line
// summary (exit 0), or the first mistake as FILE:LINE: key: reason (exit 2),
// so an edit can be checked before a running Vigil is asked to reload it.
#include "vigilctl/Commands.h"

#include "remedy/PolicyLoader.h"

#include <QCommandLineParser>

#include <cstdio>

namespace vigilctl {

namespace {

std::string seconds(vigil::TimestampMs ms) {
    if (ms % 60'000 == 0) return std::to_string(ms / 60'000) + " min";
    return std::to_string(ms / 1000) + " s";
}

}  // namespace

int cmdPolicy(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("vigilctl policy check FILE: validate a remediation policy (docs/policy.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), QStringLiteral("The only sub-command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Policy YAML file."));
    if (auto rc = parseArguments(parser, args, "policy")) return *rc;
    const QStringList pos = parser.positionalArguments();  // args[0], "policy", is the program name to the parser
    if (pos.isEmpty() || pos[0] != QLatin1String("check"))
        return usageError(QStringLiteral("policy: expected 'policy check FILE'"));
    if (pos.size() != 2) return usageError(QStringLiteral("policy check: expected exactly one FILE"));

    vigil::remedy::Policy p;
    std::string error;
    if (!vigil::remedy::loadPolicyFile(pos[1].toStdString(), p, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());  // FILE:LINE: key: reason, as compilers print it
        return kUsage;
    }
    std::size_t actions = 0;
    for (const auto& r : p.rules)
        for (const auto& s : r.playbook) actions += 1 + s.alternatives.size();
    std::printf("policy %s: ok: %zu rules, %zu actions; approval_limit %s ETH, two_person_limit %s ETH, approval expiry %s; "
                "budget %d actions per %s per target (%zu overrides); cooldown %s; dry_run %s; kill_switch %s\n",
                p.source.c_str(), p.rules.size(), actions, vigil::remedy::formatEth(p.approvalLimit).c_str(),
                vigil::remedy::formatEth(p.twoPersonLimit).c_str(), seconds(p.approvalExpiryMs).c_str(),
                p.budget.maxActions, seconds(p.budget.windowMs).c_str(), p.budgetOverrides.size(),
                seconds(p.cooldownMs).c_str(), p.dryRun ? "on" : "off", p.killSwitch ? "on" : "off");
    return kOk;
}

}  // namespace vigilctl
