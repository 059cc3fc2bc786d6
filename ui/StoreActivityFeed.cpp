#include "ui/StoreActivityFeed.h"

#include "store/StoreReader.h"

#include <QFileInfo>

namespace vigil::ui {

StoreActivityReader::StoreActivityReader(QString path) : path_(std::move(path)) {}
StoreActivityReader::~StoreActivityReader() = default;

void StoreActivityReader::poll() {
    if (!reader_) {
        if (!QFileInfo(path_).isFile()) return emit failed(tr("%1: no such database file").arg(path_));
        auto opened = store::StoreReader::open(path_.toStdString());
        if (!opened) return emit failed(QString::fromStdString(opened.error()));
        reader_ = std::move(opened.value());
    }
    auto approvals = reader_->approvals();
    auto actions = reader_->actions();
    auto outcomes = reader_->outcomes();
    for (const std::string* err : {approvals ? nullptr : &approvals.error(), actions ? nullptr : &actions.error(),
                                   outcomes ? nullptr : &outcomes.error()})
        if (err) {
            reader_.reset();  // reopen next time
            return emit failed(QString::fromStdString(*err));
        }
    std::vector<Record> batch;
    for (std::size_t k = approvalsSeen_; k < approvals.value().size(); ++k) batch.emplace_back(approvals.value()[k]);
    approvalsSeen_ = approvals.value().size();
    for (const Action& a : actions.value()) {
        auto& seen = actions_[a.id];
        if (seen.first == a.ts && seen.second == a.status && seen.first != 0) continue;
        seen = {a.ts, a.status};
        batch.emplace_back(a);
    }
    for (std::size_t k = outcomesSeen_; k < outcomes.value().size(); ++k) batch.emplace_back(outcomes.value()[k]);
    outcomesSeen_ = outcomes.value().size();
    if (!batch.empty()) emit records(batch);
}

StoreActivityFeed::StoreActivityFeed(const QString& dbPath, int pollMs, QObject* parent)
    : QObject(parent), reader_(new StoreActivityReader(dbPath)) {
    qRegisterMetaType<std::vector<vigil::Record>>("std::vector<vigil::Record>");
    thread_.setObjectName(QStringLiteral("activity"));
    reader_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, reader_, &QObject::deleteLater);
    connect(reader_, &StoreActivityReader::records, this, &StoreActivityFeed::records);
    connect(reader_, &StoreActivityReader::failed, this, &StoreActivityFeed::failed);
    thread_.start();
    timer_.setInterval(pollMs);
    connect(&timer_, &QTimer::timeout, this, &StoreActivityFeed::poll);
    timer_.start();
    poll();
}

StoreActivityFeed::~StoreActivityFeed() {
    timer_.stop();
    thread_.quit();
    thread_.wait();
}

void StoreActivityFeed::poll() { QMetaObject::invokeMethod(reader_, &StoreActivityReader::poll, Qt::QueuedConnection); }

}  // namespace vigil::ui
