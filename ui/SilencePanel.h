// The silence panel: the silences of the database (SilenceModel, fed by a
// SilenceSource), "New silence…" and "Expire" for the selected one, and a line
// with the store's last answer. Plus what MainWindow needs to offer silences
// elsewhere without knowing more: a QAction factory ("Silence…", prefilled from
// the selected incident when there is one). Nothing here waits on the store.
#pragma once

#include "record/Record.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace vigil::ui {

class IncidentPanel;
class IncidentListModel;
class SilenceModel;
class SilenceSource;

class SilencePanel : public QWidget {
    Q_OBJECT
public:
    // `source` must outlive the panel.
    explicit SilencePanel(SilenceSource& source, QWidget* parent = nullptr);

    SilenceModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    // Expires the selected silence as `who` (the Expire button asks for the name).
    bool expireSelected(const QString& who);
    QString status() const;

public slots:
    void newSilence();  // the dialog, from the menu (empty)

private:
    SilenceSource& source_;
    SilenceModel* model_;
    QTableView* view_;
    QPushButton* expire_;
    QLabel* status_;
};

// Opens the "Silence…" dialog (prefilled from `incident` when given) and hands
// an accepted silence to `source`. Returns whether one was handed over.
bool openSilenceDialog(SilenceSource& source, QWidget* parent, const std::optional<Incident>& incident = std::nullopt);

// "Silence…" for a menu or a toolbar: `currentIncident` (may be empty) says
// which incident is selected, to prefill the dialog from it.
QAction* makeSilenceAction(SilenceSource& source, QWidget* parent,
                           std::function<std::optional<Incident>()> currentIncident = {});

// The incident selected in `panel` (showing `model`), for makeSilenceAction.
std::function<std::optional<Incident>()> selectedIncidentOf(const IncidentPanel* panel, const IncidentListModel* model);

}  // namespace vigil::ui
