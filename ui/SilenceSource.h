// The silences of a local Vigil database for the console: the table and the
// audit log on their own connection in a worker thread (the GUI thread never
// waits on the store), re-read every pollMs and after every change. Adding and
// expiring go through audit::AuditedSilences, so the panel's changes are audited
// exactly like `vigilctl silence`.
#pragma once

#include "record/Clock.h"
#include "silence/Silence.h"

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <vector>

Q_DECLARE_METATYPE(std::vector<vigil::silence::Silence>)
Q_DECLARE_METATYPE(vigil::silence::Silence)

namespace vigil::ui {

class SilenceWorker;

class SilenceSource : public QObject {
    Q_OBJECT
public:
    // `clock` (the time silences start and expire at) must outlive the source.
    SilenceSource(const QString& dbPath, const Clock& clock, int pollMs = 1000, QObject* parent = nullptr);
    ~SilenceSource() override;

    TimestampMs now() const { return clock_.now(); }
    QString where() const { return path_; }

public slots:
    void refresh();
    // Starts now (or at s.starts when later); s.created is set here.
    void add(const vigil::silence::Silence& s);
    void expire(qint64 id, const QString& who);

signals:
    // Every silence ending after now - 1 day (recently ended ones stay visible), oldest first.
    void silencesChanged(const std::vector<vigil::silence::Silence>& silences, qint64 now);
    // The answer to add/expire, in words ("Silence 3 set", or the store's reason).
    void answered(bool ok, const QString& message);
    void availabilityChanged(bool available, const QString& why);

private:
    void listed(const std::vector<vigil::silence::Silence>& rows, const QString& error);

    QString path_;
    const Clock& clock_;
    QThread thread_;
    SilenceWorker* worker_ = nullptr;  // lives in thread_
    QTimer poll_;
    bool listing_ = false;
    int available_ = -1;
};

// The worker: owns the connection, created and used only on the worker thread.
class SilenceWorker : public QObject {
    Q_OBJECT
public:
    explicit SilenceWorker(QString dbPath);
    ~SilenceWorker() override;

public slots:
    void list(qint64 endingAfter);
    void add(const vigil::silence::Silence& s);
    void expire(qint64 id, const QString& who, qint64 now);

signals:
    void listed(const std::vector<vigil::silence::Silence>& rows, const QString& error);
    void answered(bool ok, const QString& message);

private:
    QString open();  // "" when open
    QString path_;
    struct Connection;
    std::unique_ptr<Connection> conn_;
};

}  // namespace vigil::ui
