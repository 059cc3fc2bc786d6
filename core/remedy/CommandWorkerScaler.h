// WorkerScaler that runs a configured command, e.g.
//   {"kubectl", "scale", "deployment/claimers", "--replicas={replicas}"}
// as program + arguments (QProcess, no shell): placeholders are substituted
// inside each argument, so a value with spaces or quotes stays one argument and
// nothing is ever interpreted by a shell. Placeholders: {replicas}, {current},
// {pool}. A shell as the program is refused: it would turn arguments back into
// a command line.
#pragma once

#include "remedy/WorkerScaler.h"
#include "store/Result.h"

#include <memory>
#include <string>
#include <vector>

namespace vigil::remedy {

class CommandWorkerScaler final : public WorkerScaler {
public:
    // Checks the template: a program, no unknown {placeholder}, no shell.
    static store::Result<std::unique_ptr<CommandWorkerScaler>> create(std::vector<std::string> argvTemplate,
                                                                      int timeoutMs = 30000);
    // The argv that would run (for dry-run and the approval evidence).
    std::vector<std::string> argvFor(const std::string& pool, int current, int replicas) const;
    // Runs it; ok when it exits 0 within the timeout. The detail names the
    // command and carries its output (first 2000 bytes).
    ScaleResult setReplicas(const std::string& pool, int current, int replicas) override;

private:
    CommandWorkerScaler(std::vector<std::string> argv, int timeoutMs) : argv_(std::move(argv)), timeoutMs_(timeoutMs) {}
    std::vector<std::string> argv_;
    int timeoutMs_;
};

}  // namespace vigil::remedy
