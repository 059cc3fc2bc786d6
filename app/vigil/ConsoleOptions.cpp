#include "ConsoleOptions.h"

#include "DeskOptions.h"

#include "common/SignoffOptions.h"
#include "sim/Scenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {
void printLine(FILE* f, const QString& s) {
    std::fputs(qPrintable(s), f);
    std::fputc('\n', f);
}
}  // namespace

QString ConsoleOptions::langFromArguments(const QStringList& args) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang="))) return args[i].mid(7);
    }
    return {};
}

std::optional<ConsoleOptions> ConsoleOptions::parse(const QStringList& args, int& exitCode) {
    QCommandLineParser p;
    p.setApplicationDescription(tr("Vigil operations console: live charts and health of the demo worker fleet."));
    const QCommandLineOption help = p.addHelpOption();
    const QCommandLineOption version = p.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"), tr("User interface language, e.g. de (default: system locale)."),
                                  tr("code"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      tr("Demo fleet scenario: %1 (default: cascade).")
                                          .arg(QString::fromStdString([] {
                                              std::string s;
                                              for (const auto& n : vigil::scenarioNames()) s += (s.empty() ? "" : ", ") + n;
                                              return s;
                                          }())),
                                      tr("name"), QString::fromLatin1(vigil::kDemoScenarioName));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the demo fleet (default: 7)."), tr("n"),
                                  QStringLiteral("7"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   tr("Simulated seconds per wall-clock second, 1 to 100 (default: 1)."), tr("x"),
                                   QStringLiteral("1"));
    const QCommandLineOption cycle(QStringLiteral("cycle"),
                                   tr("Length in seconds of one scenario cycle; faults repeat every cycle (default: 900)."),
                                   tr("seconds"), QString::number(vigil::kDemoCycleS));
    const QCommandLineOption db(QStringLiteral("db"), tr("Database to record into (default: vigil.db in the data location)."),
                                tr("path"));
    const QCommandLineOption noStore(QStringLiteral("no-store"), tr("Do not record to a database."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    tr("Watch the live sources of this configuration instead of the demo fleet."), tr("file"));
    const QCommandLineOption replay(QStringLiteral("replay"),
                                    tr("Replay this recording (.ndjson or .ndjson.gz) instead of watching a fleet."), tr("log"));
    p.addOptions({lang, scenario, seed, speed, cycle, db, noStore, config, replay});
    const DeskOptionNames desk;
    desk.addTo(p);
    const vigil::app::SignoffOptionNames signoff;
    signoff.addTo(p);

    auto bad = [&](const QString& reason) -> std::optional<ConsoleOptions> {
        printLine(stderr, QStringLiteral("vigil: ") + reason);
        exitCode = 2;
        return std::nullopt;
    };
    if (!p.parse(args)) return bad(p.errorText());
    if (p.isSet(help)) {
        printLine(stdout, p.helpText().trimmed());
        exitCode = 0;
        return std::nullopt;
    }
    if (p.isSet(version)) {
        printLine(stdout, QStringLiteral("vigil %1").arg(QCoreApplication::applicationVersion()));
        exitCode = 0;
        return std::nullopt;
    }
    if (!p.positionalArguments().isEmpty())
        return bad(tr("unexpected argument '%1'").arg(p.positionalArguments().first()));

    ConsoleOptions o;
    o.lang = p.value(lang);
    o.scenario = p.value(scenario);
    if (!vigil::isScenario(o.scenario.toStdString()))
        return bad(tr("--scenario: unknown scenario '%1'").arg(o.scenario));
    bool ok = false;
    o.seed = p.value(seed).toULongLong(&ok);
    if (!ok) return bad(tr("--seed: '%1' is not a non-negative integer").arg(p.value(seed)));
    o.speed = p.value(speed).toDouble(&ok);
    if (!ok || !(o.speed >= 1.0 && o.speed <= 100.0)) return bad(tr("--speed: '%1' is not a number from 1 to 100").arg(p.value(speed)));
    o.cycleS = p.value(cycle).toLongLong(&ok);
    const vigil::ScenarioSpec spec = vigil::demoScenario(o.scenario.toStdString(), o.cycleS);
    if (!ok) return bad(tr("--cycle: '%1' is not a whole number of seconds").arg(p.value(cycle)));
    if (const std::string why = vigil::validateScenario(spec); !why.empty())
        return bad(QStringLiteral("--cycle: %1").arg(QString::fromStdString(why)));
    o.db = p.value(db);
    o.noStore = p.isSet(noStore);
    if (o.noStore && !o.db.isEmpty()) return bad(tr("--db and --no-store exclude each other"));
    QString why;
    if (!signoff.read(p, o.signoff, why)) return bad(why);
    if (o.signoff && o.noStore) return bad(tr("--signoff-tokens serves the database: not with --no-store"));
    o.config = p.value(config);
    o.replay = p.value(replay);
    if (!o.replay.isEmpty() && !o.config.isEmpty()) return bad(tr("--replay and --config exclude each other"));
    if (!o.replay.isEmpty() && o.signoff) return bad(tr("--signoff-tokens serves a live console: not with --replay"));
    if (!desk.read(p, {&scenario, &seed, &speed, &cycle, &db, &noStore, &config, &replay}, o.desk, why)) return bad(why);
    if (o.desk && o.signoff) return bad(tr("--desk has no engine or database of its own: not with --signoff-tokens"));
    if (!o.config.isEmpty())
        for (const auto* demoOnly : {&scenario, &seed, &speed, &cycle})
            if (p.isSet(*demoOnly)) return bad(tr("--%1 is for the demo fleet, not --config").arg(demoOnly->names().first()));
    return o;
}
