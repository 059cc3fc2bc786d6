#include "remedy/CommandWorkerScaler.h"

#include <QProcess>
#include <QStringList>

#include <array>

namespace vigil::remedy {

using store::Result;
using store::Status;

namespace {

constexpr std::array<std::string_view, 3> kPlaceholders{"{replicas}", "{current}", "{pool}"};
constexpr std::array<std::string_view, 10> kShells{"sh", "bash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox"};

std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isShell(const std::string& program) {
    const std::string b = baseName(program);
    for (auto s : kShells)
        if (b == s) return true;
    return false;
}

// The first "{word}" in arg that is not a known placeholder, or empty.
std::string unknownPlaceholder(const std::string& arg) {
    for (std::size_t open = arg.find('{'); open != std::string::npos; open = arg.find('{', open + 1)) {
        const std::size_t close = arg.find('}', open);
        if (close == std::string::npos) return {};
        const std::string_view word(arg.data() + open, close - open + 1);
        bool known = false;
        for (auto p : kPlaceholders) known = known || word == p;
        const std::string_view inner = word.substr(1, word.size() - 2);
        const bool looksLikeOne = !inner.empty() && inner.find_first_of(" \t\"'{:") == std::string_view::npos;
        if (!known && looksLikeOne) return std::string(word);
    }
    return {};
}

std::string quoted(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) {
        if (!out.empty()) out += ' ';
        const bool plain = !a.empty() && a.find_first_of(" \t\"'\\$`") == std::string::npos;
        if (plain) {
            out += a;
            continue;
        }
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

}  // namespace

Result<std::unique_ptr<CommandWorkerScaler>> CommandWorkerScaler::create(std::vector<std::string> argv, int timeoutMs) {
    if (argv.empty() || argv[0].empty()) return Status::failure("scale command: empty argv (expected a program and its arguments)");
    if (isShell(argv[0]))
        return Status::failure("scale command: argv[0] '" + argv[0] +
                               "' is a shell; give the program itself (its arguments are passed without a shell)");
    for (std::size_t i = 0; i < argv.size(); ++i)
        if (auto bad = unknownPlaceholder(argv[i]); !bad.empty())
            return Status::failure("scale command: argv[" + std::to_string(i) + "] '" + argv[i] + "': unknown placeholder " +
                                   bad + " (known: {replicas}, {current}, {pool})");
    if (timeoutMs <= 0) return Status::failure("scale command: timeout must be positive");
    return std::unique_ptr<CommandWorkerScaler>(new CommandWorkerScaler(std::move(argv), timeoutMs));
}

std::vector<std::string> CommandWorkerScaler::argvFor(const std::string& pool, int current, int replicas) const {
    std::vector<std::string> out = argv_;
    for (std::string& a : out) {
        // Values are substituted once, left to right per placeholder kind; a
        // pool name containing "{replicas}" is not substituted again.
        std::string r;
        for (std::size_t i = 0; i < a.size();) {
            bool hit = false;
            for (auto [ph, value] : {std::pair<std::string_view, std::string>{"{replicas}", std::to_string(replicas)},
                                     {"{current}", std::to_string(current)},
                                     {"{pool}", pool}}) {
                if (a.compare(i, ph.size(), ph) == 0) {
                    r += value;
                    i += ph.size();
                    hit = true;
                    break;
                }
            }
            if (!hit) r += a[i++];
        }
        a = std::move(r);
    }
    return out;
}

ScaleResult CommandWorkerScaler::setReplicas(const std::string& pool, int current, int replicas) {
    const std::vector<std::string> argv = argvFor(pool, current, replicas);
    QStringList args;
    for (std::size_t i = 1; i < argv.size(); ++i) args << QString::fromStdString(argv[i]);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QString::fromStdString(argv[0]), args);
    const std::string cmd = quoted(argv);
    if (!p.waitForStarted(timeoutMs_)) return {false, cmd + ": cannot start: " + p.errorString().toStdString()};
    if (!p.waitForFinished(timeoutMs_)) {
        p.kill();
        p.waitForFinished(1000);
        return {false, cmd + ": no answer within " + std::to_string(timeoutMs_) + " ms, killed"};
    }
    std::string output = p.readAll().left(2000).toStdString();
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
    if (p.exitStatus() != QProcess::NormalExit) return {false, cmd + ": crashed" + (output.empty() ? "" : ": " + output)};
    if (p.exitCode() != 0)
        return {false, cmd + ": exit code " + std::to_string(p.exitCode()) + (output.empty() ? "" : ": " + output)};
    return {true, cmd + (output.empty() ? std::string() : ": " + output)};
}

}  // namespace vigil::remedy
