#include "detect/logs/LoghubSample.h"

#include "detect/logs/CsvReader.h"

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace vigil::logs {

bool loadLoghubSample(const std::string& path, LoghubSample& out, std::string& error) {
    out = {};
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ":0: cannot open";
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    CsvReader csv(text);
    std::vector<std::string> fields;
    if (!csv.next(fields)) {
        error = path + ":1: " + (csv.error().empty() ? std::string("empty file") : csv.error());
        return false;
    }
    if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);  // BOM
    int contentCol = -1, eventCol = -1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == "Content") contentCol = static_cast<int>(i);
        if (fields[i] == "EventId") eventCol = static_cast<int>(i);
    }
    if (contentCol < 0 || eventCol < 0) {
        error = path + ":1: header lacks the Content or EventId column";
        return false;
    }
    const std::size_t width = fields.size();
    while (csv.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
        if (fields.size() != width) {
            error = path + ":" + std::to_string(csv.line()) + ": expected " + std::to_string(width) +
                    " fields, found " + std::to_string(fields.size());
            return false;
        }
        out.content.push_back(std::move(fields[contentCol]));
        out.eventId.push_back(std::move(fields[eventCol]));
    }
    if (!csv.error().empty()) {
        error = path + ":" + std::to_string(csv.line()) + ": " + csv.error();
        return false;
    }
    return true;
}

std::vector<std::uint64_t> mineGroups(const std::vector<std::string>& messages, const LogMinerConfig& cfg,
                                      std::size_t* templates) {
    LogTemplateMiner miner(cfg);
    std::vector<std::uint64_t> ids;
    ids.reserve(messages.size());
    for (const std::string& m : messages) ids.push_back(miner.add(m).id);
    for (std::uint64_t& id : ids) id = miner.resolve(id);
    if (templates) *templates = miner.size();
    return ids;
}

double groupingAccuracy(const std::vector<std::uint64_t>& parsed, const std::vector<std::string>& truth) {
    if (parsed.empty() || parsed.size() != truth.size()) return 0.0;
    // A parsed group is right when all its lines share one truth id and that truth
    // group has no line elsewhere.
    std::unordered_map<std::uint64_t, std::size_t> groupSize;
    std::unordered_map<std::string, std::size_t> truthSize;
    std::unordered_map<std::uint64_t, const std::string*> groupTruth;
    std::unordered_map<std::uint64_t, bool> pure;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        ++groupSize[parsed[i]];
        ++truthSize[truth[i]];
        auto [it, fresh] = groupTruth.emplace(parsed[i], &truth[i]);
        auto& p = pure.try_emplace(parsed[i], true).first->second;
        if (!fresh && *it->second != truth[i]) p = false;
    }
    std::size_t correct = 0;
    for (const auto& [g, size] : groupSize)
        if (pure[g] && truthSize[*groupTruth[g]] == size) correct += size;
    return static_cast<double>(correct) / static_cast<double>(parsed.size());
}

}  // namespace vigil::logs
