// What the Automation menu acts on: pause and resume all automatic actions (the
// kill switch), dry-run mode, reloading the policy file. The widget decides
// nothing: it passes the operator's request on and shows core's answer.
// Implementations do the work off the GUI thread (StoreAutomationControl: the
// stored switches of approve::AutomationSwitch, audited) and answer with signals.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace vigil::ui {

struct AutomationStatus {
    bool known = false;   // false until the first answer
    bool paused = false;  // in force: the switch, or the policy file's kill_switch
    bool dryRun = false;
    QString by, reason;   // who changed the switches last, and why
    QDateTime since;      // when (local time)
    bool operator==(const AutomationStatus&) const = default;
};

class AutomationControl : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual AutomationStatus status() const = 0;  // the last answer
    // Where the switches live, for dialogs ("/data/vigil.db").
    virtual QString where() const = 0;

public slots:
    virtual void pause(const QString& who, const QString& reason) = 0;
    virtual void resume(const QString& who, const QString& reason) = 0;
    virtual void setDryRun(bool on, const QString& who, const QString& reason) = 0;
    virtual void reloadPolicy() = 0;

signals:
    void statusChanged(const vigil::ui::AutomationStatus& status);
    // A change core refused (an identity it does not accept, a storage error), verbatim.
    void refused(const QString& why);
    // ok: the file now in force (detail names it); otherwise detail is the
    // loader's FILE:LINE: key: reason and the running policy stays.
    void policyReloaded(bool ok, const QString& detail);
};

}  // namespace vigil::ui

Q_DECLARE_METATYPE(vigil::ui::AutomationStatus)
