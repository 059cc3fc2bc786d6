// The incidents panel: a table of the engine's incidents (active first, newest
// first) with, below it, the selected incident's full narrative and targets; a
// short note while there are none. The top row is selected until the user picks one.
#pragma once

#include <QStackedWidget>

class QTableView;
class QTextBrowser;

namespace vigil::ui {

class IncidentListModel;

class IncidentPanel : public QStackedWidget {
    Q_OBJECT
public:
    explicit IncidentPanel(IncidentListModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    QTextBrowser* detail() const { return detail_; }

public slots:
    // Selects the incident with this id (from another panel); keeps it selected.
    void selectIncident(const QString& id);

signals:
    // The user picked an incident here (not emitted for selectIncident).
    void incidentSelected(const QString& id);

private:
    void showTableIfAny();
    void showDetail();
    void setDetail(const QString& html);
    IncidentListModel* model_;
    QTableView* table_;
    // A text browser, not a word-wrapped QLabel in a scroll area: the label's size
    // hints laid a long narrative out several times (once a word per line) on
    // every update, 10-15 ms a snapshot in a fast replay; this lays it out once.
    QTextBrowser* detail_;
    QString shown_;  // the detail's text, so an unchanged one is not set again
    bool followTop_ = true;  // until the user selects a row
};

}  // namespace vigil::ui
