// StoreAutomationControl: the console's Automation menu over the stored switches
// (approve::AutomationSwitch) of a real database, audited; a change made from
// another connection (as `vigilctl automation` does) shows in the console too.
#include "approve/AutomationSwitch.h"
#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"
#include "remedy/LivePolicy.h"
#include "store/Database.h"
#include "ui/StoreAutomationControl.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TestStoreAutomation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir_.filePath(QStringLiteral("config"))));  // the audit key
    }

    void pauseAndDryRunAreStoredAndAudited() {
        const QString path = dir_.filePath(QStringLiteral("switch.db"));
        QVERIFY(store::Database::open(path.toStdString(), store::OpenMode::ReadWrite).ok());  // created, migrated
        remedy::LivePolicy policy{remedy::Policy{}};
        ui::StoreAutomationControl control(path, &policy, QString(), 50);
        QSignalSpy status(&control, &ui::AutomationControl::statusChanged);
        QTRY_VERIFY(control.status().known);
        QVERIFY(!control.status().paused);

        control.pause(QStringLiteral("alice"), QStringLiteral("chain halted"));
        QTRY_VERIFY(control.status().paused);
        QCOMPARE(control.status().by, QStringLiteral("alice"));
        QCOMPARE(control.status().reason, QStringLiteral("chain halted"));
        control.setDryRun(true, QStringLiteral("alice"), QStringLiteral("watching"));
        QTRY_VERIFY(control.status().dryRun);

        // What another process reads from the file.
        auto db = store::Database::open(path.toStdString(), store::OpenMode::ReadOnly);
        QVERIFY(db.ok());
        SystemClock clock;
        approve::AutomationSwitch sw(db.value(), clock);
        approve::AutomationState st;
        QVERIFY(sw.read(st).ok());
        QCOMPARE(st.paused.value_or(false), true);
        QCOMPARE(st.dryRun.value_or(false), true);
        QCOMPARE(st.by, std::string("alice"));

        // Both changes are in the audit chain, and it verifies.
        auto key = audit::loadOrCreateKey(audit::defaultKeyPath());
        QVERIFY(key.ok());
        auto verdict = audit::verifyAuditLog(path.toStdString(), key.value());
        QVERIFY2(verdict.ok(), verdict.ok() ? "" : verdict.error().c_str());
        QVERIFY2(verdict.value().intact, verdict.value().problem.c_str());
        QCOMPARE(verdict.value().entries, std::int64_t{2});
    }

    void aBadIdentityIsRefusedVerbatim() {
        const QString path = dir_.filePath(QStringLiteral("refuse.db"));
        QVERIFY(store::Database::open(path.toStdString(), store::OpenMode::ReadWrite).ok());
        remedy::LivePolicy policy{remedy::Policy{}};
        ui::StoreAutomationControl control(path, &policy, QString(), 50);
        QSignalSpy refused(&control, &ui::AutomationControl::refused);
        control.pause(QStringLiteral("two words"), QStringLiteral("x"));
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY(!refused.at(0).at(0).toString().isEmpty());
        QTRY_VERIFY(control.status().known);
        QVERIFY(!control.status().paused);
    }

    void aChangeFromAnotherConnectionShows() {
        const QString path = dir_.filePath(QStringLiteral("other.db"));
        auto db = store::Database::open(path.toStdString(), store::OpenMode::ReadWrite);
        QVERIFY(db.ok());
        remedy::LivePolicy policy{remedy::Policy{}};
        ui::StoreAutomationControl control(path, &policy, QString(), 50);
        QTRY_VERIFY(control.status().known);
        SystemClock clock;
        approve::AutomationSwitch sw(db.value(), clock);
        approve::AutomationState after;
        store::AuditEntry entry;
        QVERIFY(sw.change(approve::AutomationChange::Pause, "bob", "from vigilctl", after, entry).ok());
        QTRY_VERIFY(control.status().paused);
        QCOMPARE(control.status().by, QStringLiteral("bob"));
    }

    void reloadWithoutAFileSaysSo() {
        const QString path = dir_.filePath(QStringLiteral("reload.db"));
        QVERIFY(store::Database::open(path.toStdString(), store::OpenMode::ReadWrite).ok());
        remedy::LivePolicy policy{remedy::Policy{}};
        ui::StoreAutomationControl control(path, &policy, QString(), 50);
        QSignalSpy reloaded(&control, &ui::AutomationControl::policyReloaded);
        control.reloadPolicy();
        QTRY_COMPARE(reloaded.count(), 1);
        QCOMPARE(reloaded.at(0).at(0).toBool(), false);
        QVERIFY(reloaded.at(0).at(1).toString().contains(QStringLiteral("shipped policy")));
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestStoreAutomation)
#include "tst_storeautomation.moc"
