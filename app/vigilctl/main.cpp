// vigilctl: the command-line face of Vigil. Argument parsing and wiring only;
// everything it does lives in core/.
#include "vigilctl/Commands.h"

#include <QCoreApplication>

#ifdef VIGIL_HAVE_REPORT_RENDER
#include "ui/report/ReportRender.h"
#endif

#include <cstdio>
#include <cstring>

namespace {
void printUsage(FILE* to) {
    std::fprintf(to, "usage: vigilctl --version\n       vigilctl COMMAND [options]   (COMMAND --help for details)\n\ncommands:\n");
    for (auto* c = vigilctl::commands(); c->name; ++c) std::fprintf(to, "  %-10s %s\n", c->name, c->summary);
}
#ifdef VIGIL_HAVE_REPORT_RENDER
// Charts in an HTML or PDF report need a GUI application (offscreen); every
// other command stays a plain QCoreApplication.
bool writesRenderedReport(int argc, char** argv) {
    if (argc < 2 || (std::strcmp(argv[1], "replay") != 0 && std::strcmp(argv[1], "report") != 0)) return false;
    for (int i = 2; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) || a.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)) return true;
    }
    return false;
}
#endif
}  // namespace

int main(int argc, char** argv) {
#ifdef VIGIL_HAVE_REPORT_RENDER
    const auto owned = vigil::report::makeApplication(argc, argv, writesRenderedReport(argc, argv));
    QCoreApplication& app = *owned;
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(stderr);
        return vigilctl::kUsage;
    }
    if (args[0] == QLatin1String("--version") || args[0] == QLatin1String("-V")) {
        std::printf("vigilctl %s\n", VIGIL_VERSION);
        return vigilctl::kOk;
    }
    if (args[0] == QLatin1String("--help") || args[0] == QLatin1String("-h") || args[0] == QLatin1String("help")) {
        printUsage(stdout);
        return vigilctl::kOk;
    }
    for (auto* c = vigilctl::commands(); c->name; ++c)
        if (args[0] == QLatin1String(c->name)) return c->run(args);
    printUsage(stderr);
    return vigilctl::usageError(QStringLiteral("unknown command '%1'").arg(args[0]));
}
