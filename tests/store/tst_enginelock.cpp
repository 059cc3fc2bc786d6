// EngineLock: one engine per database. A second engine is refused at once with
// a reason naming the holder's PID and command line; releasing (or the holder
// dying: the kernel drops an flock) lets the next one in. Readers take no lock.
#include "store/EngineLock.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace vigil::store;

class TestEngineLock : public QObject {
    Q_OBJECT

private slots:
    void secondEngineIsRefusedNamingTheFirst() {
        QTemporaryDir dir;
        const std::string db = dir.filePath("sub/vigil.db").toStdString();  // folder created on the way
        auto first = EngineLock::acquire(db);
        QVERIFY2(first.ok(), first.error().c_str());
        QVERIFY(first->held());
        QCOMPARE(first->lockPath(), db + ".lock");

        auto second = EngineLock::acquire(db);
        QVERIFY(!second.ok());
        const QString e = QString::fromStdString(second.error());
        QVERIFY2(e.startsWith(QString::fromStdString(db) + ": another engine is recording into this database: pid " +
                              QString::number(::getpid()) + " ("),
                 qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("tst_enginelock")), qPrintable(e));  // the holder's command line

        first->release();
        auto third = EngineLock::acquire(db);
        QVERIFY2(third.ok(), third.error().c_str());
    }

    void movingKeepsTheLock() {
        QTemporaryDir dir;
        const std::string db = dir.filePath("vigil.db").toStdString();
        EngineLock kept;
        {
            auto l = EngineLock::acquire(db);
            QVERIFY(l.ok());
            kept = std::move(l.value());
        }
        QVERIFY(kept.held());
        QVERIFY(!EngineLock::acquire(db).ok());
    }

    void unwritableFolderIsAClearError() {
        if (::geteuid() == 0) {  // root ignores permissions: use a path under a file instead
            QTemporaryDir dir;
            QFile f(dir.filePath("file"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            auto l = EngineLock::acquire(dir.filePath("file/vigil.db").toStdString());
            QVERIFY(!l.ok());
            QVERIFY2(QString::fromStdString(l.error()).contains("cannot create the engine lock"), l.error().c_str());
            return;
        }
        auto l = EngineLock::acquire("/proc/vigil.db");
        QVERIFY(!l.ok());
        QVERIFY2(QString::fromStdString(l.error()).contains("cannot create the engine lock"), l.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestEngineLock)
#include "tst_enginelock.moc"
