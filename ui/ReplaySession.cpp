#include "ui/ReplaySession.h"

#include "ui/EngineActivityFeed.h"
#include "ui/EngineBridge.h"
#include "ui/MainWindow.h"
#include "ui/ReplayBar.h"

#include "engine/FixedSensitivity.h"
#include "engine/Pipeline.h"

namespace vigil::ui {

namespace {
constexpr int kWorkerNice = 10;  // measured in docs/performance.md (GUI event loop during a console replay)
}  // namespace

ReplaySession* ReplaySession::open(const QString& path, const ReplayStagesFactory& stages, QString& error,
                                   QObject* parent, Sensitivity sensitivity) {
    std::unique_ptr<ReplaySession> s(new ReplaySession(parent));
    std::string why;
    ReplayStages st;
    if (stages) {
        st = stages(why);
        if (!st.install) {
            error = QString::fromStdString(why);
            return nullptr;
        }
        if (st.setSensitivity) st.setSensitivity(sensitivity);
        else if (sensitivity != Sensitivity::Normal) {
            error = tr("%1: this replay's stages take no detector sensitivity but normal").arg(path);
            return nullptr;
        }
    }
    s->owner_ = st.owner;
    s->path_ = path;
    s->sensitivity_ = sensitivity;
    const PipelineConfig defaults = pipelineAtSensitivity(sensitivity);  // when no stages were given
    // The simulated actions reach the timeline and the action log from the engine's outputs.
    s->activity_ = new EngineActivityFeed(250, s.get());
    s->replay_ = std::make_unique<ReplayController>(
        [install = st.install, defaults, sink = s->activity_->replaySink()](Engine& engine) {
            if (install) install(engine);
            else installDefaultStages(engine, defaults);
            engine.addSink(sink);
        },
        [] {
            ReplayControllerOptions o;
            o.workerNice = kWorkerNice;  // the GUI thread wins the cores (no stall over 50 ms)
            return o;
        }());
    if (!s->replay_->open(path.toStdString(), why)) {
        error = QString::fromStdString(why);
        return nullptr;
    }
    s->bridge_ = std::make_unique<EngineBridge>(s->replay_->engine());
    s->window_ = new MainWindow(s->bridge_.get());
    s->window_->setAttribute(Qt::WA_DeleteOnClose);
    s->bar_ = new ReplayBar(*s->replay_);
    s->bar_->setSpeed(100);  // a quarter-hour incident in about ten seconds; the bar changes it
    s->window_->showAsReplay(path, s->bar_);
    s->window_->attachEngineActivity(s->activity_);
    connect(s->window_, &QObject::destroyed, s.get(), &QObject::deleteLater);
    s->bridge_->start();
    return s.release();
}

ReplaySession::~ReplaySession() {
    // The window reads the bridge; the bridge the engine: gone in that order.
    delete window_.data();
    if (bridge_) bridge_->stop();
    bridge_.reset();
    replay_.reset();
}

}  // namespace vigil::ui
