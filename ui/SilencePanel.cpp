#include "ui/SilencePanel.h"

#include "ui/IncidentListModel.h"
#include "ui/IncidentPanel.h"
#include "ui/SilenceDialog.h"
#include "ui/SilenceModel.h"
#include "ui/SilenceSource.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::ui {

SilencePanel::SilencePanel(SilenceSource& source, QWidget* parent)
    : QWidget(parent), source_(source), model_(new SilenceModel(this)) {
    view_ = new QTableView(this);
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setAccessibleName(tr("Silences"));
    auto* add = new QPushButton(tr("&New silence…"), this);
    expire_ = new QPushButton(tr("E&xpire"), this);
    expire_->setEnabled(false);
    status_ = new QLabel(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(expire_);
    buttons->addWidget(status_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    layout->addLayout(buttons);

    auto selectionMoved = [this] {
        const auto* s = model_->at(view_->currentIndex().row());
        expire_->setEnabled(s && s->ends > source_.now());
    };
    connect(&source_, &SilenceSource::silencesChanged, this,
            [this, selectionMoved](const std::vector<silence::Silence>& rows, qint64 now) {
                const qint64 selected = view_->currentIndex().isValid() ? model_->at(view_->currentIndex().row())->id : 0;
                model_->setSilences(rows, now);
                for (int r = 0; selected && r < model_->rowCount(); ++r)
                    if (model_->at(r)->id == selected) view_->selectRow(r);
                selectionMoved();
            });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, selectionMoved);
    connect(&source_, &SilenceSource::answered, this, [this](bool, const QString& message) { status_->setText(message); });
    connect(&source_, &SilenceSource::availabilityChanged, this, [this](bool ok, const QString& why) {
        if (!ok) status_->setText(tr("Silences unavailable: %1").arg(why));
    });
    connect(add, &QPushButton::clicked, this, &SilencePanel::newSilence);
    connect(expire_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString who = QInputDialog::getText(this, tr("Expire silence"), tr("Your name (audited):"), QLineEdit::Normal,
                                                  qEnvironmentVariable("USER"), &ok);
        if (ok) expireSelected(who);
    });
}

bool SilencePanel::expireSelected(const QString& who) {
    const auto* s = model_->at(view_->currentIndex().row());
    if (!s) return false;
    if (who.trimmed().isEmpty()) {
        status_->setText(tr("Expire: say who you are (it is audited)."));
        return false;
    }
    source_.expire(s->id, who.trimmed());
    return true;
}

QString SilencePanel::status() const { return status_->text(); }

void SilencePanel::newSilence() { openSilenceDialog(source_, this); }

bool openSilenceDialog(SilenceSource& source, QWidget* parent, const std::optional<Incident>& incident) {
    SilenceDialog dialog(source.now(), parent);
    if (incident) dialog.prefill(*incident);
    if (dialog.exec() != QDialog::Accepted) return false;
    source.add(dialog.result());
    return true;
}

QAction* makeSilenceAction(SilenceSource& source, QWidget* parent, std::function<std::optional<Incident>()> currentIncident) {
    auto* action = new QAction(QObject::tr("&Silence…"), parent);
    action->setStatusTip(QObject::tr("Silence a target, label or incident kind for a while (maintenance)"));
    QObject::connect(action, &QAction::triggered, parent, [&source, parent, currentIncident = std::move(currentIncident)] {
        openSilenceDialog(source, parent, currentIncident ? currentIncident() : std::nullopt);
    });
    return action;
}

std::function<std::optional<Incident>()> selectedIncidentOf(const IncidentPanel* panel, const IncidentListModel* model) {
    return [panel, model]() -> std::optional<Incident> {
        const Incident* i = model->incidentAt(panel->table()->currentIndex().row());
        return i ? std::optional<Incident>(*i) : std::nullopt;
    };
}

}  // namespace vigil::ui
