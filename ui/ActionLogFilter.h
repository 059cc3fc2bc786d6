// The action log filtered by target (substring, any case), kind (exact) and
// state (an ActionStatus); an empty filter lets everything through.
#pragma once

#include <QSortFilterProxyModel>

namespace vigil::ui {

class ActionLogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

public slots:
    void setTarget(const QString& text);
    void setKind(const QString& kind);     // "" = any
    void setStatus(int status);            // -1 = any

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString target_, kind_;
    int status_ = -1;
};

}  // namespace vigil::ui
