// The learning panel's worker: owns the LearnStore (its own read-write
// connection, audited with the engine's key), created and used only on the
// worker thread, so the GUI never waits on the store.
#pragma once

#include "learn/LearnStore.h"
#include "ui/LearnedChangesModel.h"

#include <QObject>

#include <memory>

namespace vigil::ui {

class LearningWorker : public QObject {
    Q_OBJECT
public:
    explicit LearningWorker(QString dbPath) : path_(std::move(dbPath)) {}
    ~LearningWorker() override;

public slots:
    void refresh();
    // verdict: a learn::Verdict as int.
    void giveFeedback(const QString& incidentId, int verdict, const QString& user, const QString& comment);
    void revert(qint64 id, const QString& user);

signals:
    void changes(const std::vector<vigil::learn::LearnChange>& all);
    void done(const QString& message);  // what was stored, in words
    void failed(const QString& why);

private:
    bool open();  // false (and failed emitted) when the store cannot be opened
    QString path_;
    std::unique_ptr<learn::LearnStore> store_;
};

}  // namespace vigil::ui
