// The `vigil` command line: parsed and checked before any window exists, so bad
// usage gets a one-line reason and exit code 2, like vigilctl.
#pragma once

#include "signoff/SignoffService.h"
#include "sim/Scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

struct ConsoleOptions {
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptions)
public:
    QString lang;                // empty: the system locale
    QString scenario = QString::fromLatin1(vigil::kDemoScenarioName);
    std::uint64_t seed = 7;
    double speed = 1.0;          // simulated seconds per wall second
    std::int64_t cycleS = vigil::kDemoCycleS;  // the scenario repeats every cycle
    QString db;                  // empty: the default database in the data location
    bool noStore = false;
    std::optional<vigil::signoff::SignoffServiceOptions> signoff;  // --signoff-tokens: serve sign-off on db
    QString config;              // live sources (docs/configuration.md) instead of the demo fleet
    // --desk URL --token-file F [--ca F | --pin SHA256]: an approver's station
    // on a sign-off service, with no engine and no store (DeskMode.h).
    struct Desk {
        QString url, tokenFile, caFile, pin;
    };
    std::optional<Desk> desk;
    QString replay;              // a recording to replay instead of the live console (docs/replay.md)

    // The --lang value if given, looked up before translations are installed (the
    // parser's own texts are translated, so it is built afterwards).
    static QString langFromArguments(const QStringList& args);

    // Parses and validates. On --help/--version prints and sets exitCode 0; on bad
    // usage prints a one-line reason to stderr and sets exitCode 2.
    static std::optional<ConsoleOptions> parse(const QStringList& args, int& exitCode);
};
