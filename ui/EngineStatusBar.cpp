#include "ui/EngineStatusBar.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>

namespace vigil::ui {

namespace {
QLabel* addField(QStatusBar* bar, const QString& tip) {
    auto* l = new QLabel(bar);
    l->setToolTip(tip);
    l->setContentsMargins(6, 0, 6, 0);
    bar->addPermanentWidget(l);
    return l;
}
}  // namespace

EngineStatusBar::EngineStatusBar(QWidget* parent) : QStatusBar(parent) {
    setObjectName(QStringLiteral("engineStatusBar"));
    fleet_ = addField(this, tr("Agents by health over the last minute"));
    rate_ = addField(this, tr("Input records the engine processed per second"));
    queue_ = addField(this, tr("Batches waiting in the engine's bounded queue / its capacity"));
    anomalies_ = addField(this, tr("Anomalies the engine currently keeps"));
    time_ = addField(this, tr("Engine time: the newest record timestamp seen"));
    rate_->setObjectName(QStringLiteral("recordsPerSecond"));
    queue_->setObjectName(QStringLiteral("queueDepth"));
    time_->setObjectName(QStringLiteral("engineTime"));
    anomalies_->setObjectName(QStringLiteral("anomalyCount"));
    fleet_->setObjectName(QStringLiteral("fleetHealth"));
    showMessage(tr("Starting…"));
}

void EngineStatusBar::showSnapshot(const vigil::Snapshot& s, double recordsPerSecond) {
    clearMessage();
    const QLocale loc;
    rate_->setText(tr("%1 records/s").arg(loc.toString(recordsPerSecond, 'f', 0)));
    queue_->setText(tr("Queue %1/%2").arg(s.queueDepth).arg(s.queueCapacity));
    anomalies_->setText(tr("Anomalies: %1").arg(s.recentAnomalies.size()));
    time_->setText(s.engineTime > 0 ? tr("Engine time %1").arg(QDateTime::fromMSecsSinceEpoch(s.engineTime).toString(QStringLiteral("HH:mm:ss")))
                                    : tr("Engine time –"));
}

void EngineStatusBar::showFleet(const std::array<int, kAgentHealthCount>& n) {
    fleet_->setText(tr("Agents: %1 healthy, %2 degraded, %3 failing, %4 silent, %5 retired")
                        .arg(n[0])
                        .arg(n[1])
                        .arg(n[2])
                        .arg(n[3])
                        .arg(n[4]));
}

}  // namespace vigil::ui
