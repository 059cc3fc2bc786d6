// The one way a front end records what its engine sees into a database: after
// each batch, the inputs, then what the stages made of them, in engine order
// (the console, `vigilctl run` and `vigilctl replay --db` alike).
#pragma once

#include "engine/Engine.h"
#include "store/StoreWriter.h"

namespace vigil::app {

// `writer` must outlive the engine's thread (stop the engine before closing it).
inline Engine::Sink storeSink(store::StoreWriter& writer) {
    return [&writer](const std::vector<Record>& in, const std::vector<Record>& out) {
        writer.append(in);
        if (!out.empty()) writer.append(out);
    };
}

inline void addStoreSink(Engine& engine, store::StoreWriter& writer) { engine.addSink(storeSink(writer)); }

}  // namespace vigil::app
