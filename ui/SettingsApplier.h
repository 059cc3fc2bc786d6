// File → Settings accepted: each changed setting takes effect now, not at the
// next start. The notification switches and rate are the window's own
// (MainWindow::applyNotificationSettings); this applies the rest: the detector
// sensitivity is requested from the engine (SensitivityDial::request, an atomic
// store: the GUI never waits; the engine takes it between batches), the
// always-record folder starts a recording there now when none runs. The
// database, the policy file and the sign-off service are opened once at start:
// when they changed, the status bar says they take effect at the next start.
#pragma once

#include "correlate/Sensitivity.h"
#include "ui/ConsoleSettings.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QMainWindow;

namespace vigil::ui {

class RecordingMenu;

class SettingsApplier : public QObject {
    Q_OBJECT
public:
    // `dial` and `recording` may be null (no engine dial, no live input).
    SettingsApplier(QMainWindow* window, std::shared_ptr<SensitivityDial> dial, RecordingMenu* recording);

    // The changed settings that only a restart applies, by their names in the dialog.
    static QStringList needRestart(const ConsoleSettings& before, const ConsoleSettings& after);
    // What the status bar said last ("" when nothing needs a restart).
    QString lastMessage() const { return message_; }

public slots:
    void apply(const vigil::ui::ConsoleSettings& before, const vigil::ui::ConsoleSettings& after);

private:
    QMainWindow* window_;
    std::shared_ptr<SensitivityDial> dial_;
    RecordingMenu* recording_;
    QString message_;
};

}  // namespace vigil::ui
