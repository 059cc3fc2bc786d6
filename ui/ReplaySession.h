// One replay in the console: a ReplayController on the recording, an
// EngineBridge on its engine (the same hand-over as the live engine: the GUI
// never waits on the replay), a MainWindow titled "Replay of FILE" with the
// ReplayBar. The live window, if any, goes on untouched. A session deletes
// itself when its window closes.
#pragma once

#include "correlate/Sensitivity.h"
#include "replay/ReplayController.h"
#include "ui/EngineBridge.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace vigil::ui {

class MainWindow;
class EngineActivityFeed;
class ReplayBar;

// What a replay runs: the install function for its engine and whatever that
// function uses (a policy, a recording actuator), kept alive with the session;
// setSensitivity, when given, sets the detector sensitivity before the install
// (app/common/ReplayPipeline::setSensitivity).
struct ReplayStages {
    ReplayController::Install install;
    std::shared_ptr<void> owner;
    std::function<void(Sensitivity)> setSensitivity;
};
using ReplayStagesFactory = std::function<ReplayStages(std::string& error)>;

class ReplaySession : public QObject {
    Q_OBJECT
public:
    // Null with error (naming the file) when the recording cannot be opened. The
    // window is not shown yet; the replay waits paused at the start. The detector
    // sensitivity holds for the whole run (deterministic); stages without
    // setSensitivity take only Normal.
    static ReplaySession* open(const QString& path, const ReplayStagesFactory& stages, QString& error,
                               QObject* parent = nullptr, Sensitivity sensitivity = Sensitivity::Normal);
    ~ReplaySession() override;

    ReplayController& replay() { return *replay_; }
    EngineBridge* bridge() const { return bridge_.get(); }
    MainWindow* window() const { return window_; }
    ReplayBar* bar() const { return bar_; }
    EngineActivityFeed* activity() const { return activity_; }
    QString path() const { return path_; }
    Sensitivity sensitivity() const { return sensitivity_; }

private:
    ReplaySession(QObject* parent) : QObject(parent) {}
    std::shared_ptr<void> owner_;
    QString path_;
    Sensitivity sensitivity_ = Sensitivity::Normal;
    std::unique_ptr<ReplayController> replay_;
    std::unique_ptr<EngineBridge> bridge_;
    QPointer<MainWindow> window_;
    ReplayBar* bar_ = nullptr;
    EngineActivityFeed* activity_ = nullptr;  // child of the session
};

}  // namespace vigil::ui
