#include "ui/SilenceDialog.h"

#include "silence/SilenceMatch.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {
struct Choice {
    const char* text;
    TimestampMs ms;
};
const Choice kDurations[] = {
    {QT_TRANSLATE_NOOP("SilenceDialog", "30 minutes"), 30 * 60'000},  {QT_TRANSLATE_NOOP("SilenceDialog", "1 hour"), 3'600'000},
    {QT_TRANSLATE_NOOP("SilenceDialog", "2 hours"), 2 * 3'600'000},    {QT_TRANSLATE_NOOP("SilenceDialog", "4 hours"), 4 * 3'600'000},
    {QT_TRANSLATE_NOOP("SilenceDialog", "8 hours"), 8 * 3'600'000},    {QT_TRANSLATE_NOOP("SilenceDialog", "1 day"), 86'400'000},
    {QT_TRANSLATE_NOOP("SilenceDialog", "1 week"), 7 * 86'400'000},
};
const char* const kKinds[] = {"rpc-outage", "latency-spike", "stuck-tx", "worker-overload", "failed-tx-burst", "wallet-drain"};
}  // namespace

SilenceDialog::SilenceDialog(TimestampMs now, QWidget* parent) : QDialog(parent), now_(now) {
    setWindowTitle(tr("Silence"));
    target_ = new QLineEdit(this);
    target_->setPlaceholderText(tr("rpc:eth-main-a, or a glob such as rpc:*"));
    target_->setAccessibleName(tr("Target"));
    labels_ = new QLineEdit(this);
    labels_->setPlaceholderText(tr("detector=gas.spike, target_kind=rpc"));
    labels_->setAccessibleName(tr("Labels"));
    kind_ = new QComboBox(this);
    kind_->addItem(tr("(any kind)"), QString());
    for (const char* k : kKinds) kind_->addItem(QString::fromLatin1(k), QString::fromLatin1(k));
    kind_->setAccessibleName(tr("Incident kind"));
    duration_ = new QComboBox(this);
    for (const auto& d : kDurations) duration_->addItem(tr(d.text), qint64(d.ms));
    duration_->setCurrentIndex(2);  // 2 hours
    duration_->setAccessibleName(tr("Duration"));
    reason_ = new QLineEdit(this);
    reason_->setAccessibleName(tr("Reason"));
    author_ = new QLineEdit(this);
    author_->setText(qEnvironmentVariable("USER"));
    author_->setAccessibleName(tr("Set by"));
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #d64541"));
    error_->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Target:"), target_);
    form->addRow(tr("&Labels:"), labels_);
    form->addRow(tr("&Kind:"), kind_);
    form->addRow(tr("&For:"), duration_);
    form->addRow(tr("&Reason:"), reason_);
    form->addRow(tr("Set &by:"), author_);
    auto* note = new QLabel(tr("Silenced anomalies are still recorded and shown greyed, but open no incident, "
                               "raise no notification and trigger no action."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SilenceDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(error_);
    layout->addWidget(buttons);
}

void SilenceDialog::prefill(const Incident& incident) {
    setTarget(QString::fromStdString(incident.cause));
    setReason(tr("Incident %1").arg(QString::fromStdString(incident.id)));
}

void SilenceDialog::setTarget(const QString& target) { target_->setText(target); }
void SilenceDialog::setKind(const QString& kind) {
    const int i = kind_->findData(kind);
    kind_->setCurrentIndex(i < 0 ? 0 : i);
}
void SilenceDialog::setAuthor(const QString& who) { author_->setText(who); }
void SilenceDialog::setReason(const QString& reason) { reason_->setText(reason); }
void SilenceDialog::setLabels(const QString& labels) { labels_->setText(labels); }
void SilenceDialog::setDurationIndex(int index) { duration_->setCurrentIndex(index); }
QString SilenceDialog::error() const { return error_->text(); }

bool SilenceDialog::build(silence::Silence& out, QString& why) const {
    silence::Silence s;
    s.target = target_->text().trimmed().toStdString();
    for (const QString& part : labels_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        std::string k, v, err;
        if (!silence::parseLabel(part.trimmed().toStdString(), k, v, err)) {
            why = tr("Labels: %1").arg(QString::fromStdString(err));
            return false;
        }
        s.labels[k] = v;
    }
    s.kind = kind_->currentData().toString().toStdString();
    s.starts = now_;
    s.ends = now_ + duration_->currentData().toLongLong();
    s.reason = reason_->text().trimmed().toStdString();
    s.createdBy = author_->text().trimmed().toStdString();
    s.created = now_;
    std::string err;
    if (!silence::validSilence(s, err)) {
        if (err.rfind("reason", 0) == 0) why = tr("Reason: say why (it is audited).");
        else if (err.rfind("created_by", 0) == 0) why = tr("Set by: who sets the silence.");
        else if (err.rfind("a silence needs", 0) == 0) why = tr("Give a target, a label or a kind to match.");
        else why = QString::fromStdString(err);
        return false;
    }
    out = std::move(s);
    return true;
}

void SilenceDialog::accept() {
    QString why;
    if (!build(result_, why)) {
        error_->setText(why);
        error_->show();
        return;
    }
    error_->hide();
    QDialog::accept();
}

}  // namespace vigil::ui
