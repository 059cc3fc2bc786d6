// `vigil --desk URL --token-file F [--ca FILE | --pin SHA256]`: the options of
// a sign-off desk (docs/signoff.md), kept apart from the console's engine
// options, which a desk has no use for.
#pragma once

#include "ConsoleOptions.h"
#include "ui/StoredSettingsUse.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>

#include <initializer_list>

struct DeskOptionNames {
    Q_DECLARE_TR_FUNCTIONS(DeskOptionNames)
public:
    QCommandLineOption url{QStringLiteral("desk"),
                           tr("Start as a sign-off desk on the sign-off service at this URL (no engine, no database); \"settings\": the address stored in File → Settings."),
                           tr("url")};
    QCommandLineOption tokenFile{QStringLiteral("token-file"),
                                 tr("With --desk: file holding your bearer token (mode 0600); default: the one stored in File → Settings."), tr("file")};
    QCommandLineOption ca{QStringLiteral("ca"), tr("With an https --desk: CA certificates to trust (PEM)."),
                          tr("file")};
    QCommandLineOption pin{QStringLiteral("pin"), tr("With an https --desk: the service certificate's SHA-256."),
                           tr("sha256")};

    void addTo(QCommandLineParser& p) const { p.addOptions({url, tokenFile, ca, pin}); }

    // `engineOnly`: options that make no sense at a desk. False with a one-line reason.
    bool read(const QCommandLineParser& p, std::initializer_list<const QCommandLineOption*> engineOnly,
              std::optional<ConsoleOptions::Desk>& out, QString& error) const {
        out.reset();
        if (!p.isSet(url)) {
            for (const auto* o : {&tokenFile, &ca, &pin})
                if (p.isSet(*o)) {
                    error = tr("--%1 belongs to --desk URL").arg(o->names().first());
                    return false;
                }
            return true;
        }
        for (const auto* o : engineOnly)
            if (p.isSet(*o)) {
                error = tr("--%1 is for the console's own engine; a --desk has none").arg(o->names().first());
                return false;
            }
        ConsoleOptions::Desk d{p.value(url), p.value(tokenFile), p.value(ca), p.value(pin)};
        if (d.url.isEmpty()) {
            error = tr("--desk: give the sign-off service's URL, e.g. http://127.0.0.1:8787");
            return false;
        }
        // What is left out comes from File → Settings (the stored sign-off address and token file).
        if (const QString why = vigil::ui::fillDeskFromSettings(d.url, d.tokenFile, vigil::ui::ConsoleSettings::load(QSettings()));
            !why.isEmpty()) {
            error = why;
            return false;
        }
        if (!d.caFile.isEmpty() && !d.pin.isEmpty()) {
            error = tr("--ca and --pin exclude each other");
            return false;
        }
        out = std::move(d);
        return true;
    }
};
