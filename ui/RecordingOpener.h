// Opens recordings as replay windows: from File → Open recording, drag and drop,
// the recent list or `vigil --replay`. A file that cannot be opened is said in a
// message box naming it; the console goes on.
#pragma once

#include "ui/ReplaySession.h"
#include "ui/WhatIfCompare.h"

#include <QObject>

#include <optional>

namespace vigil::ui {

class MainWindow;

class RecordingOpener : public QObject {
    Q_OBJECT
public:
    explicit RecordingOpener(ReplayStagesFactory stages, QObject* parent = nullptr)
        : QObject(parent), stages_(std::move(stages)) {}

    // Every open recording request of `window` (and of the replay windows this opens) comes here.
    void watch(MainWindow* window);
    // Null with error when it cannot be opened; else the session, its window shown
    // and (play = true) already playing. The detector sensitivity is the stored
    // setting's unless given. Settings accepted in its window apply to it
    // (ReplaySettingsApplier).
    ReplaySession* open(const QString& path, QString& error, bool play = false,
                        std::optional<Sensitivity> sensitivity = std::nullopt);
    // With a runner, replay windows get Replay → Compare with policy… (WhatIfCompare).
    void setCompare(WhatIfRunner runner) { compare_ = std::move(runner); }

signals:
    void opened(vigil::ui::ReplaySession* session);

private:
    ReplayStagesFactory stages_;
    WhatIfRunner compare_;
};

}  // namespace vigil::ui
