// Actions, approval decisions and outcomes as the store has them, for the
// timeline and the action log: a StoreReader on its own read-only connection in
// a worker thread polls every pollMs and hands over what is new since the last
// poll (approvals and outcomes are append-only; an action is handed over again
// when its status or time changes). Approvals come first in each batch, so a
// consumer knows an action went through people before it sees the action.
#pragma once

#include "record/Record.h"
#include "ui/RecordsMetaType.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <map>
#include <memory>
#include <utility>

namespace vigil::store {
class StoreReader;
}

namespace vigil::ui {

class StoreActivityReader : public QObject {
    Q_OBJECT
public:
    explicit StoreActivityReader(QString path);
    ~StoreActivityReader() override;

public slots:
    void poll();

signals:
    void records(const std::vector<vigil::Record>& batch);
    void failed(const QString& why);

private:
    QString path_;
    std::unique_ptr<store::StoreReader> reader_;
    std::size_t approvalsSeen_ = 0;
    std::size_t outcomesSeen_ = 0;
    std::map<std::string, std::pair<TimestampMs, ActionStatus>> actions_;
};

class StoreActivityFeed : public QObject {
    Q_OBJECT
public:
    explicit StoreActivityFeed(const QString& dbPath, int pollMs = 1000, QObject* parent = nullptr);
    ~StoreActivityFeed() override;

public slots:
    void poll();

signals:
    void records(const std::vector<vigil::Record>& batch);
    void failed(const QString& why);

private:
    QThread thread_;
    StoreActivityReader* reader_;  // lives in thread_
    QTimer timer_;
};

}  // namespace vigil::ui
