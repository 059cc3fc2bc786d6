#include "ui/SettingsDialog.h"

#include "ui/Palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigil::ui {

using Field = ConsoleSettings::Field;

SettingsDialog::SettingsDialog(QSettings* store, QWidget* parent) : QDialog(parent), store_(store) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* form = new QFormLayout;
    auto* restartNote = new QLabel(tr("The database, the policy file and the sign-off service take effect at the next start."));
    restartNote->setObjectName(QStringLiteral("restartNote"));
    restartNote->setWordWrap(true);
    form->addRow(restartNote);
    database_ = pathRow(form, tr("&Database:"), QStringLiteral("database"), Field::Database, tr("SQLite databases (*.db);;All files (*)"));
    database_->setPlaceholderText(tr("vigil.db in the data location"));
    policy_ = pathRow(form, tr("&Policy file:"), QStringLiteral("policyFile"), Field::PolicyFile, tr("Policies (*.yaml *.yml);;All files (*)"));
    policy_->setPlaceholderText(tr("the shipped policy"));
    signoffUrl_ = new QLineEdit;
    signoffUrl_->setObjectName(QStringLiteral("signoffUrl"));
    signoffUrl_->setAccessibleName(tr("Sign-off service address"));
    signoffUrl_->setPlaceholderText(QStringLiteral("https://signoff.example:8443"));
    form->addRow(tr("&Sign-off service:"), signoffUrl_);
    addError(form, Field::SignoffUrl, QStringLiteral("signoffUrl"));
    tokenFile_ = pathRow(form, tr("&Token file:"), QStringLiteral("tokenFile"), Field::TokenFile, tr("All files (*)"));

    notifyCritical_ = new QCheckBox(tr("New &critical incidents"));
    notifyCritical_->setObjectName(QStringLiteral("notifyCritical"));
    notifyApprovals_ = new QCheckBox(tr("&Approval requests"));
    notifyApprovals_->setObjectName(QStringLiteral("notifyApprovals"));
    perMinute_ = new QSpinBox;
    perMinute_->setObjectName(QStringLiteral("notifyPerMinute"));
    perMinute_->setAccessibleName(tr("Notifications a minute at most"));
    perMinute_->setRange(0, 99);  // out-of-range values are shown and named, not clamped away
    perMinute_->setSuffix(tr(" a minute at most"));
    form->addRow(tr("Notify about:"), notifyCritical_);
    form->addRow(QString(), notifyApprovals_);
    form->addRow(QString(), perMinute_);
    addError(form, Field::NotifyPerMinute, QStringLiteral("notifyPerMinute"));
    sensitivity_ = new QComboBox;
    sensitivity_->setObjectName(QStringLiteral("sensitivity"));
    sensitivity_->setAccessibleName(tr("Detector sensitivity"));
    sensitivity_->addItem(tr("Low (fewer alarms)"), QStringLiteral("low"));
    sensitivity_->addItem(tr("Normal"), QStringLiteral("normal"));
    sensitivity_->addItem(tr("High (earlier alarms)"), QStringLiteral("high"));
    form->addRow(tr("Detector se&nsitivity:"), sensitivity_);
    addError(form, Field::Sensitivity, QStringLiteral("sensitivity"));
    alwaysRecord_ = new QCheckBox(tr("Al&ways record the live input (a new file each start)"));
    alwaysRecord_->setObjectName(QStringLiteral("alwaysRecord"));
    form->addRow(tr("Recording:"), alwaysRecord_);
    recordDir_ = new QLineEdit;
    recordDir_->setObjectName(QStringLiteral("recordDir"));
    recordDir_->setAccessibleName(tr("Folder to always record to"));
    auto* browseDir = new QPushButton(tr("Browse…"));
    browseDir->setAccessibleName(tr("Browse for %1").arg(recordDir_->accessibleName()));
    connect(browseDir, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, recordDir_->accessibleName(), recordDir_->text());
        if (!dir.isEmpty()) recordDir_->setText(dir);
    });
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(recordDir_, 1);
    dirRow->addWidget(browseDir);
    form->addRow(tr("&Folder:"), dirRow);
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(dirRow))) l->setBuddy(recordDir_);
    addError(form, Field::RecordDir, QStringLiteral("recordDir"));
    connect(alwaysRecord_, &QCheckBox::toggled, recordDir_, &QWidget::setEnabled);
    connect(alwaysRecord_, &QCheckBox::toggled, browseDir, &QWidget::setEnabled);

    auto* note = new QLabel(tr("Notifications, sensitivity and recording take effect at once."));
    note->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    replayNote_ = new QLabel(
        tr("<b>In this replay window</b>: notifications take effect at once; a new detector sensitivity "
           "restarts the replay from its start under it, so its results follow from the recording and one "
           "setting. The database, the policy file, the sign-off service and the recording folder are the "
           "live console's and do not apply to a replay."));
    replayNote_->setObjectName(QStringLiteral("replayNote"));
    replayNote_->setWordWrap(true);
    replayNote_->setVisible(false);
    auto* top = new QVBoxLayout(this);
    top->addWidget(replayNote_);
    top->addLayout(form);
    top->addWidget(note);
    top->addWidget(buttons_);

    const ConsoleSettings s = ConsoleSettings::load(*store_);
    database_->setText(s.databasePath);
    policy_->setText(s.policyFile);
    signoffUrl_->setText(s.signoffUrl);
    tokenFile_->setText(s.tokenFile);
    notifyCritical_->setChecked(s.notifyCritical);
    notifyApprovals_->setChecked(s.notifyApprovals);
    perMinute_->setValue(s.notifyPerMinute);
    alwaysRecord_->setChecked(!s.recordDir.isEmpty());
    recordDir_->setText(s.recordDir);
    recordDir_->setEnabled(alwaysRecord_->isChecked());
    browseDir->setEnabled(alwaysRecord_->isChecked());
    const int row = sensitivity_->findData(s.sensitivity);
    if (row >= 0) {
        sensitivity_->setCurrentIndex(row);
    } else {  // a stored value the form does not know: shown, named, not replaced
        sensitivity_->addItem(s.sensitivity, s.sensitivity);
        sensitivity_->setCurrentIndex(sensitivity_->count() - 1);
    }

    for (QLineEdit* e : {database_, policy_, signoffUrl_, tokenFile_, recordDir_})
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(alwaysRecord_, &QCheckBox::toggled, this, &SettingsDialog::revalidate);
    connect(perMinute_, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(sensitivity_, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    revalidate();
}

QLineEdit* SettingsDialog::pathRow(QFormLayout* form, const QString& label, const QString& name, Field field,
                                   const QString& filter) {
    auto* edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    auto* browse = new QPushButton(tr("Browse…"));
    browse->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, field] {
        const QString path = field == Field::Database
                                 ? QFileDialog::getSaveFileName(this, edit->accessibleName(), edit->text(), filter, nullptr,
                                                                QFileDialog::DontConfirmOverwrite)
                                 : QFileDialog::getOpenFileName(this, edit->accessibleName(), edit->text(), filter);
        if (!path.isEmpty()) edit->setText(path);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(row))) l->setBuddy(edit);
    addError(form, field, name);
    return edit;
}

