// vigilctl nab --data DIR --out DIR
//   Runs the metric detector (one fresh detector per file, one configuration for
//   all) over every data CSV under DIR and writes <out>/<category>/vigil_<name>.csv
//   with timestamp,value,anomaly_score, one row per input row.
// vigilctl nab --data DIR --cv --windows combined_windows.json
//   Leave-one-category-out over the detector's settings (DetectorGrid.h): for each
//   category, the setting and threshold are chosen on the other categories; prints
//   in-sample and held-out scores per profile. Writes nothing. --threshold T scores
//   every category at T (none fitted); only the setting is chosen on the others.
// vigilctl nab-score --results DIR --windows combined_windows.json [--data DIR] [--json OUT] [--cv]
//                   [--threshold T]
//   Scores such results with NAB's rules (core/detect/nab/NabScorer.h) and prints
//   the normalised score of each profile. --cv adds leave-one-category-out scores
//   (NabCrossValidation.h): each category with the threshold chosen on the others.
//   Each results file must hold every row of its data file (--data, default: the
//   data folder beside the windows file). --threshold T scores at T instead of the
//   threshold NAB's sweep fits to the corpus (0.5: a signal at its record, the
//   detector's own detection score).
#include "vigilctl/Commands.h"

#include "detect/nab/DetectorGrid.h"
#include "detect/nab/NabCrossValidation.h"
#include "detect/nab/NabRun.h"
#include "detect/nab/NabScorer.h"
#include "detect/nab/NabWindows.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace vigilctl {
namespace {

constexpr int kProblemsShown = 20;

// Prints the first problems in full and how many there were; true if there were any.
bool reportProblems(const std::vector<vigil::nab::CsvProblem>& problems) {
    for (int i = 0; i < static_cast<int>(problems.size()) && i < kProblemsShown; ++i)
        std::fprintf(stderr, "vigilctl: %s\n", problems[i].text().c_str());
    if (problems.size() > kProblemsShown) std::fprintf(stderr, "vigilctl: ... %zu bad rows in all\n", problems.size());
    return !problems.empty();
}

// The results file for a windows key "<category>/<name>.csv": <results>/<category>/
// vigil_<name>.csv, or else the one file there named "<detector>_<name>.csv".
std::string findResult(const std::string& results, const std::string& key) {
    namespace fs = std::filesystem;
    const auto slash = key.find('/');
    const std::string category = key.substr(0, slash), name = key.substr(slash + 1);
    const fs::path dir = fs::path(results) / category;
    if (fs::exists(dir / ("vigil_" + name))) return (dir / ("vigil_" + name)).string();
    std::string found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string f = e.path().filename().string();
        if (f.size() > name.size() && f.compare(f.size() - name.size() - 1, std::string::npos, "_" + name) == 0) {
            if (!found.empty()) return {};  // ambiguous
            found = e.path().string();
        }
    }
    return found;
}

QJsonObject printCrossValidation(const std::vector<vigil::nab::CrossValidation>& cvs,
                                 const std::vector<std::string>& settings);

// --threshold T: a number in (0, 1]; nothing when the option is not set. false (after
// a usage message) when it is not such a number.
bool readThreshold(const QCommandLineParser& p, const char* command, std::optional<double>& out, int& rc) {
    if (!p.isSet(QStringLiteral("threshold"))) return true;
    bool ok = false;
    const double t = p.value(QStringLiteral("threshold")).toDouble(&ok);
    if (!ok || !(t > 0.0 && t <= 1.0)) {
        rc = usageError(QStringLiteral("%1: --threshold %2: not a score in (0, 1]")
                            .arg(QString::fromLatin1(command), p.value(QStringLiteral("threshold"))));
        return false;
    }
    out = t;
    return true;
}

void addThresholdOption(QCommandLineParser& p) {
    p.addOption({QStringLiteral("threshold"),
                 QStringLiteral("score every profile at this threshold instead of fitting one (0.5: a signal at "
                                "its record, the detector's detection score)"),
                 QStringLiteral("T")});
}

