// vigilctl's sub-commands. Each lives in its own cmd_<name>.cpp and is listed
// once in the table in Commands.cpp. Exit codes (DESIGN.md): 0 success, 1 the
// checked thing failed, 2 bad usage or unreadable input (one-line reason on stderr).
#pragma once

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace vigilctl {

enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2 };

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args);  // args[0] is the command name
};

// Prints "vigilctl: <message>" on stderr and returns kUsage.
int usageError(const QString& message);

// The one way a command reads its arguments: parses `args` with `p`. Returns
// nothing when the command should go on; else its exit code, after the help text
// on stdout (--help: kOk) or "vigilctl: COMMAND: reason" on stderr (kUsage).
// Each command is then parse -> run -> report.
std::optional<int> parseArguments(QCommandLineParser& p, const QStringList& args, const char* command);

int cmdSimulate(const QStringList& args);
int cmdReplay(const QStringList& args);
int cmdRun(const QStringList& args);
int cmdEvaluate(const QStringList& args);
int cmdNab(const QStringList& args);
int cmdNabScore(const QStringList& args);
int cmdLogparse(const QStringList& args);
int cmdLogbench(const QStringList& args);
int cmdPolicy(const QStringList& args);
int cmdApprovals(const QStringList& args);
int cmdAutomation(const QStringList& args);
int cmdAudit(const QStringList& args);
int cmdActions(const QStringList& args);
int cmdSignoff(const QStringList& args);
int cmdConfig(const QStringList& args);
int cmdBench(const QStringList& args);
int cmdReport(const QStringList& args);
int cmdFeedback(const QStringList& args);
int cmdLearn(const QStringList& args);
int cmdSilence(const QStringList& args);

const Command* commands();  // terminated by {nullptr, ...}

}  // namespace vigilctl
