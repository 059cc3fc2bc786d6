// The console's learning panel (issue #12): what Vigil learned, with a Revert
// button, and the feedback actions for an incident's context menu. The lead
// wires it: makeLearningPanel() for a dock, addFeedbackActions() on the
// incidents table's (or the timeline's) context menu. All store work happens
// in a LearningWorker on its own thread; the list refreshes every pollMs.
#pragma once

#include "learn/Feedback.h"

#include <QThread>
#include <QWidget>

class QLabel;
class QMenu;
class QTableView;
class QTimer;

namespace vigil::ui {

class LearnedChangesModel;
class LearningWorker;

class LearningPanel : public QWidget {
    Q_OBJECT
public:
    LearningPanel(const QString& dbPath, const QString& user, int pollMs = 5000, QWidget* parent = nullptr);
    ~LearningPanel() override;

    LearnedChangesModel* model() const { return model_; }
    const QString& lastMessage() const { return lastMessage_; }

public slots:
    void giveFeedback(const QString& incidentId, vigil::learn::Verdict verdict, const QString& comment = {});
    void revertSelected();
    void refresh();

signals:
    void message(const QString& text);  // what was stored, or why not

private:
    QString user_;
    QThread thread_;
    LearningWorker* worker_ = nullptr;
    LearnedChangesModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* poll_ = nullptr;
    QString lastMessage_;
};

LearningPanel* makeLearningPanel(const QString& dbPath, const QString& user, QWidget* parent = nullptr);

// "False alarm", "Real problem", "The action helped", "The action did not help"
// for `incidentId`, each giving that feedback through `panel`.
void addFeedbackActions(QMenu* menu, const QString& incidentId, LearningPanel* panel);

}  // namespace vigil::ui
