// File → Settings: the console's preferences (ConsoleSettings) in a form. Each
// invalid value is named next to its field as it is typed and OK stays disabled
// until all are valid; OK writes them to the given QSettings. Notifications,
// sensitivity and "always record" take effect at once (MainWindow,
// SettingsApplier); the rows that need a restart say so. From a replay window
// a note says what applies to the replay (ReplaySettingsApplier).
#pragma once

#include "ui/ConsoleSettings.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace vigil::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `store` must outlive the dialog.
    explicit SettingsDialog(QSettings* store, QWidget* parent = nullptr);

    ConsoleSettings values() const;
    // The reason shown next to `field`, empty while it is valid.
    QString errorText(ConsoleSettings::Field field) const;
    bool canAccept() const;  // OK is enabled

    // Opened from a replay window: says what applies to the replay and what does not.
    void explainForReplay();
    QLabel* replayNote() const { return replayNote_; }

    void accept() override;

private:
    void revalidate();
    QMap<ConsoleSettings::Field, QString> problems() const;  // check() and the dialog's own
    QLineEdit* pathRow(QFormLayout* form, const QString& label, const QString& name, ConsoleSettings::Field field,
                       const QString& filter);
    void addError(QFormLayout* form, ConsoleSettings::Field field, const QString& name);

    QSettings* store_;
    QLineEdit* database_ = nullptr;
    QLineEdit* policy_ = nullptr;
    QLineEdit* signoffUrl_ = nullptr;
    QLineEdit* tokenFile_ = nullptr;
    QCheckBox* notifyCritical_ = nullptr;
    QCheckBox* notifyApprovals_ = nullptr;
    QSpinBox* perMinute_ = nullptr;
    QComboBox* sensitivity_ = nullptr;
    QCheckBox* alwaysRecord_ = nullptr;
    QLineEdit* recordDir_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QLabel* replayNote_ = nullptr;
    QMap<ConsoleSettings::Field, QLabel*> errors_;
};

}  // namespace vigil::ui