// nab --cv: every detector setting of the grid over every file, then leave-one-category-out.
int nabCrossValidation(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("data")) || !p.isSet(QStringLiteral("windows")))
        return usageError(QStringLiteral("nab: --cv needs --data DIR and --windows FILE"));
    std::optional<double> threshold;
    if (int rc = 0; !readThreshold(p, "nab", threshold, rc)) return rc;
    const std::string data = p.value(QStringLiteral("data")).toStdString();
    if (!std::filesystem::is_directory(data))
        return usageError(QString::fromStdString("nab: " + data + ": not a folder"));
    std::map<std::string, std::vector<vigil::nab::Window>> windows;
    std::string fatal;
    if (!vigil::nab::readWindows(p.value(QStringLiteral("windows")).toStdString(), windows, fatal))
        return usageError(QString::fromStdString("nab: " + fatal));
    const auto found = vigil::nab::findDataFiles(data);
    if (found.empty()) return usageError(QString::fromStdString("nab: " + data + ": no .csv files found"));
    std::vector<vigil::nab::NabTable> tables;
    std::vector<vigil::nab::CsvProblem> problems;
    for (const auto& f : found) {
        if (!windows.count(f.key()))
            return usageError(
                QString::fromStdString("nab: " + f.path + ": no entry " + f.key() + " in the windows file"));
        vigil::nab::NabTable table;
        if (!vigil::nab::readNabCsv(f.path, false, table, problems, fatal))
            return usageError(QString::fromStdString("nab: " + fatal));
        tables.push_back(std::move(table));
    }
    if (reportProblems(problems)) return kUsage;
    const auto grid = vigil::nab::detectorGrid();
    std::vector<std::vector<vigil::nab::ScoredFile>> runs;
    std::vector<std::string> names;
    for (const auto& cfg : grid) {
        std::vector<vigil::nab::ScoredFile> run;
        for (std::size_t i = 0; i < found.size(); ++i)
            run.push_back(
                {found[i].key(), tables[i].ts_ms, vigil::nab::scoreTable(tables[i], cfg), windows[found[i].key()]});
        runs.push_back(std::move(run));
        names.push_back(vigil::nab::describe(cfg));
    }
    const auto cvs = vigil::nab::leaveOneCategoryOut(runs, vigil::nab::standardProfiles(), threshold);
    if (cvs.empty()) return usageError(QString::fromStdString("nab: --cv needs data files of at least two categories"));
    std::printf("%zu files, %zu detector settings (defaults: %s)\n", found.size(), grid.size(),
                vigil::nab::describe(vigil::metric::DetectorConfig{}).c_str());
    printCrossValidation(cvs, names);
    return kOk;
}

}  // namespace

int cmdNab(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Write NAB results files for every data CSV under a folder."));
    p.addOption({QStringLiteral("data"), QStringLiteral("NAB folder or its data folder"), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("out"), QStringLiteral("results folder to write"), QStringLiteral("DIR")});
    p.addOption(
        {QStringLiteral("cv"),
         QStringLiteral("leave-one-category-out over the detector's settings (needs --windows; writes nothing)")});
    p.addOption(
        {QStringLiteral("windows"), QStringLiteral("NAB combined_windows.json, for --cv"), QStringLiteral("FILE")});
    addThresholdOption(p);
    p.addHelpOption();
    if (auto rc = parseArguments(p, args, "nab")) return *rc;
    if (p.isSet(QStringLiteral("cv"))) return nabCrossValidation(p);
    if (p.isSet(QStringLiteral("threshold"))) return usageError(QStringLiteral("nab: --threshold goes with --cv"));
    if (!p.isSet(QStringLiteral("data")) || !p.isSet(QStringLiteral("out")))
        return usageError(QStringLiteral("nab: --data DIR and --out DIR are required"));
    const std::string data = p.value(QStringLiteral("data")).toStdString();
    const std::string out = p.value(QStringLiteral("out")).toStdString();
    if (!std::filesystem::is_directory(data))
        return usageError(QString::fromStdString("nab: " + data + ": not a folder"));
    const auto files = vigil::nab::findDataFiles(data);
    if (files.empty()) return usageError(QString::fromStdString("nab: " + data + ": no .csv files found"));

    std::vector<vigil::nab::CsvProblem> problems;
    std::size_t rows = 0;
    double seconds = 0.0;
    for (const auto& f : files) {
        vigil::nab::NabTable table;
        std::string fatal;
        if (!vigil::nab::readNabCsv(f.path, false, table, problems, fatal))
            return usageError(QString::fromStdString("nab: " + fatal));
        const auto t0 = std::chrono::steady_clock::now();
        const std::vector<double> scores = vigil::nab::scoreTable(table);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rows += table.size();
        const std::filesystem::path dir = std::filesystem::path(out) / f.category;
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (!vigil::nab::writeNabResults((dir / ("vigil_" + f.name)).string(), table, scores, fatal))
            return usageError(QString::fromStdString("nab: " + fatal));
    }
    std::printf("nab: %zu files, %zu rows, %zu bad rows, detector %.3f s (%.0f points/s)\n", files.size(), rows,
                problems.size(), seconds, seconds > 0 ? rows / seconds : 0.0);
    return reportProblems(problems) ? kUsage : kOk;
}

