#include "ui/SilenceSource.h"

#include "audit/SilenceAudit.h"

namespace vigil::ui {

struct SilenceWorker::Connection {
    std::unique_ptr<audit::AuditedSilences> silences;
};

SilenceWorker::SilenceWorker(QString dbPath) : path_(std::move(dbPath)) {}
SilenceWorker::~SilenceWorker() = default;

QString SilenceWorker::open() {
    if (conn_) return {};
    auto opened = audit::AuditedSilences::open(path_.toStdString());
    if (!opened) return QString::fromStdString(opened.error());
    conn_ = std::make_unique<Connection>();
    conn_->silences = std::move(opened).value();
    return {};
}

void SilenceWorker::list(qint64 endingAfter) {
    if (const QString why = open(); !why.isEmpty()) {
        emit listed({}, why);
        return;
    }
    auto rows = conn_->silences->list(endingAfter);
    if (!rows) {
        conn_.reset();  // reopen next time
        emit listed({}, QString::fromStdString(rows.error()));
        return;
    }
    emit listed(rows.value(), {});
}

void SilenceWorker::add(const silence::Silence& s) {
    if (const QString why = open(); !why.isEmpty()) {
        emit answered(false, why);
        return;
    }
    const auto done = conn_->silences->add(s);
    if (!done) emit answered(false, QString::fromStdString(done.error()));
    else emit answered(true, tr("Silence %1 set by %2").arg(done->id).arg(QString::fromStdString(done->createdBy)));
}

void SilenceWorker::expire(qint64 id, const QString& who, qint64 now) {
    if (const QString why = open(); !why.isEmpty()) {
        emit answered(false, why);
        return;
    }
    const auto done = conn_->silences->expire(id, who.toStdString(), now);
    if (!done) emit answered(false, QString::fromStdString(done.error()));
    else emit answered(true, tr("Silence %1 expired by %2").arg(id).arg(who));
}

SilenceSource::SilenceSource(const QString& dbPath, const Clock& clock, int pollMs, QObject* parent)
    : QObject(parent), path_(dbPath), clock_(clock) {
    qRegisterMetaType<std::vector<vigil::silence::Silence>>("std::vector<vigil::silence::Silence>");
    qRegisterMetaType<vigil::silence::Silence>("vigil::silence::Silence");
    thread_.setObjectName(QStringLiteral("silences"));
    worker_ = new SilenceWorker(dbPath);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SilenceWorker::listed, this, &SilenceSource::listed);
    connect(worker_, &SilenceWorker::answered, this, [this](bool ok, const QString& message) {
        emit answered(ok, message);
        refresh();
    });
    thread_.start();
    poll_.setInterval(pollMs);
    connect(&poll_, &QTimer::timeout, this, &SilenceSource::refresh);
    poll_.start();
    refresh();
}

SilenceSource::~SilenceSource() {
    poll_.stop();
    thread_.quit();
    thread_.wait();  // the worker finishes its one SQLite call, then is deleted
}

void SilenceSource::refresh() {
    if (listing_) return;
    listing_ = true;
    const qint64 after = clock_.now() - 86'400'000;
    QMetaObject::invokeMethod(worker_, [w = worker_, after] { w->list(after); }, Qt::QueuedConnection);
}

void SilenceSource::add(const silence::Silence& s) {
    silence::Silence copy = s;
    copy.created = clock_.now();
    if (copy.starts < copy.created) copy.starts = copy.created;
    QMetaObject::invokeMethod(worker_, [w = worker_, copy] { w->add(copy); }, Qt::QueuedConnection);
}

void SilenceSource::expire(qint64 id, const QString& who) {
    const qint64 now = clock_.now();
    QMetaObject::invokeMethod(worker_, [w = worker_, id, who, now] { w->expire(id, who, now); }, Qt::QueuedConnection);
}

void SilenceSource::listed(const std::vector<silence::Silence>& rows, const QString& error) {
    listing_ = false;
    const int now = error.isEmpty() ? 1 : 0;
    if (now != available_) {
        available_ = now;
        emit availabilityChanged(now == 1, error);
    }
    if (now == 1) emit silencesChanged(rows, clock_.now());
}

}  // namespace vigil::ui
