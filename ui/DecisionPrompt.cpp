#include "ui/DecisionPrompt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
const QString kIdentityKey = QStringLiteral("approvals/identity");
}

DecisionPrompt::DecisionPrompt(Kind kind, const QString& what, std::optional<remedy::Wei> confirmAmount, QWidget* parent)
    : QDialog(parent), kind_(kind), confirm_(confirmAmount) {
    setObjectName(QStringLiteral("decisionPrompt"));
    const bool approving = kind == Kind::Approve;
    setWindowTitle(approving ? tr("Approve") : tr("Reject"));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(approving ? tr("Approve: %1").arg(what) : tr("Reject: %1").arg(what), this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    identity_ = new QLineEdit(this);
    identity_->setObjectName(QStringLiteral("identity"));
    identity_->setAccessibleName(tr("Your operator identity"));
    identity_->setPlaceholderText(tr("e.g. alice"));
    identity_->setText(QSettings().value(kIdentityKey).toString());
    form->addRow(tr("&Operator:"), identity_);
    if (approving && confirm_) {
        amount_ = new QLineEdit(this);
        amount_->setObjectName(QStringLiteral("confirmAmount"));
        amount_->setAccessibleName(tr("Type the amount in ETH to confirm"));
        amount_->setPlaceholderText(tr("amount in ETH, as shown"));
        form->addRow(tr("Type the &amount (ETH):"), amount_);
        connect(amount_, &QLineEdit::textChanged, this, &DecisionPrompt::validate);
    }
    comment_ = new QLineEdit(this);
    comment_->setObjectName(QStringLiteral("comment"));
    comment_->setAccessibleName(approving ? tr("Comment") : tr("Reason for rejecting"));
    form->addRow(approving ? tr("&Comment (optional):") : tr("&Reason:"), comment_);

    hint_ = new QLabel(this);
    hint_->setObjectName(QStringLiteral("promptHint"));
    hint_->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(approving ? tr("&Approve") : tr("&Reject"));
    buttons_->button(QDialogButtonBox::Ok)->setAccessibleName(approving ? tr("Approve") : tr("Reject"));
    buttons_->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (!fixedIdentity_) QSettings().setValue(kIdentityKey, identity());
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint_);
    layout->addWidget(buttons_);
    connect(identity_, &QLineEdit::textChanged, this, &DecisionPrompt::validate);
    connect(comment_, &QLineEdit::textChanged, this, &DecisionPrompt::validate);
    validate();
    identity_->setFocus();
}

void DecisionPrompt::setFixedIdentity(const QString& identity) {
    fixedIdentity_ = true;
    identity_->setText(identity);
    identity_->setReadOnly(true);
    identity_->setAccessibleName(tr("Signed in as (from your token)"));
    if (amount_) amount_->setFocus();
    else comment_->setFocus();
    validate();
}

QString DecisionPrompt::identity() const { return identity_->text().trimmed(); }
QString DecisionPrompt::comment() const { return comment_->text().trimmed(); }

void DecisionPrompt::validate() {
    QString missing;
    if (identity().isEmpty()) missing = tr("Enter who you are.");
    else if (amount_) {
        remedy::Wei typed = 0;
        std::string why;
        const bool parsed = remedy::parseEth(amount_->text().trimmed().toStdString(), typed, why);
        if (!parsed || typed != *confirm_) missing = tr("Type the amount exactly as shown (%1 ETH).").arg(QString::fromStdString(remedy::formatEth(*confirm_)));
    }
    if (missing.isEmpty() && kind_ == Kind::Reject && comment().isEmpty()) missing = tr("Say why you reject it.");
    hint_->setText(missing);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
}

}  // namespace vigil::ui
