// File → Settings accepted in a replay window. What applies to a replay:
// - the notification switches and rate: at once (MainWindow, as live);
// - the detector sensitivity: a replay's results must follow from the recording
//   and one set of settings, so a new sensitivity restarts the replay from its
//   start under it — the recording opens again in a new window at the old
//   window's place and speed, playing if it played, and the old one closes
//   (its outputs are byte-identical to a headless replay at that sensitivity).
// What does not: the database, the policy file, the sign-off service and the
// recording folder belong to the live console; the status bar names them.
#pragma once

#include "ui/ConsoleSettings.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace vigil::ui {

class RecordingOpener;
class ReplaySession;

class ReplaySettingsApplier : public QObject {
    Q_OBJECT
public:
    // A child of the session's window; `opener` reopens the recording and must outlive it.
    ReplaySettingsApplier(ReplaySession* session, RecordingOpener* opener);

    // The changed settings that do not apply to a replay, by their names in the dialog.
    static QStringList notForReplay(const ConsoleSettings& before, const ConsoleSettings& after);
    // What the status bar said last.
    QString lastMessage() const { return message_; }

public slots:
    void apply(const vigil::ui::ConsoleSettings& before, const vigil::ui::ConsoleSettings& after);

signals:
    // The replay restarted under a new sensitivity in `session` (this one's window closes).
    void restarted(vigil::ui::ReplaySession* session);

private:
    QPointer<ReplaySession> session_;
    RecordingOpener* opener_;
    QString message_;
};

}  // namespace vigil::ui
