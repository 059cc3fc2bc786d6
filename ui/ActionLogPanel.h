// The action log dock: escalations on top in red until acknowledged (hidden
// when there are none), then filters (target text, kind, state), the actions
// table and, below it, the selected action's summary in words.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace vigil::ui {

class ActionLogFilter;
class ActionLogModel;
class EscalationModel;

class ActionLogPanel : public QWidget {
    Q_OBJECT
public:
    // Both models must outlive the panel.
    ActionLogPanel(ActionLogModel* actions, EscalationModel* escalations, QWidget* parent = nullptr);

    ActionLogFilter* filter() const { return filter_; }
    QTableView* table() const { return table_; }
    QLineEdit* targetFilter() const { return target_; }
    QComboBox* kindFilter() const { return kind_; }
    QComboBox* stateFilter() const { return state_; }
    QListView* escalationList() const { return escalationList_; }
    QPushButton* acknowledgeButton() const { return acknowledge_; }
    QLabel* detail() const { return detail_; }

public slots:
    // Selects the action (or the newest action of the incident) with this id.
    void selectId(const QString& id);

signals:
    void actionSelected(const QString& actionId, const QString& incidentId);

private:
    void refreshKinds();
    void showDetail();

    ActionLogModel* actions_;
    EscalationModel* escalations_;
    ActionLogFilter* filter_;
    QWidget* escalationBox_;
    QListView* escalationList_;
    QPushButton* acknowledge_;
    QLineEdit* target_;
    QComboBox* kind_;
    QComboBox* state_;
    QTableView* table_;
    QLabel* detail_;
};

}  // namespace vigil::ui
