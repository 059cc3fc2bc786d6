// An AutomationControl over the running engine's LivePolicy, until the stored
// switches (`vigilctl automation`, approve::AutomationSwitch) reach the console:
// Pause and Resume flip the policy's kill switch (audited by the demo's policy
// listener as kill_switch.on / off), Reload policy re-reads the policy file
// (a bad file is refused with FILE:LINE and the old policy stays). Both run
// off the GUI thread. Dry-run mode is refused with a reason: the policy file's
// dry_run decides it. Who paused and why are remembered by this console only.
#pragma once

#include "ui/AutomationControl.h"

#include <QTimer>

namespace vigil::remedy {
class LivePolicy;
}

namespace vigil::ui {

class PolicyAutomationControl : public AutomationControl {
    Q_OBJECT
public:
    // `policy` must outlive the control; `policyFile` empty: the shipped policy.
    PolicyAutomationControl(remedy::LivePolicy& policy, const QString& policyFile, QObject* parent = nullptr);

    AutomationStatus status() const override { return status_; }
    QString where() const override { return policyFile_; }

public slots:
    void pause(const QString& who, const QString& reason) override;
    void resume(const QString& who, const QString& reason) override;
    void setDryRun(bool on, const QString& who, const QString& reason) override;
    void reloadPolicy() override;

private:
    void refresh();  // the policy in force now
    void flip(bool paused, const QString& who, const QString& reason);

    remedy::LivePolicy& policy_;
    QString policyFile_;
    QTimer poll_;
    AutomationStatus status_;
};

}  // namespace vigil::ui
