// What the approval dialog asks before it passes a decision on: who decides,
// and, for an approval at or above the two-person limit, the amount typed out
// (so a tired click cannot approve the wrong sum); for a rejection, the reason.
// OK stays disabled until those are filled in. Whether the person may decide
// is not checked here: that is the gate's answer.
#pragma once

#include "remedy/Wei.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigil::ui {

class DecisionPrompt : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Approve, Reject };

    // confirmAmount: the request's value when it must be typed to confirm.
    DecisionPrompt(Kind kind, const QString& what, std::optional<remedy::Wei> confirmAmount, QWidget* parent = nullptr);

    // At a sign-off desk the token says who decides: the identity is shown,
    // not asked for (and not remembered as the local operator's).
    void setFixedIdentity(const QString& identity);

    Kind kind() const { return kind_; }
    QString identity() const;
    QString comment() const;
    QLineEdit* identityEdit() const { return identity_; }
    QLineEdit* amountEdit() const { return amount_; }
    QLineEdit* commentEdit() const { return comment_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void validate();

    Kind kind_;
    std::optional<remedy::Wei> confirm_;  // the value to type, if any
    QLineEdit* identity_ = nullptr;
    QLineEdit* amount_ = nullptr;  // null unless the amount must be typed
    QLineEdit* comment_ = nullptr;
    QLabel* hint_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    bool fixedIdentity_ = false;
};

}  // namespace vigil::ui
