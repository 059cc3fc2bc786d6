// A compact strip of agent chips, one per worker agent in the fleet, coloured by
// health (see FleetStatusModel for how health is judged). It wraps onto as many rows
// as the fleet needs; a chip's tooltip gives the details. The agents that need
// looking at come first (failing, silent, degraded, then healthy; by name within
// each), so a strip kept to one row in a crowded layout still shows them; when all
// are healthy the order is the names'. Retired agents (drained by
// a scale-down) are not in the fleet: the agents table lists them for an hour, the
// strip has no chip for them, so a scale cycle does not crowd out the live workers.
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
    int chipCount() const;                   // agents shown (the model's rows less the retired)
};

}  // namespace vigil::ui
