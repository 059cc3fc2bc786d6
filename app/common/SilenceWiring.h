// Silences in the apps: the store poller feeding the engine's board, and the
// kind of an anomaly as the policy names it (remedy::signatureOf), which
// core/engine cannot see. One call for `vigilctl run`, `vigil` and replays.
#pragma once

#include "remedy/IncidentSignature.h"
#include "silence/SilenceMarker.h"
#include "silence/SilencePoller.h"

#include <memory>
#include <string>

namespace vigil::app {

inline silence::AnomalyKindFn policyKindOf() {
    return [](const Anomaly& a) {
        const auto sig = remedy::signatureOf(a);
        return sig ? sig->kind : std::string();
    };
}

// The silences of database `dbPath` for an engine: read once now (so the engine
// starts with them) and then every second on the poller's thread.
struct StoreSilences {
    std::shared_ptr<silence::SilenceBoard> board = std::make_shared<silence::SilenceBoard>();
    std::unique_ptr<silence::SilencePoller> poller;

    explicit StoreSilences(const std::string& dbPath)
        : poller(std::make_unique<silence::SilencePoller>(dbPath, board)) {
        poller->pollOnce();
        poller->start();
    }
    silence::SilenceWiring wiring() const { return {board, policyKindOf()}; }
};

}  // namespace vigil::app
