// `vigil`: the GUI console. Parses options, installs translations, and wires the
// demo fleet → engine (→ store) → console. No logic of its own beyond wiring.
#include "ConsoleOptions.h"
#include "TerminationSignals.h"
#include "common/DefaultPaths.h"
#include "common/StoreSink.h"

#include "audit/AuditChain.h"
#include "audit/AuditSink.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "sim/DemoFeed.h"
#include "store/EngineLock.h"
#include "store/StoreWriter.h"
#include "ui/EngineBridge.h"
#include "ui/LocalApprovalSource.h"
#include "ui/StoreActivityFeed.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

bool haveDisplay() {
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Vigil's own strings come from the resources qt_add_translations embeds in
// vigil_ui (:/i18n/vigil_<lang>.qm); Qt's (dialog buttons) from the system.
void installTranslations(QCoreApplication& app, const QString& lang) {
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto* vigil = new QTranslator(&app);
    if (vigil->load(locale, QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(vigil);
    else if (!lang.isEmpty() && locale.language() != QLocale::English)
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "vigil: --lang %1: no translation, using English").arg(lang)));
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

}  // namespace

int main(int argc, char** argv) {
    // Without a display QApplication would abort inside Qt; a QCoreApplication still
    // answers --help and explains how to run headless.
    const bool gui = haveDisplay();
    std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    installTranslations(*app, ConsoleOptions::langFromArguments(app->arguments()));

    int exitCode = 0;
    const auto opts = ConsoleOptions::parse(app->arguments(), exitCode);
    if (!opts) return exitCode;
    if (!gui) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "main", "vigil: no display (DISPLAY and WAYLAND_DISPLAY are unset); run headless with: vigilctl run --demo")));
        return 2;
    }
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Vigil"));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("vigil"), QIcon(QStringLiteral(":/icons/vigil.svg"))));

    std::unique_ptr<vigil::store::StoreWriter> store;
    QString dbPath;
    vigil::store::EngineLock lock;  // one engine per database: a second console is refused
    if (!opts->noStore) {
        const QString path = opts->db.isEmpty() ? vigil::app::defaultDatabasePath() : opts->db;
        dbPath = path;
        auto locked = vigil::store::EngineLock::acquire(path.toStdString());
        vigil::store::Result<std::unique_ptr<vigil::store::StoreWriter>> opened =
            locked ? vigil::audit::openAuditedWriter(path.toStdString())
                   : vigil::store::Result<std::unique_ptr<vigil::store::StoreWriter>>(
                         vigil::store::Status::failure(locked.error()));
        if (locked) lock = std::move(locked.value());
        if (!opened) {
            const QString why = QString::fromStdString(opened.error());
            std::fprintf(stderr, "vigil: %s\n", qPrintable(why));
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Vigil"),
                                  QCoreApplication::translate("main", "Cannot open the database:\n%1").arg(why));
            return 2;
        }
        store = std::move(opened.value());
    }

    // Live at speed 1 the engine runs on the system clock; faster than real time,
    // the records' own timestamps drive it.
    vigil::SystemClock systemClock;
    vigil::VirtualClock recordClock;
    const vigil::Clock& clock = opts->speed == 1.0 ? static_cast<const vigil::Clock&>(systemClock) : recordClock;
    vigil::Engine engine(clock);
    vigil::installDefaultStages(engine);
    if (store) {
        vigil::app::addStoreSink(engine, *store);
        engine.addSink(vigil::audit::auditSink(*store));
    }
    engine.start();

    const vigil::ScenarioSpec spec{opts->scenario.toStdString(), opts->cycleS, /*repeat=*/true};
    vigil::DemoFeed::Options feedOpts;
    feedOpts.speed = opts->speed;
    vigil::DemoFeed feed(spec, opts->seed, QDateTime::currentMSecsSinceEpoch(),
                         [&engine](std::vector<vigil::Record> batch) { return engine.submit(std::move(batch)); }, feedOpts);
    feed.start();

    vigil::ui::EngineBridge bridge(engine);
    // Declared before the window, which uses them: they outlive it.
    std::unique_ptr<vigil::ui::LocalApprovalSource> approvals;
    std::unique_ptr<vigil::ui::StoreActivityFeed> activity;  // actions for the timeline and the action log
    vigil::ui::MainWindow window(&bridge);
    if (store) {
        // People decide in wall-clock time, on their own store connection (a worker thread).
        approvals = std::make_unique<vigil::ui::LocalApprovalSource>(dbPath, systemClock);
        window.attachApprovals(approvals.get());
        activity = std::make_unique<vigil::ui::StoreActivityFeed>(dbPath);
        window.attachActivity(activity.get());
    }
    window.show();
    bridge.start();
    onTerminationSignal([&window] { window.close(); });
    const int rc = app->exec();

    // Producers first, then the engine (it drains), then the store (it commits).
    bridge.stop();
    feed.stop();
    engine.stop();
    if (store) store->close();
    return rc;
}
