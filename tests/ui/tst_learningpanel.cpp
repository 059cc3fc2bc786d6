// The learning panel: the model shows learned changes newest first with their
// state and change in words; feedback given from an incident's context menu is
// stored (through the worker thread) and a change reverted from the panel is
// reverted in the database.
#include "learn/LearnStore.h"
#include "ui/LearnedChangesModel.h"
#include "ui/LearningPanel.h"

#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {
learn::LearnChange cut(double after) {
    learn::LearnChange c;
    c.ts = 1;
    c.series = "net.latency_ms";
    c.target = "host:batch-1";
    c.cutAfter = after;
    c.reason = "3 false alarms confirmed";
    return c;
}
}  // namespace

class TestLearningPanel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toLocal8Bit()); }

    void modelShowsChangesNewestFirst() {
        ui::LearnedChangesModel m;
        learn::LearnChange a = cut(0.8), b = cut(0.9);
        a.id = 1;
        b.id = 2;
        b.cutBefore = 0.8;
        a.revertedTs = 5;
        a.revertedBy = "bob";
        m.setChanges({a, b});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(0, ui::LearnedChangesModel::Id)).toLongLong(), 2);
        QCOMPARE(m.data(m.index(0, ui::LearnedChangesModel::Change)).toString(), QStringLiteral("cut 0.800 -> 0.900"));
        QCOMPARE(m.data(m.index(0, ui::LearnedChangesModel::State)).toString(), QStringLiteral("in force"));
        QCOMPARE(m.data(m.index(1, ui::LearnedChangesModel::State)).toString(), QStringLiteral("reverted by bob"));
        QVERIFY(m.data(m.index(1, 0), ui::LearnedChangesModel::RevertedRole).toBool());
        QVERIFY(m.data(m.index(1, 0), Qt::ToolTipRole).toString().contains("3 false alarms confirmed"));
    }

    void feedbackAndRevertReachTheStore() {
        const QString db = dir_.filePath(QStringLiteral("vigil.db"));
        {
            auto s = learn::LearnStore::open(db.toStdString(), std::nullopt);
            QVERIFY(s);
            QVERIFY(s.value()->addChanges({cut(0.85)}));
        }
        ui::LearningPanel panel(db, QStringLiteral("alice"), 100);
        QTRY_COMPARE(panel.model()->rowCount(), 1);

        QMenu menu;
        ui::addFeedbackActions(&menu, QStringLiteral("inc-7"), &panel);
        QCOMPARE(menu.actions().size(), 4);
        menu.actions().at(0)->trigger();  // "False alarm"
        QTRY_VERIFY(panel.lastMessage().contains(QStringLiteral("inc-7 stored: false_alarm")));

        panel.findChild<QTableView*>()->selectRow(0);
        panel.findChild<QPushButton*>()->click();
        QTRY_VERIFY(panel.model()->data(panel.model()->index(0, 0), ui::LearnedChangesModel::RevertedRole).toBool());

        auto s = learn::LearnStore::open(db.toStdString(), std::nullopt);
        const auto fb = s.value()->feedback();
        QCOMPARE(fb->size(), std::size_t{1});
        QCOMPARE(fb->front().user, std::string("alice"));
        QCOMPARE(int(fb->front().verdict), int(learn::Verdict::FalseAlarm));
        QCOMPARE(s.value()->changes()->front().revertedBy, std::string("alice"));
    }
};

QTEST_MAIN(TestLearningPanel)
#include "tst_learningpanel.moc"
