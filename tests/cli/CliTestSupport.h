// Shared by the vigilctl end-to-end tests: run the built binary (VIGILCTL, set by
// CTest) as a subprocess and collect its exit code and output. The timeouts are
// hang guards, not timing assertions.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

struct Run {
    int code = -1;  // -1: crashed or hung
    QString out, err;
};

inline QString vigilctlPath() { return QString::fromLocal8Bit(qgetenv("VIGILCTL")); }

// In initTestCase(): the binary CTest points at and the test's scratch folder are
// there, or the test stops here naming what is missing.
#define CLITEST_REQUIRE_VIGILCTL(scratchDir)                                                                 \
    do {                                                                                                     \
        QVERIFY2(!clitest::vigilctlPath().isEmpty(), "VIGILCTL must point at the built vigilctl (set by CTest)"); \
        QVERIFY((scratchDir).isValid());                                                                     \
    } while (false)

inline Run vigilctl(const QStringList& args, int timeoutMs = 240000) {
    QProcess p;
    p.start(vigilctlPath(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timeout")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

}  // namespace clitest

namespace clitest {

// Reads p's stdout (kept in `seen`) until it contains `needle`; false when the
// process ends or `timeoutMs` (a hang guard) passes first.
inline bool waitForOutput(QProcess& p, const QString& needle, QString& seen, int timeoutMs = 60000) {
    for (int waited = 0; waited < timeoutMs; waited += 100) {
        seen += QString::fromUtf8(p.readAllStandardOutput());
        if (seen.contains(needle)) return true;
        if (p.state() == QProcess::NotRunning) return false;
        p.waitForReadyRead(100);
    }
    return false;
}

}  // namespace clitest
