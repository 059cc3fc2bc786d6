// StoreAutomationControl's hands in its worker thread: its own database
// connection, the AutomationSwitch over it, the audit log, and the engine's
// LivePolicy for reloads. Every answer is a queued signal.
#pragma once

#include "ui/AutomationControl.h"

#include <QObject>

#include <memory>

namespace vigil::remedy {
class LivePolicy;
}

namespace vigil::ui {

class AutomationWorker : public QObject {
    Q_OBJECT
public:
    AutomationWorker(QString dbPath, remedy::LivePolicy* policy, QString policyFile);
    ~AutomationWorker() override;

public slots:
    void read();
    // `change`: an approve::AutomationChange.
    void change(int change, const QString& who, const QString& reason);
    void reload();

signals:
    void status(const vigil::ui::AutomationStatus& status);
    void refused(const QString& why);
    void reloaded(bool ok, const QString& detail);

private:
    bool open(QString& why);

    QString path_;
    remedy::LivePolicy* policy_;
    QString policyFile_;
    struct Store;
    std::unique_ptr<Store> store_;  // opened on first use, in the worker thread
};

}  // namespace vigil::ui
