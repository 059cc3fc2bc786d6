// IncidentPanel: the narrative is shown whole in the detail pane, not as a table column
// that would make a docked table scroll sideways; the top incident is selected.
#include "ui/IncidentListModel.h"
#include "ui/IncidentPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTextBrowser>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace vigil;
using vigil::ui::IncidentListModel;
using vigil::ui::IncidentPanel;

namespace {
std::shared_ptr<const Snapshot> oneIncident(int repeats = 20, TimestampMs ts = 1'767'225'600'000) {
    Incident i;
    i.id = "INC-000001";
    i.opened = 1'767'225'600'000;
    i.ts = ts;
    i.severity = Severity::Critical;
    i.cause = "pool:wallet_monitor";
    i.targets = {"pool:wallet_monitor", "rpc:eth-main-a"};
    i.anomaly_count = 12;
    for (int k = 0; k < repeats; ++k) i.narrative += "a growing work queue and sustained degradation; ";
    auto s = std::make_shared<Snapshot>();
    s->incidents = {i};
    return s;
}
}  // namespace

class TestIncidentPanel : public QObject {
    Q_OBJECT
private slots:
    void narrativeLivesInTheDetailNotInAColumn() {
        IncidentListModel model;
        IncidentPanel panel(&model);
        panel.resize(380, 500);  // a docked panel
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.showSnapshot(oneIncident());
        QTableView* t = panel.table();
        QVERIFY(t->isColumnHidden(IncidentListModel::NarrativeCol));
        for (int c = 0; c < IncidentListModel::ColumnCount; ++c)
            if (c != IncidentListModel::NarrativeCol) QVERIFY(!t->isColumnHidden(c));
        // Nothing to scroll sideways for: the long text is not in the table.
        QTRY_COMPARE(t->horizontalScrollBar()->maximum(), 0);
        // The top incident is selected and its whole narrative is in the detail.
        QCOMPARE(t->selectionModel()->currentIndex().row(), 0);
        QVERIFY(panel.detail()->toPlainText().contains(QStringLiteral("INC-000001")));
        QVERIFY(panel.detail()->toPlainText().contains(QStringLiteral("sustained degradation")));
        QVERIFY(panel.detail()->toPlainText().count(QStringLiteral("a growing work queue")) >= 20);
    }

    // A fast replay updates the shown incident every snapshot: the detail follows
    // it, and a reader scrolled down in a long narrative keeps their place.
    void anUpdateKeepsTheReadersPlace() {
        IncidentListModel model;
        IncidentPanel panel(&model);
        panel.resize(380, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model.showSnapshot(oneIncident(200));
        QScrollBar* bar = panel.detail()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 100);
        bar->setValue(bar->maximum() / 2);
        const int at = bar->value();
        model.showSnapshot(oneIncident(201, 1'767'225'660'000));
        QCOMPARE(panel.detail()->toPlainText().count(QStringLiteral("a growing work queue")), 201);
        QCOMPARE(bar->value(), at);
    }
};

QTEST_MAIN(TestIncidentPanel)
#include "tst_incidentpanel.moc"
