// Notify: the Alertmanager v4 webhook payload of an action (its JSON shape as
// Alertmanager's webhook receivers expect it: version "4", status, receiver,
// groupKey, groupLabels, commonLabels, alerts[] with labels, annotations,
// startsAt/endsAt) and WebhookNotifier POSTing it to a loopback server; a dead
// receiver is counted as failed. https:// to a loopback TLS receiver with a
// self-signed certificate: delivered when notify.ca_file trusts it, refused
// (counted as failed, the verification error in words) against the system's
// CAs or under another host name.
#include "../approve/SignoffTestSupport.h"
#include "../net/CannedServer.h"
#include "TlsReceiver.h"
#include "remedy/AlertmanagerPayload.h"
#include "remedy/WebhookNotifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::remedy;

namespace {
ActionContext failoverContext() {
    ActionContext c;
    Incident i;
    i.ts = 1767225787000;
    i.id = "inc-7";
    i.state = IncidentState::Open;
    i.severity = Severity::Critical;
    i.opened = i.ts;
    i.targets = {"rpc:eth-main-a"};
    i.cause = "rpc:eth-main-a";
    i.narrative = "RPC endpoint eth-main-a stopped answering.";
    c.incident = i;
    c.action.ts = 1767225800000;  // 2026-01-01 00:03:20 UTC
    c.action.id = "act-1";
    c.action.incident_id = "inc-7";
    c.action.kind = "failover_rpc";
    c.action.target = "rpc:eth-main-a";
    c.action.params = "{\"rule\":\"rpc-outage-failover\",\"to\":\"rpc:eth-main-b\"}";
    c.action.status = ActionStatus::Executing;
    c.rule = "rpc-outage-failover";
    c.why = "error rate 100 % for 60 s";
    return c;
}

QJsonObject parse(const std::string& json) {
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &e);
    if (e.error != QJsonParseError::NoError) qFatal("not JSON: %s", qPrintable(e.errorString()));
    return doc.object();
}

std::string bodyOf(const std::string& request) {
    const auto p = request.find("\r\n\r\n");
    return p == std::string::npos ? std::string() : request.substr(p + 4);
}
}  // namespace

class TestWebhookNotify : public QObject {
    Q_OBJECT
private slots:
    void payloadHasAlertmanagersV4Shape() {
        const QJsonObject o = parse(alertmanagerPayload(failoverContext()));
        QCOMPARE(o["version"].toString(), QStringLiteral("4"));
        QCOMPARE(o["status"].toString(), QStringLiteral("firing"));
        QCOMPARE(o["receiver"].toString(), QStringLiteral("vigil"));
        QCOMPARE(o["groupKey"].toString(), QStringLiteral("{}:{alertname=\"VigilAction\"}"));
        QCOMPARE(o["truncatedAlerts"].toInt(-1), 0);
        QCOMPARE(o["groupLabels"].toObject()["alertname"].toString(), QStringLiteral("VigilAction"));
        QVERIFY(o.contains("commonLabels") && o.contains("commonAnnotations") && o.contains("externalURL"));
        const QJsonArray alerts = o["alerts"].toArray();
        QCOMPARE(alerts.size(), 1);
        const QJsonObject a = alerts[0].toObject();
        QCOMPARE(a["status"].toString(), QStringLiteral("firing"));
        const QJsonObject labels = a["labels"].toObject();
        QCOMPARE(labels["alertname"].toString(), QStringLiteral("VigilAction"));
        QCOMPARE(labels["action"].toString(), QStringLiteral("failover_rpc"));
        QCOMPARE(labels["target"].toString(), QStringLiteral("rpc:eth-main-a"));
        QCOMPARE(labels["incident"].toString(), QStringLiteral("inc-7"));
        QCOMPARE(labels["rule"].toString(), QStringLiteral("rpc-outage-failover"));
        QCOMPARE(labels["severity"].toString(), QStringLiteral("warning"));
        const QJsonObject ann = a["annotations"].toObject();
        // The ActionSummary words: title as summary, the four lines as description.
        QVERIFY2(ann["summary"].toString().contains("inc-7"), qPrintable(ann["summary"].toString()));
        for (const char* line : {"Seen: ", "Action: ", "Why: ", "Outcome: "})
            QVERIFY2(ann["description"].toString().contains(QLatin1String(line)), qPrintable(ann["description"].toString()));
        QCOMPARE(a["startsAt"].toString(), QStringLiteral("2026-01-01T00:03:20.000Z"));
        QCOMPARE(a["endsAt"].toString(), QStringLiteral("0001-01-01T00:00:00Z"));
        QCOMPARE(a["fingerprint"].toString().size(), 16);
        // Deterministic.
        QCOMPARE(alertmanagerPayload(failoverContext()), alertmanagerPayload(failoverContext()));
    }

