// The console's Export (ui/report/IncidentReportAction): triggered with the
// selected incident, it writes that incident's report from the database to the
// chosen file (the format from its extension) with the audit verdict; a wrong
// extension or an unknown incident is an error in words, not a file.
#include "ReportSamples.h"

#include "store/StoreWriter.h"
#include "ui/report/IncidentReportAction.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using namespace vigil;

class TestReportAction : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString db_;

    static QByteArray readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        db_ = dir_.filePath(QStringLiteral("v.db"));
        auto w = store::StoreWriter::open(db_.toStdString());
        QVERIFY2(w.ok(), w.error().c_str());
        QVERIFY(w.value()->append(reporttest::inputs()));
        QVERIFY(w.value()->append(reporttest::outputs()));
        w.value()->close();
    }

    void exportWritesTheSelectedIncident() {
        QWidget window;
        QString suggested;
        const QString out = dir_.filePath(QStringLiteral("chosen.pdf"));
        report::ReportActionSources src;
        src.databasePath = [this] { return db_; };
        src.selectedIncident = [] { return QStringLiteral("INC-000001"); };
        src.chooseFile = [&](QWidget*, const QString& s) {
            suggested = s;
            return out;
        };
        src.keyPath = dir_.filePath(QStringLiteral("no.key")).toStdString();
        QAction* action = report::incidentReportAction(&window, src);
        QVERIFY(action->text().contains(QStringLiteral("Export")));
        action->trigger();
        QCOMPARE(suggested, QStringLiteral("INC-000001.pdf"));
        QVERIFY(readAll(out).startsWith("%PDF-"));
    }

    void jsonSaysWhyTheAuditWasNotVerified() {
        const QString out = dir_.filePath(QStringLiteral("one.json"));
        QString error;
        QVERIFY2(report::exportIncidentReport(db_, QStringLiteral("INC-000001"), out, error,
                                              dir_.filePath(QStringLiteral("no.key")).toStdString()),
                 qPrintable(error));
        const QJsonObject o = QJsonDocument::fromJson(readAll(out)).object();
        QCOMPARE(o[QStringLiteral("incident_count")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("approval_count")].toInt(), 2);
        const QJsonObject audit = o[QStringLiteral("audit")].toObject();
        QCOMPARE(audit[QStringLiteral("checked")].toBool(), false);
        QVERIFY2(audit[QStringLiteral("verdict")].toString().startsWith(QStringLiteral("not verified: ")),
                 qPrintable(audit[QStringLiteral("verdict")].toString()));
    }

    void errorsAreWords() {
        QString error;
        QVERIFY(!report::exportIncidentReport(db_, {}, dir_.filePath(QStringLiteral("x.doc")), error));
        QVERIFY(error.contains(QStringLiteral(".pdf, .html or .json")));
        QVERIFY(!report::exportIncidentReport(db_, QStringLiteral("INC-404"), dir_.filePath(QStringLiteral("x.pdf")),
                                              error));
        QVERIFY2(error.contains(QStringLiteral("no incident 'INC-404'")), qPrintable(error));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("x.pdf"))));
    }
};

QTEST_MAIN(TestReportAction)
#include "tst_reportaction.moc"
