// A compact strip of agent chips, one per worker agent, coloured by health (see
// FleetStatusModel for how health is judged). It wraps onto as many rows as the
// fleet needs; a chip's tooltip gives the details.
#pragma once

#include <QListView>

namespace vigil::ui {

class FleetStatusModel;

class FleetStrip : public QListView {
    Q_OBJECT
public:
    explicit FleetStrip(FleetStatusModel* model, QWidget* parent = nullptr);
    QSize sizeHint() const override;         // as many chip rows as the fleet needs (≤ 4)
    QSize minimumSizeHint() const override;  // one row
};

}  // namespace vigil::ui
