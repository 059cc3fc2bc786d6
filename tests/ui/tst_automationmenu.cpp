// The Automation menu passes the operator's requests to its control and shows
// core's answers: who paused and why stays in the status bar, the dry-run check
// mark follows the answer (not the click), a cancelled prompt sends nothing, a
// refused change and a policy that does not load are shown verbatim (FILE:LINE).
#include "ui/AutomationMenu.h"
#include "ui/AutomationPrompt.h"
#include "ui/PolicyAutomationControl.h"
#include "remedy/LivePolicy.h"
#include "ui/MainWindow.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::ui;

namespace {
class FakeControl : public AutomationControl {
public:
    AutomationStatus state;
    QStringList calls;
    AutomationStatus status() const override { return state; }
    QString where() const override { return QStringLiteral("test.db"); }
    void pause(const QString& who, const QString& reason) override { calls << QStringLiteral("pause %1 %2").arg(who, reason); }
    void resume(const QString& who, const QString& reason) override { calls << QStringLiteral("resume %1 %2").arg(who, reason); }
    void setDryRun(bool on, const QString& who, const QString&) override {
        calls << QStringLiteral("dry-run %1 %2").arg(on ? QStringLiteral("on") : QStringLiteral("off"), who);
    }
    void reloadPolicy() override { calls << QStringLiteral("reload"); }
    void answer(AutomationStatus s) {
        state = s;
        emit statusChanged(s);
    }
};

AutomationStatus running() {
    AutomationStatus s;
    s.known = true;
    return s;
}
}  // namespace

class TestAutomationMenu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pauseAsksThenShowsWhoPaused() {
        FakeControl control;
        AutomationMenu menu(&control);
        QVERIFY(!menu.pauseAction()->isEnabled());  // nothing known yet: nothing to flip
        control.answer(running());
        QVERIFY(menu.pauseAction()->isEnabled());
        QVERIFY(!menu.resumeAction()->isEnabled());
        QVERIFY(menu.statusLabel()->isHidden());

        menu.setAsk([](AutomationPrompt::Kind) { return std::optional<std::pair<QString, QString>>(); });
        menu.pauseAction()->trigger();  // cancelled
        QVERIFY(control.calls.isEmpty());

        menu.setAsk([](AutomationPrompt::Kind k) {
            return k == AutomationPrompt::Kind::Pause ? std::optional(std::pair(QStringLiteral("alice"), QStringLiteral("maintenance")))
                                                      : std::nullopt;
        });
        menu.pauseAction()->trigger();
        QCOMPARE(control.calls, QStringList{QStringLiteral("pause alice maintenance")});
        QVERIFY(menu.statusLabel()->isHidden());  // the menu does not decide: no answer yet

