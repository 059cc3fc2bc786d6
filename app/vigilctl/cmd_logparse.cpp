// vigilctl logparse --in FILE --out FILE.csv
// Mines log templates online from one message per line and writes, per input line,
// LineId,EventId,EventTemplate (the Loghub layout). Ids are those of the final
// templates: a line whose template was later merged into another gets the merged id.
#include "vigilctl/Commands.h"

#include "detect/logs/CsvReader.h"
#include "detect/logs/LogTemplateMiner.h"

#include <QCommandLineParser>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace vigilctl {

int cmdLogparse(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Assign a log template to every line of a file of log messages."));
    p.addHelpOption();
    p.addOption({QStringLiteral("in"), QStringLiteral("input: one log message per line"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("out"), QStringLiteral("output CSV: LineId,EventId,EventTemplate"), QStringLiteral("FILE.csv")});
    if (auto rc = parseArguments(p, args, "logparse")) return *rc;
    if (!p.isSet(QStringLiteral("in")) || !p.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("logparse: --in FILE and --out FILE.csv are required"));
    const std::string inPath = p.value(QStringLiteral("in")).toStdString();
    const std::string outPath = p.value(QStringLiteral("out")).toStdString();
    // Writing the output truncates it: refuse when it is the input under any
    // name (the same path, a symlink, a hard link, "dir/../file").
    std::error_code ec;
    if (std::filesystem::equivalent(inPath, outPath, ec))
        return usageError(QString::fromStdString("logparse: --out " + outPath + " is the input file " + inPath +
                                                 "; writing it would destroy the input"));

    std::ifstream in(inPath, std::ios::binary);
    if (!in) return usageError(QString::fromStdString("logparse: " + inPath + ":0: cannot open"));
    vigil::logs::LogTemplateMiner miner;
    std::vector<std::uint64_t> ids;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        ids.push_back(miner.add(line).id);
    }
    if (in.bad())
        return usageError(QString::fromStdString("logparse: " + inPath + ":" + std::to_string(ids.size() + 1) +
                                                 ": read error"));

    std::ofstream out(outPath, std::ios::binary | std::ios::trunc);
    if (!out) return usageError(QString::fromStdString("logparse: " + outPath + ": cannot write"));
    out << "LineId,EventId,EventTemplate\n";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::uint64_t id = miner.resolve(ids[i]);
        out << (i + 1) << ',' << vigil::logs::LogTemplateMiner::idText(id) << ','
            << vigil::logs::csvField(miner.templateText(id)) << '\n';
    }
    out.flush();
    if (!out) return usageError(QString::fromStdString("logparse: " + outPath + ": write failed"));
    std::fprintf(stderr, "logparse: %zu lines, %zu templates, %llu merged, %llu evicted\n", ids.size(),
                 miner.size(), static_cast<unsigned long long>(miner.merges()),
                 static_cast<unsigned long long>(miner.evictions()));
    return kOk;
}

}  // namespace vigilctl
