#include "DeskMode.h"

#include "TerminationSignals.h"
#include "record/Clock.h"
#include "signoff/ApproverTokens.h"
#include "signoff/SignoffClient.h"
#include "ui/DeskWindow.h"
#include "ui/RemoteApprovalSource.h"

#include <QApplication>

#include <cstdio>

namespace {
// Like a bad option: one line and exit 2, no dialog (the desk is started from a command line).
int refuse(const QString& why) {
    std::fprintf(stderr, "vigil: %s\n", qPrintable(why));
    return 2;
}
}  // namespace

int runDesk(const ConsoleOptions::Desk& desk) {
    std::string error;
    const auto token = vigil::signoff::loadClientToken(desk.tokenFile.toStdString(), error);
    if (!token) return refuse(QStringLiteral("--token-file: ") + QString::fromStdString(error));
    vigil::signoff::SignoffClientOptions o;
    o.url = desk.url.toStdString();
    o.token = *token;
    o.caFile = desk.caFile.toStdString();
    o.pinSha256 = desk.pin.toStdString();
    auto client = vigil::signoff::SignoffClient::create(o, error);
    if (!client) return refuse(QStringLiteral("--desk: ") + QString::fromStdString(error));

    vigil::SystemClock clock;  // the desk's; countdowns follow the service's clock
    vigil::ui::RemoteApprovalSource source(std::move(client), clock);
    // The banner's changes on stdout too: a log of when the service was lost and found.
    auto print = [](const QString& text) {
        std::printf("vigil: desk: %s\n", qPrintable(text));
        std::fflush(stdout);
    };
    print(source.statusText());
    QObject::connect(&source, &vigil::ui::RemoteApprovalSource::statusChanged, &source,
                     [print](const QString& t, bool) { print(t); });
    vigil::ui::DeskWindow window(&source);
    window.show();
    onTerminationSignal([&window] { window.close(); });
    return QApplication::exec();
}