    void anOutcomeResolvesTheAlert() {
        ActionContext c = failoverContext();
        c.outcome = Outcome{1767225801000, "act-1", true, "agents moved to rpc:eth-main-b"};
        const QJsonObject a = parse(alertmanagerPayload(c))["alerts"].toArray()[0].toObject();
        QCOMPARE(a["status"].toString(), QStringLiteral("resolved"));
        QCOMPARE(a["endsAt"].toString(), QStringLiteral("2026-01-01T00:03:21.000Z"));
        QVERIFY(a["annotations"].toObject()["outcome"].toString().startsWith("succeeded: agents moved"));
    }

    void notifierPostsToALoopbackReceiver() {
        nettest::CannedServer server(nettest::httpReply(200, "{}"));
        std::string error;
        auto n = WebhookNotifier::create(server.url() + "alerts", error);
        QVERIFY2(n, error.c_str());
        const std::string payload = alertmanagerPayload(failoverContext());
        n->post(payload);
        n->post(payload);
        n->flush();
        QCOMPARE(n->stats().sent, std::int64_t(2));
        QCOMPARE(n->stats().failed, std::int64_t(0));
        const auto reqs = server.requests();
        QCOMPARE(reqs.size(), std::size_t(2));
        QVERIFY2(reqs[0].rfind("POST /alerts HTTP/1.1\r\n", 0) == 0, reqs[0].c_str());
        QVERIFY2(reqs[0].find("Content-Type: application/json") != std::string::npos, reqs[0].c_str());
        QCOMPARE(bodyOf(reqs[0]), payload);
        QCOMPARE(parse(bodyOf(reqs[1]))["version"].toString(), QStringLiteral("4"));
    }

    void aDeadOrRefusingReceiverIsCountedNotFatal() {
        nettest::CannedServer refusing(nettest::httpReply(500, "no"));
        std::string error;
        auto n = WebhookNotifier::create(refusing.url(), error);
        QVERIFY2(n, error.c_str());
        n->post("{}");
        n->flush();
        QCOMPARE(n->stats().sent, std::int64_t(0));
        QCOMPARE(n->stats().failed, std::int64_t(1));
        QVERIFY2(n->stats().lastError.find(refusing.url()) == 0, n->stats().lastError.c_str());

        QVERIFY(!WebhookNotifier::create("https://alerts.example:x/hook", error));
        QVERIFY2(error.rfind("notify.webhook: ", 0) == 0, error.c_str());
        QVERIFY(!WebhookNotifier::create("http://alerts.example/hook", error, std::chrono::milliseconds(2000), "/ca.pem"));
        QVERIFY2(error.rfind("notify.ca_file: ", 0) == 0, error.c_str());
        QVERIFY(!WebhookNotifier::create("https://alerts.example/hook", error, std::chrono::milliseconds(2000), "/nonexistent.pem"));
        QVERIFY2(error.find("/nonexistent.pem") != std::string::npos, error.c_str());
    }

    void httpsReachesAVerifiedReceiverOnly() {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QString why;
        QVERIFY2(signofftest::makeSelfSigned(cert, key, why), qPrintable(why));
        remedytest::TlsReceiver receiver(cert.toStdString(), key.toStdString());
        const std::string url = "https://localhost:" + std::to_string(receiver.port()) + "/hook";
        const std::string payload = alertmanagerPayload(failoverContext());
        std::string error;

        auto trusted = WebhookNotifier::create(url, error, std::chrono::milliseconds(5000), cert.toStdString());
        QVERIFY2(trusted, error.c_str());
        trusted->post(payload);
        trusted->flush();
        QVERIFY2(trusted->stats().sent == 1, trusted->stats().lastError.c_str());
        QCOMPARE(receiver.bodies(), std::vector<std::string>{payload});

        // The system's CAs do not know a self-signed certificate.
        auto system = WebhookNotifier::create(url, error, std::chrono::milliseconds(5000));
        QVERIFY2(system, error.c_str());
        system->post(payload);
        system->flush();
        QCOMPARE(system->stats().failed, std::int64_t(1));
        QVERIFY2(system->stats().lastError.find("TLS handshake") != std::string::npos, system->stats().lastError.c_str());
        QVERIFY2(system->stats().lastError.find("self-signed") != std::string::npos ||
                     system->stats().lastError.find("self signed") != std::string::npos,
                 system->stats().lastError.c_str());

        // Trusted CA, but the certificate does not name this host (loopback 127.0.0.2).
        remedytest::TlsReceiver other(cert.toStdString(), key.toStdString(), "127.0.0.2");
        auto renamed = WebhookNotifier::create("https://127.0.0.2:" + std::to_string(other.port()) + "/hook", error,
                                               std::chrono::milliseconds(5000), cert.toStdString());
        QVERIFY2(renamed, error.c_str());
        renamed->post(payload);
        renamed->flush();
        QCOMPARE(renamed->stats().failed, std::int64_t(1));
        QVERIFY2(renamed->stats().lastError.find("TLS handshake") != std::string::npos, renamed->stats().lastError.c_str());
        QVERIFY(other.bodies().empty());
        QCOMPARE(receiver.bodies().size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestWebhookNotify)
#include "tst_webhooknotify.moc"
