// MainWindow's recording side: File → Open recording…, Recent recordings, drag
// and drop of a log, and the look of a replay window. Kept apart from
// MainWindow.cpp so the live console's assembly stays short.
#include "ui/MainWindow.h"

#include "ui/ActionLogModel.h"
#include "ui/EngineActivityFeed.h"
#include "ui/EscalationModel.h"
#include "ui/RecentRecordings.h"
#include "ui/TimelineModel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>

namespace vigil::ui {

namespace {
bool isRecording(const QString& path) {
    return path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".ndjson.gz"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive);
}

QString droppedRecording(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && isRecording(url.toLocalFile())) return url.toLocalFile();
    return {};
}
}  // namespace

void MainWindow::addRecordingActions(QMenu* file) {
    setAcceptDrops(true);
    QAction* open = file->addAction(tr("&Open recording…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), QString(),
                                                          tr("Vigil recordings (*.ndjson *.ndjson.gz *.jsonl);;All files (*)"));
        if (!path.isEmpty()) emit openRecordingRequested(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openRecordingAction"));
    recentMenu_ = file->addMenu(tr("Recent &recordings"));
    recentMenu_->setObjectName(QStringLiteral("recentRecordingsMenu"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    file->addSeparator();
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = RecentRecordings::list();
    for (const QString& path : recent) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName(), this,
                                            [this, path] { emit openRecordingRequested(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (recent.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear list"), this, [] { RecentRecordings::clear(); })->setEnabled(!recent.isEmpty());
}

void MainWindow::showAsReplay(const QString& path, QWidget* controls) {
    replayOf_ = path;
    const QString name = QFileInfo(path).fileName();
    setObjectName(QStringLiteral("vigilReplayWindow"));
    setWindowTitle(tr("Replay of %1 — Vigil").arg(name));
    auto* badge = new QLabel(tr("REPLAY of %1 — not the live fleet; actions are simulated, nothing is sent").arg(name));
    badge->setObjectName(QStringLiteral("replayBadge"));
    badge->setStyleSheet(QStringLiteral("QLabel { background: #7a4b00; color: white; padding: 1px 8px; font-weight: bold; }"));
    badge->setToolTip(path);
    statusBar()->insertPermanentWidget(0, badge);
    auto* bar = new QToolBar(tr("Replay"), this);
    bar->setObjectName(QStringLiteral("replayToolBar"));
    bar->setMovable(false);
    bar->addWidget(controls);
    addToolBar(Qt::TopToolBarArea, bar);
}

void MainWindow::attachEngineActivity(EngineActivityFeed* feed) {
    if (!feed) return;
    connect(feed, &EngineActivityFeed::records, timeline_, &TimelineModel::addRecords);
    connect(feed, &EngineActivityFeed::records, actions_, &ActionLogModel::addRecords);
    connect(feed, &EngineActivityFeed::records, escalations_, &EscalationModel::addRecords);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (!droppedRecording(e->mimeData()).isEmpty()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    const QString path = droppedRecording(e->mimeData());
    if (path.isEmpty()) return;
    e->acceptProposedAction();
    emit openRecordingRequested(path);
}

}  // namespace vigil::ui
