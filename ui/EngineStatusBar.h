// The status bar: records/s, engine queue fill, engine time, anomalies and
// fleet health at a glance.
#pragma once

#include "engine/Snapshot.h"

#include <QStatusBar>

#include <array>
#include <memory>

class QLabel;

namespace vigil::ui {

class EngineStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit EngineStatusBar(QWidget* parent = nullptr);

    // Fleet health counts in FleetStatusModel::Health order.
    void showFleet(const std::array<int, kAgentHealthCount>& healthCounts);

public slots:
    void showSnapshot(const vigil::Snapshot& snapshot, double recordsPerSecond);

private:
    QLabel* rate_;
    QLabel* queue_;
    QLabel* time_;
    QLabel* anomalies_;
    QLabel* fleet_;
};

}  // namespace vigil::ui
