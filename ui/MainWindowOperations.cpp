// MainWindow's operations on the local database: silences, learning and the
// Incident menu. Kept apart from MainWindow.cpp so the window stays an assembler.
#include "ui/IncidentListModel.h"
#include "ui/IncidentPanel.h"
#include "ui/LearningPanel.h"
#include "ui/MainWindow.h"
#include "ui/SilencePanel.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace vigil::ui {

QString MainWindow::selectedIncidentId() const {
    const auto incident = selectedIncidentOf(incidentPanel_, incidents_)();
    return incident ? QString::fromStdString(incident->id) : QString();
}

void MainWindow::attachOperations(SilenceSource* silences, LearningPanel* learning) {
    incidentMenu_ = new QMenu(tr("&Incident"), this);
    menuBar()->insertMenu(viewMenu_->menuAction(), incidentMenu_);
    if (silences) {
        auto* panel = new SilencePanel(*silences, this);
        QDockWidget* dock = addPanel(panel, tr("Silences"), QStringLiteral("silencesDock"), Qt::RightDockWidgetArea);
        if (actionDock_) tabifyDockWidget(actionDock_, dock);
        viewMenu_->insertAction(viewMenu_->actions().value(6), dock->toggleViewAction());
        incidentMenu_->addAction(makeSilenceAction(*silences, this, selectedIncidentOf(incidentPanel_, incidents_)));
        incidentMenu_->addAction(tr("New silence or &maintenance window…"), panel, &SilencePanel::newSilence);
    }
    if (learning) {
        learning->setParent(this);
        QDockWidget* dock = addPanel(learning, tr("Learning"), QStringLiteral("learningDock"), Qt::RightDockWidgetArea);
        if (actionDock_) tabifyDockWidget(actionDock_, dock);
        viewMenu_->insertAction(viewMenu_->actions().value(6), dock->toggleViewAction());
        // Feedback on whichever incident is selected when the menu opens.
        QMenu* feedback = incidentMenu_->addMenu(tr("&Feedback"));
        connect(feedback, &QMenu::aboutToShow, this, [this, feedback, learning] {
            feedback->clear();
            const QString id = selectedIncidentId();
            if (id.isEmpty()) feedback->addAction(tr("(select an incident first)"))->setEnabled(false);
            else addFeedbackActions(feedback, id, learning);
        });
    }
    incidentMenu_->addSeparator();
    if (incidentDock_) incidentDock_->raise();  // the new tabs join behind the incidents, as in attachApprovals
}

}  // namespace vigil::ui
