#include "ui/AutomationMenu.h"

#include "ui/Palette.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>

namespace vigil::ui {

using Kind = AutomationPrompt::Kind;

AutomationMenu::AutomationMenu(AutomationControl* control, QWidget* parent)
    : QMenu(tr("&Automation"), parent), control_(control) {
    setObjectName(QStringLiteral("automationMenu"));
    pause_ = addAction(tr("&Pause all automation…"), this, [this] { request(Kind::Pause); });
    resume_ = addAction(tr("&Resume automation…"), this, [this] { request(Kind::Resume); });
    addSeparator();
    dryRun_ = addAction(tr("&Dry-run mode"));
    dryRun_->setCheckable(true);
    // The check mark shows what core says is in force: a click asks, the answer sets it.
    connect(dryRun_, &QAction::triggered, this, [this](bool on) {
        dryRun_->setChecked(control_->status().dryRun);
        request(on ? Kind::DryRunOn : Kind::DryRunOff);
    });
    addSeparator();
    reload_ = addAction(tr("Re&load policy"), control_, &AutomationControl::reloadPolicy);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("automationStatus"));
    status_->setAccessibleName(tr("Automation status"));
    status_->hide();

    connect(control_, &AutomationControl::statusChanged, this, &AutomationMenu::showStatus);
    connect(control_, &AutomationControl::refused, this,
            [this](const QString& why) { tell(true, tr("Automation unchanged"), why); });
    connect(control_, &AutomationControl::policyReloaded, this, [this](bool ok, const QString& detail) {
        if (ok) tell(false, tr("Policy reloaded"), tr("Now in force: %1").arg(detail));
        else tell(true, tr("Policy not reloaded"), tr("%1\n\nThe running policy stays in force.").arg(detail));
    });
    showStatus(control_->status());
}

void AutomationMenu::request(Kind kind) {
    std::optional<std::pair<QString, QString>> who;
    if (ask_) {
        who = ask_(kind);
    } else {
        AutomationPrompt prompt(kind, parentWidget());
        if (prompt.exec() == QDialog::Accepted) who = std::make_pair(prompt.identity(), prompt.reason());
    }
    if (!who) return;
    switch (kind) {
    case Kind::Pause: control_->pause(who->first, who->second); break;
    case Kind::Resume: control_->resume(who->first, who->second); break;
    case Kind::DryRunOn: control_->setDryRun(true, who->first, who->second); break;
    case Kind::DryRunOff: control_->setDryRun(false, who->first, who->second); break;
    }
}

void AutomationMenu::showStatus(const AutomationStatus& s) {
    pause_->setEnabled(s.known && !s.paused);
    resume_->setEnabled(s.known && s.paused);
    dryRun_->setEnabled(s.known);
    dryRun_->setChecked(s.dryRun);
    reload_->setEnabled(s.known);
    const QString at = s.since.isValid() ? QLocale().toString(s.since.time(), QStringLiteral("HH:mm")) : QString();
    const QString because = s.reason.isEmpty() ? QString() : QStringLiteral(" — ") + s.reason;
    QStringList parts;
    if (s.paused)
        parts << (s.by.isEmpty() ? tr("Automation paused (policy kill switch)")
                                 : tr("Automation paused by %1 at %2").arg(s.by, at) + because);
    if (s.dryRun)
        parts << (s.paused || s.by.isEmpty() ? tr("Dry run: actions are recorded, not sent")
                                             : tr("Dry run by %1 at %2").arg(s.by, at) + because);
    status_->setText(parts.join(QStringLiteral(" · ")));
    QPalette p = status_->palette();
    p.setColor(QPalette::WindowText, s.paused ? palette::bad() : palette::warning());
    status_->setPalette(p);
    status_->setToolTip(tr("Automation menu: resume or end the dry run"));
    status_->setVisible(!parts.isEmpty());
}

void AutomationMenu::tell(bool problem, const QString& title, const QString& text) {
    lastMessage_ = text;
    if (!box_) {
        box_ = new QMessageBox(parentWidget());
        box_->setObjectName(QStringLiteral("automationMessage"));
        box_->setStandardButtons(QMessageBox::Ok);
    }
    box_->setIcon(problem ? QMessageBox::Warning : QMessageBox::Information);
    box_->setWindowTitle(title);
    box_->setText(text);
    box_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box_->open();  // never blocks the GUI thread's event loop
}

}  // namespace vigil::ui