int cmdNabScore(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Score NAB results files with the benchmark's rules."));
    p.addOption({QStringLiteral("results"), QStringLiteral("folder of <category>/<detector>_<name>.csv"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("windows"), QStringLiteral("NAB combined_windows.json"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("data"),
                 QStringLiteral("NAB data folder the results were made from (default: data/ beside the windows file)"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("json"), QStringLiteral("also write the scores as JSON"), QStringLiteral("OUT")});
    p.addOption(
        {QStringLiteral("cv"),
         QStringLiteral("also leave-one-category-out: each category scored at the threshold chosen on the others")});
    addThresholdOption(p);
    p.addHelpOption();
    if (auto rc = parseArguments(p, args, "nab-score")) return *rc;
    std::optional<double> threshold;
    if (int rc = 0; !readThreshold(p, "nab-score", threshold, rc)) return rc;
    if (!p.isSet(QStringLiteral("results")) || !p.isSet(QStringLiteral("windows")))
        return usageError(QStringLiteral("nab-score: --results DIR and --windows FILE are required"));
    const std::string results = p.value(QStringLiteral("results")).toStdString();
    const std::string data =
        p.isSet(QStringLiteral("data"))
            ? p.value(QStringLiteral("data")).toStdString()
            : (std::filesystem::path(p.value(QStringLiteral("windows")).toStdString()).parent_path() / "data").string();
    std::map<std::string, std::vector<vigil::nab::Window>> windows;
    std::string fatal;
    if (!vigil::nab::readWindows(p.value(QStringLiteral("windows")).toStdString(), windows, fatal))
        return usageError(QString::fromStdString("nab-score: " + fatal));

    std::vector<vigil::nab::ScoredFile> files;
    std::vector<vigil::nab::CsvProblem> problems;
    for (const auto& [key, wins] : windows) {
        const std::string path = findResult(results, key);
        if (path.empty())
            return usageError(
                QString::fromStdString("nab-score: no single results file for " + key + " under " + results));
        vigil::nab::NabTable table, rows;
        if (!vigil::nab::readNabCsv(path, true, table, problems, fatal))
            return usageError(QString::fromStdString("nab-score: " + fatal));
        // A results file cut short scores lower instead of failing: check it against its data.
        const std::string dataPath = (std::filesystem::path(data) / key).string();
        std::vector<vigil::nab::CsvProblem> ignored;  // the data file's own bad rows are nab's business
        if (!vigil::nab::readNabCsv(dataPath, false, rows, ignored, fatal))
            return usageError(QString::fromStdString("nab-score: cannot check " + path + " is complete: " + fatal +
                                                     " (pass --data DIR)"));
        if (const std::string why = vigil::nab::missingRows(rows, dataPath, table, path); !why.empty())
            return usageError(QString::fromStdString("nab-score: " + why));
        files.push_back({key, table.ts_ms, table.score, wins});
    }
    if (reportProblems(problems)) return kUsage;

    std::vector<vigil::nab::ProfileResult> scored;
    if (threshold) {
        for (const auto& profile : vigil::nab::standardProfiles())
            scored.push_back(vigil::nab::scoreAtThreshold(files, profile, *threshold));
    } else {
        scored = vigil::nab::scoreCorpus(files, vigil::nab::standardProfiles());
    }
    QJsonObject json;
    for (const auto& r : scored) {
        std::printf("%-20s %6.2f  (threshold %.4f, raw %.2f, TP %d, FP %d, FN %d)\n", r.profile.name.c_str(),
                    r.normalised, r.threshold, r.raw, r.true_positives, r.false_positives, r.false_negatives);
        json[QString::fromStdString(r.profile.name)] = QJsonObject{{"score", r.normalised},
                                                                   {"threshold", r.threshold},
                                                                   {"raw", r.raw},
                                                                   {"true_positives", r.true_positives},
                                                                   {"false_positives", r.false_positives},
                                                                   {"false_negatives", r.false_negatives}};
    }
    if (p.isSet(QStringLiteral("cv"))) {
        const auto cvs = vigil::nab::leaveOneCategoryOut(files, vigil::nab::standardProfiles(), threshold);
        if (cvs.empty()) return usageError(QStringLiteral("nab-score: --cv needs files of at least two categories"));
        const QJsonObject cvJson = printCrossValidation(cvs, {});
        json[QStringLiteral("leave_one_category_out")] = cvJson;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QSaveFile f(p.value(QStringLiteral("json")));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(json).toJson()) < 0 || !f.commit())
            return usageError(QStringLiteral("nab-score: ") + f.fileName() + QStringLiteral(": cannot write"));
    }
    return kOk;
}

namespace {
// Prints the in-sample / held-out table of each profile; `settings` names the runs
// (detector settings) when there were several. Returns the same as JSON.
QJsonObject printCrossValidation(const std::vector<vigil::nab::CrossValidation>& cvs,
                                 const std::vector<std::string>& settings) {
    QJsonObject cvJson;
    for (const auto& cv : cvs) {
        std::printf("\n%s, leave-one-category-out (%s threshold %.4f)\n", cv.profile.name.c_str(),
                    cv.fixedThreshold ? "fixed" : "in-sample", cv.inSample.threshold);
        std::printf("%-22s %5s %7s %9s %12s %9s %9s %12s\n", "held-out category", "files", "windows", "in-sample",
                    "TP/FP/FN", "held-out", "threshold", "TP/FP/FN");
        QJsonArray cats;
        for (const auto& c : cv.categories) {
            char in[16], out[16], inTally[24], outTally[24];
            // A category without windows has no normalised score: its raw score (FP cost) is shown.
            std::snprintf(in, sizeof in, c.windows ? "%.2f" : "raw %.2f",
                          c.windows ? c.inSample.normalised : c.inSample.raw);
            std::snprintf(out, sizeof out, c.windows ? "%.2f" : "raw %.2f",
                          c.windows ? c.heldOut.normalised : c.heldOut.raw);
            std::snprintf(inTally, sizeof inTally, "%d/%d/%d", c.inSample.true_positives, c.inSample.false_positives,
                          c.inSample.false_negatives);
            std::snprintf(outTally, sizeof outTally, "%d/%d/%d", c.heldOut.true_positives, c.heldOut.false_positives,
                          c.heldOut.false_negatives);
            std::printf("%-22s %5zu %7d %9s %12s %9s %9.4f %12s\n", c.category.c_str(), c.files, c.windows, in, inTally,
                        out, c.heldOut.threshold, outTally);
            cats.append(QJsonObject{{"category", QString::fromStdString(c.category)},
                                    {"windows", c.windows},
                                    {"in_sample", c.inSample.normalised},
                                    {"in_sample_raw", c.inSample.raw},
                                    {"held_out", c.heldOut.normalised},
                                    {"held_out_raw", c.heldOut.raw},
                                    {"held_out_threshold", c.heldOut.threshold}});
        }
        std::printf("%-22s %5s %7s %9.2f %12s %9.2f %9s %12s\n", "pooled", "", "", cv.inSample.normalised,
                    (std::to_string(cv.inSample.true_positives) + "/" + std::to_string(cv.inSample.false_positives) +
                     "/" + std::to_string(cv.inSample.false_negatives))
                        .c_str(),
                    cv.heldOut.normalised, "",
                    (std::to_string(cv.heldOut.true_positives) + "/" + std::to_string(cv.heldOut.false_positives) +
                     "/" + std::to_string(cv.heldOut.false_negatives))
                        .c_str());
        if (!settings.empty()) {
            std::printf("in-sample setting: %s\n", settings[cv.inSampleRun].c_str());
            for (std::size_t k = 0; k < cv.categories.size(); ++k)
                std::printf("  without %-22s %s\n", cv.categories[k].category.c_str(),
                            settings[cv.chosenRun[k]].c_str());
        }
        QJsonObject profileJson{
            {"in_sample", cv.inSample.normalised}, {"held_out", cv.heldOut.normalised}, {"categories", cats}};
        if (cv.fixedThreshold) profileJson[QStringLiteral("fixed_threshold")] = *cv.fixedThreshold;
        cvJson[QString::fromStdString(cv.profile.name)] = profileJson;
    }
    return cvJson;
}

}  // namespace

}  // namespace vigilctl
