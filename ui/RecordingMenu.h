// File → Record… / Stop recording / Always record to a folder… in the live
// console (issue #12): the live engine's input recorded to .ndjson.gz through
// the engine's RecordingTap (core/replay/InputRecorder.h), so recording never
// blocks the GUI or the engine. A permanent status-bar label says "Recording to
// FILE (N records)"; a failed write (a full disk, an unwritable file) stops the
// recording with the reason naming the file in the status bar, and nothing else
// changes. The "always record" folder is ConsoleSettings::recordDir: each start
// of the console records to vigil-YYYYMMDD-HHMMSS.ndjson.gz there.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>
#include <thread>
#include <vector>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;

namespace vigil {
class InputRecorder;
class RecordingTap;
}  // namespace vigil

namespace vigil::ui {

class RecordingMenu : public QObject {
    Q_OBJECT
public:
    // Adds the actions to the window's File menu (before Settings…) and the
    // label to its status bar. `tap` must outlive this object.
    RecordingMenu(RecordingTap& tap, QMainWindow* window, QMenu* fileMenu);
    ~RecordingMenu() override;  // finishes a recording in progress (the file stays whole)

    // Starts recording to `path`; false with the reason in the status bar.
    bool startTo(const QString& path);
    // Starts recording to a new file named by the time in `dir` (the setting).
    bool startIn(const QString& dir, const QDateTime& at = QDateTime::currentDateTime());
    // Stops; the file is finished off the GUI thread.
    void stop();
    // The "always record" folder changed in File → Settings: the menu's check
    // follows it, and with a folder and no recording running, one starts there now.
    void followAlwaysFolder(const QString& dir);
    bool recording() const { return bool(recorder_); }
    QString path() const { return path_; }

    static QString fileNameFor(const QDateTime& at);  // "vigil-20261130-050102.ndjson.gz"
    QAction* recordAction() const { return record_; }
    QAction* stopAction() const { return stop_; }
    QAction* alwaysAction() const { return always_; }
    QLabel* statusLabel() const { return label_; }

signals:
    void stopped(const QString& path, const QString& error);  // error empty: finished cleanly

private:
    void chooseFile();
    void chooseAlways(bool on);
    void refresh();  // timer: the count, or a failure
    void finishInBackground(std::shared_ptr<InputRecorder> r, const QString& error);

    RecordingTap& tap_;
    QMainWindow* window_;
    QAction* record_;
    QAction* stop_;
    QAction* always_;
    QLabel* label_;
    QTimer timer_;
    std::shared_ptr<InputRecorder> recorder_;
    QString path_;
    std::vector<std::thread> finishing_;  // joined in the destructor: every file is finished
};

}  // namespace vigil::ui
