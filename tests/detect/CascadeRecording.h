// A 40-minute cascade recording from the simulator (seed 7), made once per test
// binary: every series the fleet has, with the faults the detectors look for.
#pragma once

#include "sim/FleetSimulator.h"

#include <vector>

namespace vigil::detecttest {

inline const std::vector<Record>& cascadeRecording() {
    static const std::vector<Record> recs = [] {
        FleetSimulator sim(ScenarioSpec{"cascade", 2400, false}, 7);
        std::vector<Record> out;
        sim.advance(sim.start() + 2400 * 1000, out);
        return out;
    }();
    return recs;
}

}  // namespace vigil::detecttest
