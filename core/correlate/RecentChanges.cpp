#include "correlate/RecentChanges.h"

#include <algorithm>
#include <array>

namespace vigil {
namespace {
// Words with which agents, deploy tools and orchestrators announce a change. Matched
// as whole words so "deployment_id=…" in an error does not count as a deploy.
constexpr std::string_view kChangeWords[] = {
    "deployed", "deploying", "redeployed", "upgraded", "downgraded", "rolled", "rollout",
    "rollback", "restarted", "reloaded", "reconfigured", "migrated", "scaled",
};

// ASCII only and inline: every log line of the fleet passes through here.
bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr std::size_t kShortest = std::ranges::min(kChangeWords, {}, &std::string_view::size).size();
constexpr std::size_t kLongest = std::ranges::max(kChangeWords, {}, &std::string_view::size).size();
constexpr auto kFirstLetters = [] {
    std::array<bool, 256> t{};
    for (std::string_view w : kChangeWords) t[static_cast<unsigned char>(w[0])] = true;
    return t;
}();
}  // namespace

bool RecentChanges::announcesChange(std::string_view message) {
    std::size_t i = 0;
    while (i < message.size()) {
        while (i < message.size() && !isWordChar(message[i])) ++i;
        const std::size_t start = i;
        while (i < message.size() && isWordChar(message[i])) ++i;
        if (i == start) break;
        const std::string_view word = message.substr(start, i - start);
        // Most words of a log line are no change word's length or first letter: the
        // list is not walked for them (every log line of the fleet comes through here).
        if (word.size() < kShortest || word.size() > kLongest ||
            !kFirstLetters[static_cast<unsigned char>(lower(word[0]))])
            continue;
        for (std::string_view w : kChangeWords)
            if (word.size() == w.size() &&
                std::equal(word.begin(), word.end(), w.begin(), [](char a, char b) { return lower(a) == b; }))
                return true;
    }
    return false;
}

void RecentChanges::observe(const LogLine& line) {
    if (line.source.empty() || !announcesChange(line.message)) return;
    auto it = bySource_.find(line.source);
    if (it == bySource_.end()) {
        if (bySource_.size() >= maxSources_) {
            // Forget the source that announced a change least recently: O(1), so a
            // flood of distinct sources costs no more than a few.
            bySource_.erase(bySource_.find(recency_.leastRecent(bySource_)));
            recency_.forgetLeastRecent();
            ++evicted_;
        }
        it = bySource_.emplace(line.source, Entry{}).first;
        recency_.added(it->first, it->second.recency);
    } else {
        recency_.touched(it->second.recency);
    }
    auto& changes = it->second.changes;
    changes.push_back({line.ts, line.source, line.message});
    if (changes.size() > perSource_) changes.pop_front();
}

const Change* RecentChanges::latest(std::string_view source, TimestampMs from, TimestampMs to) const {
    auto it = bySource_.find(source);
    if (it == bySource_.end()) return nullptr;
    const Change* best = nullptr;
    for (const Change& c : it->second.changes)
        if (c.ts >= from && c.ts <= to && (!best || c.ts >= best->ts)) best = &c;
    return best;
}

}  // namespace vigil
