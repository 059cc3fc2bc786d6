#include "vigilctl/Commands.h"

#include <QCommandLineParser>

#include <cstdio>

namespace vigilctl {

int usageError(const QString& message) {
    std::fprintf(stderr, "vigilctl: %s\n", qPrintable(message));
    return kUsage;
}

std::optional<int> parseArguments(QCommandLineParser& p, const QStringList& args, const char* command) {
    if (!p.parse(args)) return usageError(QString::fromUtf8(command) + QStringLiteral(": ") + p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return kOk;
    }
    return std::nullopt;
}

const Command* commands() {
    static const Command table[] = {
        {"simulate", "generate a demo-fleet recording with fault labels", cmdSimulate},
        {"replay", "feed a recorded log through the engine (and into a database)", cmdReplay},
        {"run", "run the engine live on the demo fleet, headless", cmdRun},
        {"evaluate", "score detection + correlation against the demo fleet's fault labels", cmdEvaluate},
        {"nab", "NAB results CSVs (anomaly_score per row) for every data CSV under a folder", cmdNab},
        {"nab-score", "score NAB results with the benchmark's rules, all three profiles", cmdNabScore},
        {"logparse", "assign a log template id to every line of a message file", cmdLogparse},
        {"logbench", "grouping accuracy of the log miner on Loghub samples", cmdLogbench},
        {"policy", "check a remediation policy file (policy check FILE)", cmdPolicy},
        {"approvals", "list, show, approve or reject approval requests", cmdApprovals},
        {"automation", "pause, resume or dry-run all automatic actions (status)", cmdAutomation},
        {"actions", "list the actions Vigil took or proposed, and its escalations", cmdActions},
        {"signoff", "serve the approval queue to sign-off desks over HTTP(S) (signoff serve)", cmdSignoff},
        {"report", "write an incident report (HTML, PDF or JSON) from a database (report --db DB --out F)", cmdReport},
        {"audit", "verify the tamper-evident audit log of a database (audit verify --db DB)", cmdAudit},
        {"config", "check a live-sources configuration (config check FILE)", cmdConfig},
        {"feedback", "an operator's word on an incident: false alarm, real, action helped or useless", cmdFeedback},
        {"learn", "what Vigil learned from feedback and outcomes: list, update, revert, export, import", cmdLearn},
        {"bench", "loopback ingest benchmark: records/s and send->processed latency (bench ingest)", cmdBench},
        {"silence", "silences and maintenance windows (silence add|list|expire --db DB)", cmdSilence},
        {nullptr, nullptr, nullptr},
    };
    return table;
}

}  // namespace vigilctl
