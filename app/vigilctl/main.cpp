// vigilctl: the command-line face of Vigil. Argument parsing and wiring only;
// everything it does lives in core/.
#include "vigilctl/Commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace {
void printUsage(FILE* to) {
    std::fprintf(to, "usage: vigilctl --version\n       vigilctl COMMAND [options]   (COMMAND --help for details)\n\ncommands:\n");
    for (auto* c = vigilctl::commands(); c->name; ++c) std::fprintf(to, "  %-10s %s\n", c->name, c->summary);
}
}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
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
