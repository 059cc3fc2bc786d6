// A replay's reader and engine threads can run at a lower priority than the
// thread that drives it (the console's GUI thread): with workerNice they both
// carry the higher nice value from their start (before the first batch), the
// caller's thread keeps its own, and the outputs are those of a replay at normal
// priority.
#include "ReplayTestSupport.h"

#include "replay/ReplayController.h"
#include "replay/WorkerPriority.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/syscall.h>
#include <unistd.h>

using namespace vigil;

namespace {
// The nice value of every thread of this process (/proc/self/task/TID/stat, field 19).
std::map<int, int> niceByThread() {
    std::map<int, int> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray stat = f.readAll();
        // After "(comm)" the fields are space separated, starting at field 3.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16) out[tid.toInt()] = fields[16].toInt();
    }
    return out;
}

int countWithNice(const std::map<int, int>& threads, int nice) {
    int n = 0;
    for (const auto& [tid, value] : threads) n += value == nice;
    return n;
}
}  // namespace

class TestWorkerPriority : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string log_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        log_ = dir_.filePath(QStringLiteral("cascade.ndjson")).toStdString();
        QVERIFY(replaytest::writeFile(log_, replaytest::cascadeText(600), false));
    }

    void lowersThisThreadOnly() {
        const int mine = thisThreadNice();
        int other = -100;
        std::thread t([&] {
            QVERIFY(lowerThisThreadPriority(2));
            other = thisThreadNice();
        });
        t.join();
        QCOMPARE(other, std::min(mine + 2, 19));
        QCOMPARE(thisThreadNice(), mine);
        QVERIFY(lowerThisThreadPriority(0));  // nothing to do
        QCOMPARE(thisThreadNice(), mine);
    }

    void replayThreadsRunLowerAndProduceTheSame() {
        const int mine = thisThreadNice();
        if (mine + 3 > 19) QFAIL("the test runs at a nice value too high to lower by 3");
        std::string error;
        ReplayController plain;
        QVERIFY2(plain.open(log_, error), error.c_str());
        plain.play();
        plain.waitIdle();
        QCOMPARE(countWithNice(niceByThread(), mine + 3), 0);  // the control: nothing lowered by default

        ReplayControllerOptions opts;
        opts.workerNice = 3;
        ReplayController lowered({}, opts);
        QVERIFY2(lowered.open(log_, error), error.c_str());
        // Lowered from their start, before any batch: the engine thread at once, the
        // reader as soon as it runs (it reads ahead while paused, submitting nothing).
        QTRY_COMPARE_WITH_TIMEOUT(countWithNice(niceByThread(), mine + 3), 2, 30000);
        lowered.play();
        lowered.waitIdle();
        const auto threads = niceByThread();
        QCOMPARE(countWithNice(threads, mine + 3), 2);  // the reader and the engine
        QCOMPARE(threads.at(int(::syscall(SYS_gettid))), mine);
        QCOMPARE(thisThreadNice(), mine);

        QVERIFY(plain.outputs().outputs > 0);
        QCOMPARE(lowered.outputs().serialize(), plain.outputs().serialize());
        QCOMPARE(lowered.outputs().digest, plain.outputs().digest);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPriority)
#include "tst_workerpriority.moc"
