// The approval queue of a sign-off service (docs/signoff.md), for a sign-off
// desk (`vigil --desk URL`): SignoffClient calls on a worker thread, so the
// GUI thread never waits on the network. The queue is polled (every pollMs,
// and on demand); while the service cannot be reached the source says so
// ("Disconnected from URL — retrying (last contact HH:MM:SS)") and retries
// with a doubling backoff, then says when it is reconnected. Who approves is
// the token's identity, which the service names (signedInAs()); the `who` the
// dialog passes is ignored. Decisions come back with the service's answer
// verbatim (its 401/403/404/409/400 texts).
#pragma once

#include "record/Clock.h"
#include "ui/ApprovalSource.h"

#include <QThread>
#include <QTimer>

#include <memory>

namespace vigil::signoff {
class SignoffClient;
}

namespace vigil::ui {

class SignoffWorker;

struct RemoteApprovalTiming {
    int pollMs = 2000;       // between lists while connected
    int retryMinMs = 1000;   // first retry after the service was lost
    int retryMaxMs = 16000;  // the backoff doubles up to this
};

class RemoteApprovalSource : public ApprovalSource {
    Q_OBJECT
public:
    // `client` from SignoffClient::create; `clock` (the desk's own; countdowns
    // follow the service's clock by the offset each list reports) must outlive this.
    RemoteApprovalSource(std::unique_ptr<signoff::SignoffClient> client, const Clock& clock,
                         RemoteApprovalTiming timing = {}, QObject* parent = nullptr);
    ~RemoteApprovalSource() override;

    TimestampMs now() const override { return clock_.now() + offset_; }
    QString where() const override;
    QString signedInAs() const override { return identity_; }

    QString url() const { return url_; }
    bool connected() const { return state_ == State::Connected; }
    // One line for a banner: connecting, connected as, disconnected — retrying, reconnected.
    QString statusText() const { return status_; }
    // Why the last call failed (the transport's or the service's words); "" when it did not.
    QString lastError() const { return lastError_; }
    // The desk's clock at the last answer from the service; 0 before the first.
    TimestampMs lastContact() const { return lastContact_; }
    // The wait before the next list (grows while disconnected).
    int nextPollMs() const { return next_.interval(); }

public slots:
    void refresh() override;
    void approve(const QString& id, const QString& who, const QString& comment) override;
    void reject(const QString& id, const QString& who, const QString& reason) override;
    void lookUp(const QString& id) override;

signals:
    // statusText() changed; `connected` as connected().
    void statusChanged(const QString& text, bool connected);

private:
    enum class State { Unknown, Connected, Refused, Disconnected };

    void listed(const vigil::ui::ApprovalList& pending, qint64 serverNow, bool ok, bool reached, const QString& error);
    // Every call's outcome moves the connection state (and the banner).
    void contact(bool ok, bool reached, const QString& error);
    void setStatus(const QString& text);
    QString connectedText() const;
    void decide(const QString& id, const QString& comment, bool approve);

    const Clock& clock_;
    RemoteApprovalTiming timing_;
    QString url_;
    QThread thread_;
    SignoffWorker* worker_ = nullptr;  // lives in thread_
    QTimer next_;
    bool listing_ = false;
    bool everConnected_ = false;
    State state_ = State::Unknown;
    int retryMs_ = 0;
    TimestampMs offset_ = 0;
    TimestampMs lastContact_ = 0;
    TimestampMs reconnectedAt_ = 0;  // 0 until the service was lost and found again
    QString identity_;
    QString status_;
    QString lastError_;
};

}  // namespace vigil::ui
