// Asks before an automation switch flips: who does it and why. Pausing all
// automation stops every automatic fix across the fleet, so it says so and needs
// a reason; OK stays disabled until the identity (and for a pause the reason)
// is filled in. The identity is remembered with the approval dialog's.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigil::ui {

class AutomationPrompt : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Pause, Resume, DryRunOn, DryRunOff };

    explicit AutomationPrompt(Kind kind, QWidget* parent = nullptr);

    Kind kind() const { return kind_; }
    QString identity() const;
    QString reason() const;
    QLineEdit* identityEdit() const { return identity_; }
    QLineEdit* reasonEdit() const { return reason_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void validate();

    Kind kind_;
    QLineEdit* identity_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QLabel* hint_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace vigil::ui
