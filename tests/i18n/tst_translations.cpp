// Every translatable string of the console, the desk, the report and the
// engine's messages is translated: lupdate runs over the same sources the build
// scans (the project CMake wrote for vigil_ui_lupdate) into a copy of each
// translations/vigil_*.ts, and the copy must have no unfinished entry. So a tr()
// string added without its translation fails here, not in front of a German
// operator. Translations also keep their source's placeholders.
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QString env(const char* name) { return qEnvironmentVariable(name); }

bool run(const QString& program, const QStringList& args, QString& output) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120'000)) {
        output = program + QStringLiteral(": did not finish");
        return false;
    }
    output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

struct Entry {
    QString context, source;
    QStringList translations;  // one, or the numerus forms
    bool unfinished = false;
};

QList<Entry> readTs(const QString& path) {
    QList<Entry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader x(&f);
    QString context;
    Entry e;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement()) continue;
        if (x.name() == QLatin1String("name")) context = x.readElementText();
        else if (x.name() == QLatin1String("message")) e = Entry{context, {}, {}, false};
        else if (x.name() == QLatin1String("source")) e.source = x.readElementText();
        else if (x.name() == QLatin1String("translation")) {
            e.unfinished = x.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            // Either text or <numerusform> children.
            QString text;
            while (!(x.isEndElement() && x.name() == QLatin1String("translation")) && !x.atEnd()) {
                x.readNext();
                if (x.isCharacters()) text += x.text();
                else if (x.isStartElement() && x.name() == QLatin1String("numerusform"))
                    e.translations << x.readElementText();
            }
            if (e.translations.isEmpty()) e.translations << text;
            out << e;
        }
    }
    return out;
}

QSet<QString> placeholders(const QString& s) {
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(s); it.hasNext();) out.insert(it.next().captured(0));
    return out;
}

QStringList tsFiles() {
    const QDir dir(QStringLiteral(VIGIL_SOURCE_DIR "/translations"));
    QStringList out;
    for (const QString& n : dir.entryList({QStringLiteral("vigil_*.ts")}, QDir::Files)) out << dir.filePath(n);
    return out;
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void nothingUnfinishedAfterLupdate() {
        const QString lupdate = env("LUPDATE"), cmake = env("CMAKE"), script = env("LUPDATE_PROJECT_SCRIPT"),
                      projectIn = env("LUPDATE_PROJECT");
        QVERIFY2(QFile::exists(lupdate), qPrintable(QStringLiteral("LUPDATE=%1: no such program").arg(lupdate)));
        QVERIFY2(QFile::exists(projectIn), qPrintable(QStringLiteral("LUPDATE_PROJECT=%1: not written by CMake").arg(projectIn)));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString json = tmp.filePath(QStringLiteral("project.json"));
        QString out;
        QVERIFY2(run(cmake, {QStringLiteral("-DIN_FILE=") + projectIn, QStringLiteral("-DOUT_FILE=") + json,
                             QStringLiteral("-P"), script},
                     out),
                 qPrintable(out));
        const QStringList files = tsFiles();
        QVERIFY2(!files.isEmpty(), "no translations/vigil_*.ts");
        for (const QString& ts : files) {
            const QString copy = tmp.filePath(QFileInfo(ts).fileName());
            QVERIFY(QFile::copy(ts, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY2(run(lupdate, {QStringLiteral("-project"), json, QStringLiteral("-ts"), copy,
                                   QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")},
                         out),
                     qPrintable(out));
            QStringList missing;
            const auto entries = readTs(copy);
            for (const Entry& e : entries)
                if (e.unfinished) missing << e.context + QStringLiteral(": ") + e.source;
            QVERIFY2(entries.size() > 500, qPrintable(QStringLiteral("%1: only %2 entries").arg(ts).arg(entries.size())));
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1: %2 untranslated (run the vigil_ui_lupdate target "
                                                                  "and translate them):\n%3")
                                                       .arg(ts)
                                                       .arg(missing.size())
                                                       .arg(missing.join(QLatin1Char('\n')))));
        }
    }

    void translationsKeepTheirPlaceholders() {
        for (const QString& ts : tsFiles()) {
            QStringList wrong;
            for (const Entry& e : readTs(ts))
                for (const QString& t : e.translations)
                    if (!e.unfinished && placeholders(t) != placeholders(e.source))
                        wrong << e.context + QStringLiteral(": ") + e.source + QStringLiteral(" -> ") + t;
            QVERIFY2(wrong.isEmpty(), qPrintable(ts + QStringLiteral(":\n") + wrong.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
