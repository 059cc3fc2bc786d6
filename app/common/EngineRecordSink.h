// The collectors' RecordSink over the engine's bounded queue: offer() is
// Engine::trySubmit, so a full queue makes the collectors stop reading
// (core/collect/RecordSink.h) instead of blocking their io_context thread.
// Lives in app/ because core/collect must not know the engine.
#pragma once

#include "collect/RecordSink.h"
#include "engine/Engine.h"

namespace vigil::app {

class EngineRecordSink final : public collect::RecordSink {
public:
    explicit EngineRecordSink(Engine& engine) : engine_(engine) {}
    bool offer(std::vector<Record>& batch) override { return engine_.trySubmit(batch); }

private:
    Engine& engine_;
};

}  // namespace vigil::app
