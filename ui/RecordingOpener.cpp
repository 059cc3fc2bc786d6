#include "ui/RecordingOpener.h"

#include "ui/MainWindow.h"
#include "ui/RecentRecordings.h"

#include <QMessageBox>

namespace vigil::ui {

void RecordingOpener::watch(MainWindow* window) {
    connect(window, &MainWindow::openRecordingRequested, this, [this, window](const QString& path) {
        QString error;
        if (!open(path, error))
            QMessageBox::warning(window, tr("Open recording"), tr("Cannot replay this recording:\n%1").arg(error));
    });
}

ReplaySession* RecordingOpener::open(const QString& path, QString& error, bool play) {
    ReplaySession* s = ReplaySession::open(path, stages_, error, this);
    if (!s) return nullptr;
    RecentRecordings::add(path);
    watch(s->window());
    if (compare_) new WhatIfCompare(s->window(), path, compare_);  // owned by the window
    s->window()->show();
    if (play) s->replay().play();
    emit opened(s);
    return s;
}

}  // namespace vigil::ui