        AutomationStatus paused = running();
        paused.paused = true;
        paused.by = QStringLiteral("alice");
        paused.reason = QStringLiteral("maintenance");
        paused.since = QDateTime(QDate(2026, 11, 30), QTime(2, 14));
        control.answer(paused);
        QVERIFY(!menu.statusLabel()->isHidden());
        QCOMPARE(menu.statusLabel()->text(), QStringLiteral("Automation paused by alice at 02:14 — maintenance"));
        QVERIFY(!menu.pauseAction()->isEnabled());
        QVERIFY(menu.resumeAction()->isEnabled());
    }

    void dryRunCheckFollowsTheAnswer() {
        FakeControl control;
        AutomationMenu menu(&control);
        control.answer(running());
        menu.setAsk([](AutomationPrompt::Kind) { return std::optional(std::pair(QStringLiteral("bob"), QString())); });
        menu.dryRunAction()->trigger();
        QCOMPARE(control.calls, QStringList{QStringLiteral("dry-run on bob")});
        QVERIFY(!menu.dryRunAction()->isChecked());  // not in force until core says so
        AutomationStatus dry = running();
        dry.dryRun = true;
        dry.by = QStringLiteral("bob");
        dry.since = QDateTime(QDate(2026, 11, 30), QTime(3, 5));
        control.answer(dry);
        QVERIFY(menu.dryRunAction()->isChecked());
        QVERIFY(menu.statusLabel()->text().startsWith(QStringLiteral("Dry run by bob at 03:05")));
        menu.dryRunAction()->trigger();
        QCOMPARE(control.calls.last(), QStringLiteral("dry-run off bob"));
    }

    void answersAreShownVerbatim() {
        FakeControl control;
        QWidget window;
        AutomationMenu menu(&control, &window);
        control.answer(running());
        menu.reloadAction()->trigger();
        QCOMPARE(control.calls, QStringList{QStringLiteral("reload")});
        const QString error = QStringLiteral("/etc/vigil/policy.yaml:12: cooldwn: unknown key");
        emit control.policyReloaded(false, error);
        QVERIFY(menu.lastMessage().contains(error));
        QVERIFY(menu.lastMessage().contains(QStringLiteral("running policy stays")));
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("automationMessage"));
        QVERIFY(box);
        QVERIFY(box->text().contains(error));
        emit control.refused(QStringLiteral("identity 'bob smith' contains a space"));
        QCOMPARE(menu.lastMessage(), QStringLiteral("identity 'bob smith' contains a space"));
    }

    // The console's control over the demo's policy: pausing flips the running
    // policy's kill switch (off the GUI thread) and says who; a bad policy file
    // is refused with FILE:LINE and the old policy stays in force.
    void policyControlFlipsTheKillSwitchAndKeepsABadReloadOut() {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("policy.yaml"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("version: 1\ncooldown: 2m\nkil_switch: true\n");
        }
        vigil::remedy::LivePolicy policy{vigil::remedy::Policy{}};
        PolicyAutomationControl control(policy, bad);
        QVERIFY(control.status().known);
        QVERIFY(!control.status().paused);
        QSignalSpy changed(&control, &AutomationControl::statusChanged);
        control.pause(QStringLiteral("alice"), QStringLiteral("maintenance"));
        QTRY_VERIFY(control.status().paused);
        QVERIFY(policy.current()->killSwitch);
        QCOMPARE(control.status().by, QStringLiteral("alice"));
        QCOMPARE(control.status().reason, QStringLiteral("maintenance"));

        QSignalSpy reloaded(&control, &AutomationControl::policyReloaded);
        const int generation = policy.generation();
        control.reloadPolicy();
        QTRY_COMPARE(reloaded.count(), 1);
        QCOMPARE(reloaded.at(0).at(0).toBool(), false);
        QVERIFY2(reloaded.at(0).at(1).toString().contains(bad + QStringLiteral(":3")), qPrintable(reloaded.at(0).at(1).toString()));
        QCOMPARE(policy.generation(), generation);  // the old policy stays
        QVERIFY(policy.current()->killSwitch);

        QSignalSpy refused(&control, &AutomationControl::refused);
        control.resume(QStringLiteral("bob smith"), QString());
        QCOMPARE(refused.count(), 1);
        QVERIFY(control.status().paused);
        control.resume(QStringLiteral("bob"), QString());
        QTRY_VERIFY(!control.status().paused);
        QVERIFY(!policy.current()->killSwitch);
    }

    void pausePromptNeedsIdentityAndReason() {
        QSettings().remove(QStringLiteral("approvals/identity"));
        AutomationPrompt prompt(AutomationPrompt::Kind::Pause);
        QPushButton* ok = prompt.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(prompt.buttons()->button(QDialogButtonBox::Cancel)->isDefault());  // Enter does not pause the fleet
        prompt.identityEdit()->setText(QStringLiteral("alice"));
        QVERIFY(!ok->isEnabled());
        prompt.reasonEdit()->setText(QStringLiteral("maintenance"));
        QVERIFY(ok->isEnabled());
        AutomationPrompt resume(AutomationPrompt::Kind::Resume);
        resume.identityEdit()->setText(QStringLiteral("alice"));
        QVERIFY(resume.buttons()->button(QDialogButtonBox::Ok)->isEnabled());  // a reason is optional here
    }
};

QTEST_MAIN(TestAutomationMenu)
#include "tst_automationmenu.moc"
