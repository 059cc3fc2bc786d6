#include "ui/RecordingMenu.h"

#include "replay/InputRecorder.h"
#include "ui/ConsoleSettings.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>

namespace vigil::ui {

RecordingMenu::RecordingMenu(RecordingTap& tap, QMainWindow* window, QMenu* file)
    : QObject(window), tap_(tap), window_(window) {
    QAction* before = nullptr;
    for (QAction* a : file->actions())
        if (a->menuRole() == QAction::PreferencesRole) before = a;
    record_ = new QAction(tr("&Record…"), this);
    record_->setObjectName(QStringLiteral("recordAction"));
    record_->setStatusTip(tr("Record what the engine takes to a file that File → Open recording replays"));
    stop_ = new QAction(tr("S&top recording"), this);
    stop_->setObjectName(QStringLiteral("stopRecordingAction"));
    stop_->setEnabled(false);
    always_ = new QAction(tr("&Always record to a folder…"), this);
    always_->setObjectName(QStringLiteral("alwaysRecordAction"));
    always_->setCheckable(true);
    always_->setChecked(!ConsoleSettings::load(QSettings()).recordDir.isEmpty());
    file->insertActions(before, {record_, stop_, always_});
    file->insertSeparator(before);
    connect(record_, &QAction::triggered, this, &RecordingMenu::chooseFile);
    connect(stop_, &QAction::triggered, this, &RecordingMenu::stop);
    connect(always_, &QAction::triggered, this, &RecordingMenu::chooseAlways);

    label_ = new QLabel;
    label_->setObjectName(QStringLiteral("recordingLabel"));
    label_->setVisible(false);
    window->statusBar()->addPermanentWidget(label_);
    connect(&timer_, &QTimer::timeout, this, &RecordingMenu::refresh);
}

RecordingMenu::~RecordingMenu() {
    tap_.setRecorder(nullptr);
    if (recorder_) recorder_->finish();  // at exit: the file must be whole
    for (auto& t : finishing_) t.join();
}

QString RecordingMenu::fileNameFor(const QDateTime& at) {
    return QStringLiteral("vigil-%1.ndjson.gz").arg(at.toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

bool RecordingMenu::startTo(const QString& path) {
    if (recorder_) stop();
    std::string error;
    std::shared_ptr<InputRecorder> r = InputRecorder::start(QFile::encodeName(path).toStdString(), error);
    if (!r) {
        window_->statusBar()->showMessage(tr("Cannot record: %1").arg(QString::fromStdString(error)));
        return false;
    }
    recorder_ = std::move(r);
    path_ = path;
    tap_.setRecorder(recorder_);
    record_->setEnabled(false);
    stop_->setEnabled(true);
    label_->setVisible(true);
    refresh();
    timer_.start(1000);
    window_->statusBar()->showMessage(tr("Recording the live input to %1").arg(path), 5000);
    return true;
}

bool RecordingMenu::startIn(const QString& dir, const QDateTime& at) {
    return startTo(QDir(dir).filePath(fileNameFor(at)));
}

void RecordingMenu::stop() {
    if (!recorder_) return;
    tap_.setRecorder(nullptr);
    timer_.stop();
    finishInBackground(std::move(recorder_), {});
    recorder_.reset();
    record_->setEnabled(true);
    stop_->setEnabled(false);
    label_->setVisible(false);
}

void RecordingMenu::finishInBackground(std::shared_ptr<InputRecorder> r, const QString& why) {
    const QString path = path_;
    QPointer<RecordingMenu> self(this);
    // The rest of the queue and the gzip trailer are written on a thread of their
    // own; the result comes back to the GUI thread.
    finishing_.emplace_back([r = std::move(r), self, path, why] {
        const RecorderStats st = r->finish();
        const QString error = !why.isEmpty() ? why : QString::fromStdString(st.error);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, path, error, st] {
                if (!self) return;
                if (error.isEmpty())
                    self->window_->statusBar()->showMessage(tr("Recorded %1 records to %2").arg(st.written).arg(path),
                                                            10000);
                emit self->stopped(path, error);
            },
            Qt::QueuedConnection);
    });
}

void RecordingMenu::refresh() {
    if (!recorder_) return;
    const RecorderStats st = recorder_->stats();
    if (!st.error.empty()) {  // a full disk, a file gone: the recording stops, nothing else does
        const QString error = QString::fromStdString(st.error);
        tap_.setRecorder(nullptr);
        timer_.stop();
        finishInBackground(std::move(recorder_), error);
        recorder_.reset();
        record_->setEnabled(true);
        stop_->setEnabled(false);
        label_->setVisible(false);
        window_->statusBar()->showMessage(tr("Recording stopped: %1").arg(error));
        return;
    }
    label_->setText(tr("● Recording to %1 (%2 records)").arg(QFileInfo(path_).fileName()).arg(st.taken));
    label_->setToolTip(path_);
}

void RecordingMenu::chooseFile() {
    const QString path =
        QFileDialog::getSaveFileName(window_, tr("Record the live input"), fileNameFor(QDateTime::currentDateTime()),
                                     tr("Vigil recordings (*.ndjson.gz *.ndjson)"));
    if (!path.isEmpty()) startTo(path);
}

void RecordingMenu::followAlwaysFolder(const QString& dir) {
    always_->setChecked(!dir.isEmpty());
    if (!dir.isEmpty() && !recorder_) startIn(dir);
}

void RecordingMenu::chooseAlways(bool on) {
    QSettings settings;
    ConsoleSettings prefs = ConsoleSettings::load(settings);
    if (on) {
        const QString dir = QFileDialog::getExistingDirectory(window_, tr("Always record the live input to"));
        if (dir.isEmpty()) {
            always_->setChecked(false);
            return;
        }
        prefs.recordDir = dir;
        prefs.save(settings);
        if (!recorder_) startIn(dir);
    } else {
        prefs.recordDir.clear();
        prefs.save(settings);
    }
}

}  // namespace vigil::ui
