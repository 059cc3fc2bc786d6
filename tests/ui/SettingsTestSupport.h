// Shared by the settings tests (tst_settingsapplied, tst_settingslive): an
// approval source the window can attach that offers requests on demand, the
// correlator's view of one level shift under a sensitivity dial, and QSettings
// kept in a temporary folder.
#pragma once

#include "correlate/CorrelationStages.h"
#include "correlate/IncidentCorrelator.h"
#include "ui/ApprovalSource.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace settingstest {

// Decides nothing; offer() shows a pending request as a service would.
class OfferedApprovals : public vigil::ui::ApprovalSource {
public:
    using vigil::ui::ApprovalSource::ApprovalSource;
    vigil::TimestampMs now() const override { return 0; }
    QString where() const override { return QStringLiteral("test"); }
    void refresh() override {}
    void approve(const QString&, const QString&, const QString&) override {}
    void reject(const QString&, const QString&, const QString&) override {}
    void lookUp(const QString&) override {}
    void offer(const std::string& id) {
        vigil::approve::ApprovalRequest r;
        r.id = id;
        r.expires = 3'600'000;
        pending.push_back(r);
        emit requestsChanged(pending);
    }
    vigil::ui::ApprovalList pending;
};

// How many incidents a level shift of `score` opens with `dial` (the correlator's view).
inline int openedBy(const std::shared_ptr<vigil::SensitivityDial>& dial, double score) {
    vigil::CorrelateConfig cfg;
    cfg.sensitivity = dial;
    auto stages = vigil::makeCorrelationStages(cfg);
    vigil::Anomaly a;
    a.ts = 1'000'000;
    a.id = "an-1";
    a.detector = "level.shift";
    a.series = "net.latency_ms";
    a.target = "host:batch-1";
    a.score = score;
    std::vector<vigil::Record> out;
    stages.incidents->process(a, out);
    return int(stages.incidents->counters().opened);
}

// The settings of this test process live in `folder`, under `app`.
inline void keepSettingsIn(const QString& folder, const QString& app) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(app);
}

}  // namespace settingstest
