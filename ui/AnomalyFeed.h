// The recent-anomalies panel: a table of what the detectors flagged, newest first,
// or a short note while there is nothing to show.
#pragma once

#include <QStackedWidget>

class QTableView;

namespace vigil::ui {

class AnomalyListModel;

class AnomalyFeed : public QStackedWidget {
    Q_OBJECT
public:
    explicit AnomalyFeed(AnomalyListModel* model, QWidget* parent = nullptr);

private:
    void showTableIfAny();
    AnomalyListModel* model_;
    QTableView* table_;
};

}  // namespace vigil::ui
