#include "ui/RemoteApprovalSource.h"

#include "signoff/SignoffClient.h"
#include "ui/SignoffWorker.h"

#include <QDateTime>

namespace vigil::ui {

namespace {
QString clockTime(TimestampMs ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")); }
}  // namespace

RemoteApprovalSource::RemoteApprovalSource(std::unique_ptr<signoff::SignoffClient> client, const Clock& clock,
                                           RemoteApprovalTiming timing, QObject* parent)
    : ApprovalSource(parent),
      clock_(clock),
      timing_(timing),
      url_(QString::fromStdString(client->url())),
      retryMs_(timing.retryMinMs) {
    qRegisterMetaType<vigil::ui::ApprovalList>("vigil::ui::ApprovalList");
    qRegisterMetaType<vigil::ui::GateAnswer>("vigil::ui::GateAnswer");
    qRegisterMetaType<vigil::approve::ApprovalRequest>("vigil::approve::ApprovalRequest");
    thread_.setObjectName(QStringLiteral("signoff"));
    worker_ = new SignoffWorker(std::move(client));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SignoffWorker::listed, this, &RemoteApprovalSource::listed);
    connect(worker_, &SignoffWorker::shown, this, &ApprovalSource::lookedUp);
    connect(worker_, &SignoffWorker::identified, this,
            [this](const QString& who, bool ok, bool reached, const QString& error) {
                // Only the transport moves the state here: a service without
                // /v1/whoami still serves the queue.
                if (!reached) contact(false, false, error);
                if (!ok || who == identity_) return;
                identity_ = who;
                if (connected()) setStatus(connectedText());
                emit signedIn(identity_);
            });
    connect(worker_, &SignoffWorker::answered, this, [this](const GateAnswer& a, bool reached) {
        contact(reached, reached, a.ok ? QString() : a.message);
        emit answered(a);
        refresh();  // the queue changed (or the answer says why not)
    });
    thread_.start();
    next_.setSingleShot(true);
    connect(&next_, &QTimer::timeout, this, &RemoteApprovalSource::refresh);
    setStatus(tr("Connecting to %1…").arg(url_));
    refresh();
}

RemoteApprovalSource::~RemoteApprovalSource() {
    next_.stop();
    thread_.quit();
    thread_.wait();  // at most one call's deadline
}

QString RemoteApprovalSource::where() const { return tr("sign-off service %1").arg(url_); }

void RemoteApprovalSource::refresh() {
    if (listing_) return;
    listing_ = true;
    next_.stop();
    QMetaObject::invokeMethod(worker_, &SignoffWorker::list, Qt::QueuedConnection);
}

void RemoteApprovalSource::approve(const QString& id, const QString&, const QString& comment) {
    decide(id, comment, true);
}
void RemoteApprovalSource::reject(const QString& id, const QString&, const QString& reason) {
    decide(id, reason, false);
}

void RemoteApprovalSource::lookUp(const QString& id) {
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id] { w->show(id); }, Qt::QueuedConnection);
}

void RemoteApprovalSource::decide(const QString& id, const QString& comment, bool approve) {
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id, comment, approve] { w->decide(id, comment, approve); }, Qt::QueuedConnection);
}

void RemoteApprovalSource::listed(const ApprovalList& pending, qint64 serverNow, bool ok, bool reached,
                                  const QString& error) {
    listing_ = false;
    if (ok) offset_ = serverNow - clock_.now();
    contact(ok, reached, error);
    if (ok) emit requestsChanged(pending);
    if (ok && identity_.isEmpty()) QMetaObject::invokeMethod(worker_, &SignoffWorker::whoami, Qt::QueuedConnection);
    if (state_ == State::Connected) {
        retryMs_ = timing_.retryMinMs;
        next_.start(timing_.pollMs);
    } else {
        next_.start(retryMs_);
        retryMs_ = std::min(retryMs_ * 2, timing_.retryMaxMs);
    }
}

void RemoteApprovalSource::contact(bool ok, bool reached, const QString& error) {
    if (reached) lastContact_ = clock_.now();
    lastError_ = ok ? QString() : error;
    const State was = state_;
    state_ = ok ? State::Connected : reached ? State::Refused : State::Disconnected;
    if (state_ == was && state_ != State::Refused) return;
    switch (state_) {
    case State::Connected:
        if (everConnected_) reconnectedAt_ = lastContact_;
        everConnected_ = true;
        setStatus(connectedText());
        emit availabilityChanged(true, {});
        break;
    case State::Refused:  // the service is there but says no to the desk (a revoked token: 401)
        setStatus(tr("%1 refused the desk: %2 — retrying").arg(url_, error));
        if (was != State::Refused) emit availabilityChanged(false, error);
        break;
    case State::Disconnected:
        setStatus(lastContact_ == 0
                      ? tr("Cannot reach %1 — retrying (no contact yet)").arg(url_)
                      : tr("Disconnected from %1 — retrying (last contact %2)").arg(url_, clockTime(lastContact_)));
        emit availabilityChanged(false, error);
        break;
    case State::Unknown: break;
    }
}

QString RemoteApprovalSource::connectedText() const {
    if (reconnectedAt_ == 0)
        return identity_.isEmpty() ? tr("Connected to %1").arg(url_) : tr("Connected to %1 as %2").arg(url_, identity_);
    const QString text = tr("Reconnected to %1 at %2").arg(url_, clockTime(reconnectedAt_));
    return identity_.isEmpty() ? text : tr("%1 — signed in as %2").arg(text, identity_);
}

void RemoteApprovalSource::setStatus(const QString& text) {
    if (text == status_) return;
    status_ = text;
    emit statusChanged(status_, connected());
}

}  // namespace vigil::ui
