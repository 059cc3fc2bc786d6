#include "ui/ReplaySession.h"

#include "ui/EngineBridge.h"
#include "ui/MainWindow.h"
#include "ui/ReplayBar.h"

namespace vigil::ui {

ReplaySession* ReplaySession::open(const QString& path, const ReplayStagesFactory& stages, QString& error,
                                   QObject* parent) {
    std::unique_ptr<ReplaySession> s(new ReplaySession(parent));
    std::string why;
    ReplayStages st;
    if (stages) {
        st = stages(why);
        if (!st.install) {
            error = QString::fromStdString(why);
            return nullptr;
        }
    }
    s->owner_ = st.owner;
    s->replay_ = std::make_unique<ReplayController>(st.install);
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
