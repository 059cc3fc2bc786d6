// The settings dialog refuses invalid values (named next to the field, OK
// disabled) and persists valid ones to QSettings (a temporary ini file), which a
// second dialog reads back.
#include "TestPaths.h"  // VIGIL_SOURCE_DIR (generated)
#include "ui/ConsoleSettings.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::ui;
using Field = ConsoleSettings::Field;

class TestSettingsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString ini() const { return dir_.filePath(QStringLiteral("vigil.ini")); }
    QString write(const QString& name, const QByteArray& text) const {
        QFile f(dir_.filePath(name));
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(text);
        return f.fileName();
    }
    template <class T>
    static T* field(SettingsDialog& d, const char* name) {
        return d.findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void defaultsAreAcceptable() {
        QSettings s(dir_.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        SettingsDialog d(&s);
        QVERIFY(d.canAccept());
        QCOMPARE(d.values(), ConsoleSettings{});
    }

    void rejectsInvalidValues() {
        QSettings s(ini(), QSettings::IniFormat);
        SettingsDialog d(&s);
        auto* db = field<QLineEdit>(d, "database");
        QVERIFY(db);
        db->setText(dir_.filePath(QStringLiteral("no-such-folder/vigil.db")));
        QVERIFY(!d.canAccept());
        QVERIFY2(d.errorText(Field::Database).contains(QStringLiteral("no-such-folder")), qPrintable(d.errorText(Field::Database)));
        db->setText(dir_.path());  // a folder, not a file
        QVERIFY(d.errorText(Field::Database).contains(QStringLiteral("not a file")));
        db->setText(dir_.filePath(QStringLiteral("vigil.db")));
        QVERIFY(d.errorText(Field::Database).isEmpty());
        QVERIFY(d.canAccept());

        // A policy with an unknown key: the loader's FILE:LINE reason is shown.
        const QString bad = write(QStringLiteral("bad.yaml"), "version: 1\ncooldown: 2m\nkil_switch: true\n");
        field<QLineEdit>(d, "policyFile")->setText(bad);
        QVERIFY(!d.canAccept());
        QVERIFY2(d.errorText(Field::PolicyFile).contains(bad + QStringLiteral(":3")), qPrintable(d.errorText(Field::PolicyFile)));
        field<QLineEdit>(d, "policyFile")->setText(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
        QVERIFY(d.errorText(Field::PolicyFile).isEmpty());

        // An address without a token file, then a malformed address.
        field<QLineEdit>(d, "signoffUrl")->setText(QStringLiteral("https://127.0.0.1:8443"));
        QVERIFY(!d.errorText(Field::TokenFile).isEmpty());
        QVERIFY(d.errorText(Field::SignoffUrl).isEmpty());
        field<QLineEdit>(d, "signoffUrl")->setText(QStringLiteral("ftp://127.0.0.1"));
        QVERIFY(d.errorText(Field::SignoffUrl).contains(QStringLiteral("ftp://127.0.0.1")));
        field<QLineEdit>(d, "tokenFile")->setText(dir_.filePath(QStringLiteral("missing.token")));
        QVERIFY(d.errorText(Field::TokenFile).contains(QStringLiteral("does not exist")));

        field<QSpinBox>(d, "notifyPerMinute")->setValue(0);
        QVERIFY(!d.errorText(Field::NotifyPerMinute).isEmpty());
        QVERIFY(!d.canAccept());

        // Accepting now writes nothing.
        d.accept();
        QVERIFY(d.result() != QDialog::Accepted);
        QVERIFY(!QFile::exists(ini()) || QSettings(ini(), QSettings::IniFormat).allKeys().isEmpty());
    }

    void persistsValidValues() {
        const QString token = write(QStringLiteral("alice.token"), "secret\n");
        const QString db = dir_.filePath(QStringLiteral("mine.db"));
        {
            QSettings s(ini(), QSettings::IniFormat);
            SettingsDialog d(&s);
            field<QLineEdit>(d, "database")->setText(db);
            field<QLineEdit>(d, "policyFile")->setText(QStringLiteral(VIGIL_SOURCE_DIR "/resources/policy.yaml"));
            field<QLineEdit>(d, "signoffUrl")->setText(QStringLiteral("http://127.0.0.1:8088"));
            field<QLineEdit>(d, "tokenFile")->setText(token);
            field<QCheckBox>(d, "notifyCritical")->setChecked(false);
            field<QSpinBox>(d, "notifyPerMinute")->setValue(3);
            auto* sens = field<QComboBox>(d, "sensitivity");
            sens->setCurrentIndex(sens->findData(QStringLiteral("high")));
            QVERIFY(d.canAccept());
            d.accept();
            QCOMPARE(d.result(), int(QDialog::Accepted));
        }
        QSettings again(ini(), QSettings::IniFormat);
        const ConsoleSettings c = ConsoleSettings::load(again);
        QCOMPARE(c.databasePath, db);
        QCOMPARE(c.tokenFile, token);
        QCOMPARE(c.signoffUrl, QStringLiteral("http://127.0.0.1:8088"));
        QCOMPARE(c.notifyCritical, false);
        QCOMPARE(c.notifyApprovals, true);
        QCOMPARE(c.notifyPerMinute, 3);
        QCOMPARE(c.sensitivity, QStringLiteral("high"));
        SettingsDialog reopened(&again);  // shows what was saved
        QCOMPARE(reopened.values(), c);
        QVERIFY(reopened.canAccept());
    }

    void namesABadStoredValue() {
        QSettings s(dir_.filePath(QStringLiteral("edited.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("settings/sensitivity"), QStringLiteral("paranoid"));
        SettingsDialog d(&s);
        QVERIFY(d.errorText(Field::Sensitivity).contains(QStringLiteral("paranoid")));
        QVERIFY(!d.canAccept());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
