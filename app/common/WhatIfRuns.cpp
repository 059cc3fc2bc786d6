#include "common/WhatIfRuns.h"

#include "remedy/RemediationPlanner.h"
#include "replay/LogFileReader.h"

namespace vigil::app {

namespace {
// Nothing draws these runs' series (what they produce is compared, reported and put on
// a timeline): the snapshot keeps no chart points, which spares a copy of every sample.
EngineOptions headless() {
    EngineOptions o;
    o.snapshot.seriesCapacity = 0;
    return o;
}
}  // namespace

WhatIfEngine::WhatIfEngine(const WhatIfSide& side) : label_(side.label), engine_(clock_, headless()) {
    installDefaultStages(engine_, side.cfg);
    if (side.policy) {
        policy_ = std::make_unique<remedy::LivePolicy>(*side.policy);
        engine_.addStage(std::make_unique<remedy::RemediationPlanner>(clock_, *policy_, actuator_));
    }
    engine_.addSink([this](const std::vector<Record>& in, const std::vector<Record>& out) { recorder_.add(in, out); });
}

bool runWhatIf(const std::string& log, const WhatIfSide& a, const WhatIfSide& b, WhatIfResult& out, std::string& error,
               const std::function<void(int, const RunRecords&, const DecodeStats&)>& onRun) {
    for (int side = 0; side < 2; ++side) {
        LogFileReader reader;
        if (!reader.open(log)) {
            error = reader.error();
            return false;
        }
        WhatIfEngine run(side == 0 ? a : b);
        run.engine().start();
        for (bool more = true; more;) {
            std::vector<Record> batch;
            batch.reserve(4096);
            more = reader.readBatch(batch, 4096);
            run.engine().submit(std::move(batch));
        }
        run.engine().stop();
        if (!reader.error().empty()) {
            error = reader.error();
            return false;
        }
        if (reader.stats().records == 0) {
            error =
                reader.path() + ": no valid record (" + std::to_string(reader.stats().malformed) + " malformed lines)";
            return false;
        }
        out.runs[side] = run.take();
        if (side == 0) out.input = reader.stats();
        if (onRun) onRun(side, out.runs[side], reader.stats());
    }
    out.diff = compareRuns(out.runs[0], out.runs[1]);
    return true;
}

}  // namespace vigil::app