void SettingsDialog::addError(QFormLayout* form, Field field, const QString& name) {
    auto* error = new QLabel;
    error->setObjectName(name + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = error->palette();
    p.setColor(QPalette::WindowText, palette::bad());
    error->setPalette(p);
    error->hide();
    form->addRow(QString(), error);
    errors_[field] = error;
}

ConsoleSettings SettingsDialog::values() const {
    ConsoleSettings s;
    s.databasePath = database_->text().trimmed();
    s.policyFile = policy_->text().trimmed();
    s.signoffUrl = signoffUrl_->text().trimmed();
    s.tokenFile = tokenFile_->text().trimmed();
    s.notifyCritical = notifyCritical_->isChecked();
    s.notifyApprovals = notifyApprovals_->isChecked();
    s.notifyPerMinute = perMinute_->value();
    s.sensitivity = sensitivity_->currentData().toString();
    s.recordDir = alwaysRecord_->isChecked() ? recordDir_->text().trimmed() : QString();
    return s;
}

QMap<Field, QString> SettingsDialog::problems() const {
    QMap<Field, QString> bad = values().check();
    if (alwaysRecord_->isChecked() && recordDir_->text().trimmed().isEmpty())
        bad[Field::RecordDir] = tr("Always record to: choose a folder");
    return bad;
}

QString SettingsDialog::errorText(Field field) const {
    const QLabel* l = errors_.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

void SettingsDialog::explainForReplay() {
    replayNote_->setVisible(true);
    setWindowTitle(tr("Settings — replay"));
}

bool SettingsDialog::canAccept() const { return buttons_->button(QDialogButtonBox::Ok)->isEnabled(); }

void SettingsDialog::revalidate() {
    const QMap<Field, QString> bad = problems();
    for (auto it = errors_.cbegin(); it != errors_.cend(); ++it) {
        it.value()->setText(bad.value(it.key()));
        it.value()->setHidden(!bad.contains(it.key()));
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(bad.isEmpty());
}

void SettingsDialog::accept() {
    const ConsoleSettings s = values();
    if (!problems().isEmpty()) return;  // OK is disabled then; Enter must not slip through either
    s.save(*store_);
    QDialog::accept();
}

}  // namespace vigil::ui
