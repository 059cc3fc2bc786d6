// The console replaying a recording: a small generated cascade opened as a
// replay window and run as fast as possible gives the incidents of a headless
// run in the incident model; the window says it is a replay; File → Recent and
// drag and drop lead to the recording; a bad path is refused with its name.
#include "../replay/ReplayTestSupport.h"

#include "ui/EngineBridge.h"
#include "ui/IncidentListModel.h"
#include "ui/MainWindow.h"
#include "ui/RecentRecordings.h"
#include "ui/RecordingOpener.h"
#include "ui/ReplayBar.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <set>

using namespace vigil;

class TestReplayWindow : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString log_;
    std::set<std::string> headless_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_replaywindow"));
        ui::RecentRecordings::clear();
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson.gz"));
        QVERIFY(replaytest::writeFile(log_.toStdString(), replaytest::cascadeText(900), true));
        ReplayController headless;  // the default stages, as the window's replay below
        std::string error;
        QVERIFY(headless.open(log_.toStdString(), error));
        headless.play();
        headless.waitIdle();
        for (const auto& [id, inc] : headless.outputs().incidents) headless_.insert(id);
        QVERIFY(!headless_.empty());
    }

    void replayWindowShowsTheHeadlessIncidents() {
        ui::RecordingOpener opener(ui::ReplayStagesFactory{});  // default stages
        QString error;
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY2(s, qPrintable(error));
        ui::MainWindow* w = s->window();
        QVERIFY(w->isReplay());
        QVERIFY2(w->windowTitle().contains(QStringLiteral("Replay of cascade.ndjson.gz")), qPrintable(w->windowTitle()));
        auto* badge = w->findChild<QLabel*>(QStringLiteral("replayBadge"));
        QVERIFY(badge);
        QVERIFY(badge->text().startsWith(QStringLiteral("REPLAY of cascade.ndjson.gz")));
        QCOMPARE(ui::RecentRecordings::list().value(0), QFileInfo(log_).absoluteFilePath());

        // Paused at the start until Play; then as fast as possible.
        QVERIFY(!s->replay().progress().playing);
        s->bar()->setSpeed(0);
        QTest::mouseClick(s->bar()->playButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(s->replay().progress().finished, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(s->bar()->playButton()->text(), QStringLiteral("Ended"), 5000);
        // The bridge's next snapshots carry the final state to the incident model.
        auto* model = w->incidentModel();
        auto ids = [&] {
            std::set<std::string> got;
            for (int r = 0; r < model->rowCount(); ++r)
                got.insert(model->index(r, 0).data(ui::IncidentListModel::IdRole).toString().toStdString());
            return got;
        };
        QTRY_COMPARE_WITH_TIMEOUT(int(ids().size()), int(headless_.size()), 5000);
        QVERIFY(ids() == headless_);
        QVERIFY(s->bar()->positionLabel()->text().contains(QStringLiteral("100 %")));
        QVERIFY(s->bar()->problemsLabel()->text().isEmpty());
    }

    void recentAndDroppedFilesAskToBeOpened() {
        ui::RecordingOpener opener(ui::ReplayStagesFactory{});
        QString error;
        ui::ReplaySession* s = opener.open(log_, error);
        QVERIFY(s);
        ui::MainWindow* w = s->window();
        QSignalSpy asked(w, &ui::MainWindow::openRecordingRequested);
        // A file dropped on the window.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(log_)});
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        // (QApplication delivers drops only to the current drag's target: straight to the window.)
        QVERIFY(w->acceptDrops());
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        static_cast<QObject*>(w)->event(&enter);
        QVERIFY(enter.isAccepted());
        static_cast<QObject*>(w)->event(&drop);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), log_);
        // Something else dropped: not taken.
        QMimeData other;
        other.setUrls({QUrl::fromLocalFile(dir_.filePath(QStringLiteral("notes.txt")))});
        QDropEvent drop2(QPointF(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        QDragEnterEvent enter2(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        enter2.setAccepted(false);
        static_cast<QObject*>(w)->event(&enter2);
        QVERIFY(!enter2.isAccepted());
        static_cast<QObject*>(w)->event(&drop2);
        QCOMPARE(asked.size(), 1);
        // File → Recent recordings names it.
        auto* recent = w->findChild<QMenu*>(QStringLiteral("recentRecordingsMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QVERIFY(!recent->actions().isEmpty());
        QCOMPARE(recent->actions().first()->text(), QStringLiteral("cascade.ndjson.gz"));
        recent->actions().first()->trigger();
        QCOMPARE(asked.size(), 2);
    }

    void unreadableRecordingIsRefusedWithItsName() {
        ui::RecordingOpener opener(ui::ReplayStagesFactory{});
        QString error;
        QVERIFY(!opener.open(QStringLiteral("/nonexistent/rec.ndjson"), error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/rec.ndjson: ")), qPrintable(error));
    }
};

QTEST_MAIN(TestReplayWindow)
#include "tst_replaywindow.moc"
