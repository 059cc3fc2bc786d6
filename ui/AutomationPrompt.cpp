#include "ui/AutomationPrompt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
const QString kIdentityKey = QStringLiteral("approvals/identity");  // shared with DecisionPrompt
}

AutomationPrompt::AutomationPrompt(Kind kind, QWidget* parent) : QDialog(parent), kind_(kind) {
    setObjectName(QStringLiteral("automationPrompt"));
    QString title, intro, ok;
    switch (kind) {
    case Kind::Pause:
        title = tr("Pause all automation");
        intro = tr("Vigil will take no automatic action anywhere in the fleet until automation is resumed. "
                   "Incidents are still detected and proposals still wait for approval.");
        ok = tr("&Pause automation");
        break;
    case Kind::Resume:
        title = tr("Resume automation");
        intro = tr("Vigil will again take automatic actions within the policy's limits.");
        ok = tr("&Resume");
        break;
    case Kind::DryRunOn:
        title = tr("Dry-run mode");
        intro = tr("Vigil will decide and record every action as simulated and send nothing.");
        ok = tr("&Start dry run");
        break;
    case Kind::DryRunOff:
        title = tr("End dry-run mode");
        intro = tr("Vigil will again carry out the actions it decides on.");
        ok = tr("&End dry run");
        break;
    }
    setWindowTitle(title);
    setAccessibleName(title);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);

    auto* form = new QFormLayout;
    identity_ = new QLineEdit(this);
    identity_->setObjectName(QStringLiteral("identity"));
    identity_->setAccessibleName(tr("Your operator identity"));
    identity_->setPlaceholderText(tr("e.g. alice"));
    identity_->setText(QSettings().value(kIdentityKey).toString());
    form->addRow(tr("&Operator:"), identity_);
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("reason"));
    reason_->setAccessibleName(tr("Reason"));
    form->addRow(kind == Kind::Pause ? tr("&Reason:") : tr("&Reason (optional):"), reason_);

    hint_ = new QLabel(this);
    hint_->setObjectName(QStringLiteral("promptHint"));
    hint_->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(ok);
    buttons_->button(QDialogButtonBox::Ok)->setAccessibleName(QString(ok).remove(QLatin1Char('&')));
    buttons_->button(QDialogButtonBox::Cancel)->setDefault(true);  // a stray Enter does not pause the fleet
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(kIdentityKey, identity());
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addLayout(form);
    layout->addWidget(hint_);
    layout->addWidget(buttons_);
    connect(identity_, &QLineEdit::textChanged, this, &AutomationPrompt::validate);
    connect(reason_, &QLineEdit::textChanged, this, &AutomationPrompt::validate);
    validate();
    (identity_->text().isEmpty() ? identity_ : reason_)->setFocus();
}

QString AutomationPrompt::identity() const { return identity_->text().trimmed(); }
QString AutomationPrompt::reason() const { return reason_->text().trimmed(); }

void AutomationPrompt::validate() {
    // Whether core accepts the identity is core's answer; only what is missing is said here.
    QString missing;
    if (identity().isEmpty()) missing = tr("Enter who you are.");
    else if (kind_ == Kind::Pause && reason().isEmpty()) missing = tr("Say why automation is paused.");
    hint_->setText(missing);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
}

}  // namespace vigil::ui
