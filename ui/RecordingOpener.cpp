#include "ui/RecordingOpener.h"

#include "ui/MainWindow.h"
#include "ui/RecentRecordings.h"
#include "ui/ReplaySettingsApplier.h"
#include "ui/StoredSettingsUse.h"

#include <QMessageBox>
#include <QSettings>

namespace vigil::ui {

void RecordingOpener::watch(MainWindow* window) {
    connect(window, &MainWindow::openRecordingRequested, this, [this, window](const QString& path) {
        QString error;
        if (!open(path, error))
            QMessageBox::warning(window, tr("Open recording"), tr("Cannot replay this recording:\n%1").arg(error));
    });
}

ReplaySession* RecordingOpener::open(const QString& path, QString& error, bool play,
                                     std::optional<Sensitivity> sensitivity) {
    const Sensitivity level = sensitivity ? *sensitivity : sensitivityOf(ConsoleSettings::load(QSettings()));
    ReplaySession* s = ReplaySession::open(path, stages_, error, this, level);
    if (!s) return nullptr;
    RecentRecordings::add(path);
    watch(s->window());
    auto* settings = new ReplaySettingsApplier(s, this);  // owned by the window
    connect(s->window(), &MainWindow::settingsAccepted, settings, &ReplaySettingsApplier::apply);
    if (compare_) new WhatIfCompare(s->window(), path, compare_);  // owned by the window
    s->window()->show();
    if (play) s->replay().play();
    emit opened(s);
    return s;
}

}  // namespace vigil::ui
