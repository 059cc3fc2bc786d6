// `vigilctl simulate --scenario NAME --duration S --seed N --connect HOST:PORT
// --token-file F [--speed X]`: the demo fleet paced on the wall clock (times
// --speed) and sent to a running Vigil through its raw-TCP ingest, the path a
// real agent takes (docs/telemetry.md "Live ingest").
#pragma once

#include "sim/Scenario.h"

#include <QString>

#include <cstdint>

namespace vigilctl {

int simulateConnect(const vigil::ScenarioSpec& spec, std::uint64_t seed, const QString& hostPort,
                    const QString& tokenFile, double speed);

}  // namespace vigilctl
