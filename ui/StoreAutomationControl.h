// The Automation menu's control over a local Vigil database: the stored
// switches of approve::AutomationSwitch (pause / resume, dry run on / off) on
// its own connection in a worker thread, each change audited with who and why
// (audit::AuditLog), re-read every pollMs so a `vigilctl automation` from
// another shell shows too. Reload policy re-reads the policy file into the
// running engine's LivePolicy (which refuses a bad file and keeps the old one),
// also off the GUI thread. docs/policy.md.
#pragma once

#include "ui/AutomationControl.h"

#include <QThread>
#include <QTimer>

namespace vigil::remedy {
class LivePolicy;
}

namespace vigil::ui {

class AutomationWorker;

class StoreAutomationControl : public AutomationControl {
    Q_OBJECT
public:
    // `policy` (the engine's, may be null: no reload) must outlive the control;
    // `policyFile` empty: the shipped policy, which has no file to reload.
    StoreAutomationControl(const QString& dbPath, remedy::LivePolicy* policy, const QString& policyFile,
                           int pollMs = 1000, QObject* parent = nullptr);
    ~StoreAutomationControl() override;

    AutomationStatus status() const override { return status_; }
    QString where() const override { return path_; }

public slots:
    void pause(const QString& who, const QString& reason) override;
    void resume(const QString& who, const QString& reason) override;
    void setDryRun(bool on, const QString& who, const QString& reason) override;
    void reloadPolicy() override;

private:
    void changed(int change, const QString& who, const QString& reason);

    QString path_;
    QThread thread_;
    AutomationWorker* worker_ = nullptr;  // lives in thread_
    QTimer poll_;
    AutomationStatus status_;
};

}  // namespace vigil::ui
