// "Silence…": what to silence (target, labels, policy incident kind), for how
// long, why and who sets it. Opened from an incident (prefilled with its likely
// cause) or from the menu. It only builds and checks the silence; the caller
// hands it to a SilenceSource, which stores and audits it.
#pragma once

#include "record/Record.h"
#include "silence/Silence.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace vigil::ui {

class SilenceDialog : public QDialog {
    Q_OBJECT
public:
    // `now`: when the silence would start (the source's clock).
    explicit SilenceDialog(TimestampMs now, QWidget* parent = nullptr);

    // Target = the incident's likely cause, reason names the incident.
    void prefill(const Incident& incident);
    void setTarget(const QString& target);
    void setKind(const QString& kind);
    void setAuthor(const QString& who);
    void setReason(const QString& reason);
    void setLabels(const QString& labels);  // "key=value, key=value"
    void setDurationIndex(int index);       // of the duration choices (30 min ... 1 week)

    // Builds the silence from the fields; false with a reason naming the field.
    bool build(silence::Silence& out, QString& why) const;
    QString error() const;  // shown under the fields after a refused OK

    void accept() override;  // only with a valid silence
    silence::Silence result() const { return result_; }

private:
    TimestampMs now_;
    QLineEdit* target_;
    QLineEdit* labels_;
    QComboBox* kind_;
    QComboBox* duration_;
    QLineEdit* reason_;
    QLineEdit* author_;
    QLabel* error_;
    silence::Silence result_;
};

}  // namespace vigil::ui
