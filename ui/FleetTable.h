// The detailed, sortable table of every agent (the strip's long form).
#pragma once

#include <QTableView>

namespace vigil::ui {

class FleetStatusModel;

class FleetTable : public QTableView {
    Q_OBJECT
public:
    explicit FleetTable(FleetStatusModel* model, QWidget* parent = nullptr);
};

}  // namespace vigil::ui
