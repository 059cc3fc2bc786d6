// `vigil`: the GUI console. Parses options, installs translations, and wires the
// demo fleet, or the live sources of --config, → engine (→ store) → console.
// No logic of its own beyond wiring.
#include "ConsoleOptions.h"
#include "ConsoleWhatIf.h"
#include "DeskMode.h"
#include "TerminationSignals.h"
#include "common/LiveEngineOptions.h"
#include "common/DefaultPaths.h"
#include "common/DemoHealing.h"
#include "common/LearnedModelFollower.h"
#include "common/ShippedPolicy.h"
#include "common/LiveSources.h"
#include "common/SilenceWiring.h"
#include "common/StoreSink.h"
#include "replay/InputRecorder.h"
#include "ui/RecordingMenu.h"
#include "ui/SettingsApplier.h"
#include "audit/AuditSink.h"

#include "audit/AuditChain.h"
#include "common/ReplayPipeline.h"
#include "engine/Engine.h"
#include "engine/Pipeline.h"
#include "sim/DemoFeed.h"
#include "store/EngineLock.h"
#include "store/StoreWriter.h"
#include "ui/ConsoleSettings.h"
#include "ui/EngineActivityFeed.h"
#include "ui/EngineBridge.h"
#include "ui/LearningPanel.h"
#include "ui/LocalApprovalSource.h"
#include "ui/MainWindow.h"
#include "ui/PolicyAutomationControl.h"
#include "ui/RecordingOpener.h"
#include "ui/SilenceSource.h"
#include "ui/StoreActivityFeed.h"
#include "ui/StoreAutomationControl.h"
#include "ui/StoredSettingsUse.h"
#include "ui/report/IncidentReportAction.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
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
    // A bad configuration is refused before anything opens (FILE:LINE: key: reason each).
    std::optional<vigil::collect::CollectConfig> liveConfig;
    if (!opts->config.isEmpty()) {
        auto load = vigil::collect::loadCollectConfig(opts->config.toStdString());
        for (const auto& e : load.errors)
            std::fprintf(stderr, "%s\n", vigil::collect::formatConfigError(opts->config.toStdString(), e).c_str());
        if (!load.errors.empty()) return 2;
        liveConfig = std::move(load.config);
    }
    if (!gui) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "main", "vigil: no display (DISPLAY and WAYLAND_DISPLAY are unset); run headless with: vigilctl run --demo")));
        return 2;
    }
    QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Vigil"));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("vigil"), QIcon(QStringLiteral(":/icons/vigil.svg"))));
    if (opts->desk) return runDesk(*opts->desk);  // an approver's station: no engine, no store

    // Replays run the default stages and the planner under the shipped policy,
    // its actions recorded, never sent (app/common/ReplayPipeline.h).
    vigil::ui::RecordingOpener opener([](std::string& error) {
        std::shared_ptr<vigil::app::ReplayPipeline> p(vigil::app::ReplayPipeline::create({}, error));
        return p ? vigil::ui::ReplayStages{p->installer(), p, [raw = p.get()](vigil::Sensitivity s) { raw->setSensitivity(s); }}
                 : vigil::ui::ReplayStages{};
    });
    opener.setCompare(consoleWhatIf());  // Replay → Compare with policy…, as vigilctl replay --compare
    if (!opts->replay.isEmpty()) {  // a replay window only: no fleet, no database
        QString error;
        if (!opener.open(opts->replay, error, /*play=*/true)) {
            std::fprintf(stderr, "vigil: --replay: %s\n", qPrintable(error));
            return 2;
        }
        return app->exec();
    }

    std::unique_ptr<vigil::store::StoreWriter> store;
    QString dbPath;
    vigil::store::EngineLock lock;  // one engine per database: a second console is refused
    // File → Settings picks the database and the policy; options given here win.
    const vigil::ui::ConsoleSettings prefs = vigil::ui::ConsoleSettings::load(QSettings());
    const QString path = !opts->db.isEmpty()            ? opts->db
                         : !prefs.databasePath.isEmpty() ? prefs.databasePath
                                                         : vigil::app::defaultDatabasePath();
    if (!opts->noStore) {
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
    const vigil::Clock& clock = opts->speed == 1.0 || liveConfig ? static_cast<const vigil::Clock&>(systemClock) : recordClock;
    // The demo heals itself under the shipped policy, as in `vigilctl run --demo`
    // (approval requests wait in the database for `vigilctl approvals`). Live
    // sources are watched, not healed: their actuators are not configured yet.
    std::unique_ptr<vigil::app::DemoHealing> healing;
    if (!liveConfig) {
        vigil::remedy::Policy policy;
        std::string error;
        if (vigil::app::loadPolicy(QFile::encodeName(prefs.policyFile).toStdString(), policy, error))
            healing = vigil::app::DemoHealing::create(std::move(policy), clock, store.get(), path.toStdString(), error);
        if (!healing) {
            std::fprintf(stderr, "vigil: %s\n", error.c_str());
            return 2;
        }
    }
    vigil::RecordingTap recordingTap;  // File → Record: the engine's input to a file (outlives the engine)
    vigil::Engine engine(clock, vigil::app::liveEngineOptions());
    // Silences (vigilctl silence, the silence panel) reach the engine from the database.
    std::unique_ptr<vigil::app::StoreSilences> silences;
    std::unique_ptr<vigil::app::LearnedModelFollower> learned;  // vigilctl learn / the Learning panel
    vigil::PipelineConfig pipeline;
    if (store) {
        silences = std::make_unique<vigil::app::StoreSilences>(path.toStdString());
        pipeline.silences = silences->wiring();
        learned = std::make_unique<vigil::app::LearnedModelFollower>(path.toStdString(), healing ? &healing->policy() : nullptr);
        if (!learned->pollOnce()) std::fprintf(stderr, "vigil: learned model: %s\n", learned->lastError().c_str());
        learned->start();
        pipeline.correlate.learnedCuts = learned->board();
    }
    // The stored detector sensitivity, read by the correlator on the engine thread;
    // File → Settings requests a new one, which the engine takes between batches.
    auto sensitivity = std::make_shared<vigil::SensitivityDial>(vigil::ui::sensitivityOf(prefs));
    pipeline.correlate.sensitivity = sensitivity;
    vigil::installDefaultStages(engine, pipeline);
    engine.addSink(vigil::ui::sensitivityLatch(sensitivity));
    engine.addSink(recordingTap.sink());
    // Without a database the store cannot feed the action log and the timeline: the
    // engine does (it outlives the window, declared before it).
    std::unique_ptr<vigil::ui::EngineActivityFeed> engineActivity;
    if (!store) {
        engineActivity = std::make_unique<vigil::ui::EngineActivityFeed>();
        engine.addSink(engineActivity->liveSink());
    }
    if (healing) {
        healing->install(engine);  // planner; store and audit sinks when there is a store
    } else if (store) {
        vigil::app::addStoreSink(engine, *store);
        engine.addSink(vigil::audit::auditSink(*store));
    }
    // The sign-off service decides on its own connection and thread, never the GUI's.
    std::unique_ptr<vigil::signoff::SignoffService> signoff;
    if (opts->signoff) {
        vigil::signoff::SignoffServiceOptions so = *opts->signoff;
        so.dbPath = path.toStdString();
        if (healing) so.clock = &healing->approvalClock();  // decisions on the engine's time, as the gate files them
        std::string why;
        signoff = vigil::signoff::SignoffService::start(so, why);
        if (!signoff) {
            std::fprintf(stderr, "vigil: sign-off: %s\n", why.c_str());
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Vigil"),
                                  QCoreApplication::translate("main", "Cannot start the sign-off service:\n%1").arg(QString::fromStdString(why)));
            return 2;
        }
        std::printf("vigil: sign-off service on %s\n", signoff->url().c_str());
        std::fflush(stdout);
    }
    engine.start();

    std::unique_ptr<vigil::DemoFeed> feed;
    std::unique_ptr<vigil::app::LiveSources> live;
    if (liveConfig) {
        live = std::make_unique<vigil::app::LiveSources>(std::move(*liveConfig), engine, systemClock);
        if (const std::string why = live->start(); !why.empty()) {
            std::fprintf(stderr, "vigil: %s: cannot start: %s (nothing was started)\n", qPrintable(opts->config), why.c_str());
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Vigil"),
                                  QCoreApplication::translate("main", "Cannot start the live sources:\n%1").arg(QString::fromStdString(why)));
            return 1;
        }
        for (const auto& line : live->describe()) std::printf("vigil: %s\n", line.c_str());
        std::fflush(stdout);
    } else {
        const vigil::ScenarioSpec spec = vigil::demoScenario(opts->scenario.toStdString(), opts->cycleS);
        vigil::DemoFeed::Options feedOpts;
        feedOpts.speed = opts->speed;
        feed = std::make_unique<vigil::DemoFeed>(
            spec, opts->seed, QDateTime::currentMSecsSinceEpoch(),
            [&engine](std::vector<vigil::Record> batch) { return engine.submit(std::move(batch)); }, feedOpts);
        feed->start();
    }
    QTimer healTimer;  // fixes between feed steps, approvals, expiries
    if (healing && feed) {
        QObject::connect(&healTimer, &QTimer::timeout, [&] { healing->step(*feed, engine); });
        healTimer.start(100);
    }

    vigil::ui::EngineBridge bridge(engine);
    // Declared before the window, which uses them: they outlive it.
    std::unique_ptr<vigil::ui::LocalApprovalSource> approvals;
    std::unique_ptr<vigil::ui::StoreActivityFeed> activity;  // actions for the timeline and the action log
    std::unique_ptr<vigil::ui::AutomationControl> automation;
    std::unique_ptr<vigil::ui::SilenceSource> silenceSource;
    vigil::ui::MainWindow window(&bridge);
    opener.watch(&window);
    window.attachEngineActivity(engineActivity.get());  // null with a store: StoreActivityFeed below
    if (store) {
        // On the engine's time, as the gate files the requests; on their own store connection (a worker thread).
        approvals = std::make_unique<vigil::ui::LocalApprovalSource>(
            dbPath, healing ? healing->approvalClock() : static_cast<const vigil::Clock&>(systemClock));
        window.attachApprovals(approvals.get());
        activity = std::make_unique<vigil::ui::StoreActivityFeed>(dbPath);
        window.attachActivity(activity.get());
        // Silences, feedback and what Vigil learned, on their own connections and threads.
        silenceSource = std::make_unique<vigil::ui::SilenceSource>(dbPath, systemClock);
        const QString operatorName = QSettings().value(QStringLiteral("approvals/identity"), qEnvironmentVariable("USER")).toString();
        window.attachOperations(silenceSource.get(), vigil::ui::makeLearningPanel(dbPath, operatorName));
        window.incidentMenu()->addAction(vigil::report::incidentReportAction(
            &window, {[dbPath] { return dbPath; }, [&window] { return window.selectedIncidentId(); }, {}, {}}));
    }
    // The Automation menu acts on the demo's policy (no healing engine: no menu).
    // The LivePolicy is thread-safe.
    // With a database the switches are the stored ones (approve::AutomationSwitch,
    // audited, the same as `vigilctl automation`); without one, the policy's own.
    if (healing) {
        auto& live = healing->policy();
        if (store)
            automation = std::make_unique<vigil::ui::StoreAutomationControl>(dbPath, &live, prefs.policyFile);
        else
            automation = std::make_unique<vigil::ui::PolicyAutomationControl>(live, prefs.policyFile);
        window.attachAutomation(automation.get());
    }
    vigil::ui::RecordingMenu recording(recordingTap, &window, window.fileMenu());
    if (!prefs.recordDir.isEmpty()) recording.startIn(prefs.recordDir);  // "always record to DIR"
    // File → Settings takes effect at once (notifications in the window itself).
    vigil::ui::SettingsApplier applySettings(&window, sensitivity, &recording);
    QObject::connect(&window, &vigil::ui::MainWindow::settingsAccepted, &applySettings, &vigil::ui::SettingsApplier::apply);
    window.show();
    bridge.start();
    onTerminationSignal([&window] { window.close(); });
    const int rc = app->exec();

    // Producers first, then the engine (it drains), then the store (it commits).
    bridge.stop();
    healTimer.stop();
    if (signoff) signoff->stop();
    if (feed) feed->stop();
    if (live) live->stop();
    engine.stop();
    if (store) store->close();
    return rc;
}
