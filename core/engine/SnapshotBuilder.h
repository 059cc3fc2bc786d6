// What the UI and the CLI see of the engine's recent past, kept beside the stages
// as a sink (like the store): it reads every batch's inputs and outputs after the
// stages ran, and fills a Snapshot's content when the engine publishes one. The
// engine itself only schedules stages; it adds the header (sequence, time,
// counters, queue) and never looks at what the records mean.
#pragma once

#include "engine/FleetState.h"
#include "engine/SeriesWindow.h"
#include "engine/Snapshot.h"

#include <deque>
#include <map>
#include <string>

namespace vigil {

struct SnapshotOptions {
    std::size_t seriesCapacity = 4096;  // points kept per series for the charts; 0: none (headless, no charts)
    std::size_t recentAnomalies = 500;  // newest anomalies kept
    std::size_t seriesLimit = 10'000;   // series kept (least recently updated forgotten, counted)
    std::size_t agentLimit = 10'000;    // agents kept (least recently heard forgotten, counted)
    std::size_t incidentLimit = 2'000;  // incidents kept (the oldest resolved forgotten first, counted)
};

class SnapshotBuilder {
public:
    explicit SnapshotBuilder(SnapshotOptions opts = {});

    // On the engine thread: each input the engine admitted (a record its time gate
    // refused never reaches the charts), then each batch's outputs.
    void consumeInput(const Record& in);
    void consumeOutputs(const std::vector<Record>& outputs);
    // Series tails, agents (health judged at `s.engineTime`), recent anomalies, the
    // latest state of every incident, and what the series window and fleet forgot
    // (appended to s.counters.evictions).
    void fill(Snapshot& s) const;

private:
    SnapshotOptions opts_;
    SeriesWindow series_;
    FleetState fleet_;
    std::deque<Anomaly> anomalies_;
    std::map<std::string, Incident> incidents_;
    std::int64_t incidentsForgotten_ = 0;
    std::int64_t silenced_ = 0;
};

}  // namespace vigil
