// The approvals dock: the queue as a table, a Review button, and the one
// ApprovalDialog for the whole queue. A request arriving opens the dialog (or,
// when it is already open, only its "1 of N" changes: windows never stack).
#pragma once

#include "ui/ApprovalDialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace vigil::ui {

class ApprovalQueueModel;
class ApprovalSource;

class ApprovalQueuePanel : public QWidget {
    Q_OBJECT
public:
    // Both must outlive the panel.
    ApprovalQueuePanel(ApprovalSource* source, ApprovalQueueModel* queue, QWidget* parent = nullptr);

    // Raise the dialog on arrival (default true; off for screenshots and tests).
    void setOpenOnArrival(bool on) { openOnArrival_ = on; }
    ApprovalDialog* dialog() const { return dialog_; }
    QTableView* table() const { return table_; }

public slots:
    // Opens (or raises) the dialog, on `id` when given and queued.
    void review(const QString& id = {});

private:
    ApprovalSource* source_;
    ApprovalQueueModel* queue_;
    QTableView* table_;
    QLabel* status_;
    QPushButton* review_;
    QPointer<ApprovalDialog> dialog_;
    bool openOnArrival_ = true;
};

}  // namespace vigil::ui
