// IncidentPanel: the narrative is shown whole in the detail pane, not as a table column
// that would make a docked table scroll sideways; the top incident is selected.
#include "ui/IncidentListModel.h"
#include "ui/IncidentPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace vigil;
using vigil::ui::IncidentListModel;
using vigil::ui::IncidentPanel;

namespace {
std::shared_ptr<const Snapshot> oneIncident() {
    Incident i;
    i.id = "INC-000001";
    i.opened = i.ts = 1'767'225'600'000;
    i.severity = Severity::Critical;
    i.cause = "pool:wallet_monitor";
    i.targets = {"pool:wallet_monitor", "rpc:eth-main-a"};
    i.anomaly_count = 12;
    for (int k = 0; k < 20; ++k) i.narrative += "a growing work queue and sustained degradation; ";
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
        QVERIFY(panel.detail()->text().contains(QStringLiteral("INC-000001")));
        QVERIFY(panel.detail()->text().contains(QStringLiteral("sustained degradation")));
        QVERIFY(panel.detail()->text().count(QStringLiteral("a growing work queue")) >= 20);
    }
};

QTEST_MAIN(TestIncidentPanel)
#include "tst_incidentpanel.moc"
