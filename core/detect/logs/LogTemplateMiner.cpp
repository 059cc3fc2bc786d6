#include "detect/logs/LogTemplateMiner.h"

#include <algorithm>
#include <cstdio>

namespace vigil::logs {

namespace {
const std::uint64_t kWildHash = fnv1a(kWildcard);
constexpr std::uint64_t kLengthSeed = 0x9e3779b97f4a7c15ull;
}  // namespace

LogTemplateMiner::LogTemplateMiner(LogMinerConfig cfg) : cfg_(cfg) {
    cfg_.maxClusters = std::max<std::size_t>(cfg_.maxClusters, 1);
    cfg_.maxChildren = std::max<std::size_t>(cfg_.maxChildren, 2);
    cfg_.maxTokens = std::max<std::size_t>(cfg_.maxTokens, 1);
    nodes_.emplace_back();  // root
    tok_.setOptions(cfg_.mask);
}

std::string LogTemplateMiner::idText(std::uint64_t id) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
    return buf;
}

std::uint32_t LogTemplateMiner::child(std::uint32_t node, std::uint64_t key, bool create) {
    for (const auto& [k, idx] : nodes_[node].children)
        if (k == key) return idx;
    if (!create) return kNone;
    std::uint32_t idx;
    if (!freeNodes_.empty()) {
        idx = freeNodes_.back();
        freeNodes_.pop_back();
        nodes_[idx] = Node{};
    } else {
        idx = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
    }
    nodes_[idx].parent = node;
    nodes_[idx].key = key;
    nodes_[idx].depth = nodes_[node].depth + 1;
    nodes_[node].children.emplace_back(key, idx);
    return idx;
}

// Walks token count, then the first tokens. Searching prefers the exact token and
// falls back to the "<*>" branch; creating adds a branch until maxChildren is reached.
std::uint32_t LogTemplateMiner::findLeaf(bool create) {
    const auto& toks = tok_.tokens();
    std::uint32_t node = child(0, toks.size() ^ kLengthSeed, create);
    if (node == kNone) return kNone;
    // The last token never routes: a two-word message "removing <name>" must be able to
    // meet its siblings in one leaf.
    const std::size_t depth = toks.empty() ? 0 : std::min(cfg_.routeTokens, toks.size() - 1);
    for (std::size_t d = 0; d < depth; ++d) {
        const MaskedToken& t = toks[d];
        std::uint64_t key = t.variable || (cfg_.routeMasked && t.masked) ? kWildHash : t.hash;
        std::uint32_t next = child(node, key, false);
        if (next == kNone && key != kWildHash) {
            if (!create || nodes_[node].children.size() + 1 >= cfg_.maxChildren) key = kWildHash;
            next = child(node, key, create);
        } else if (next == kNone) {
            next = child(node, key, create);
        }
        if (next == kNone) return kNone;
        node = next;
    }
    return node;
}

// Share of the template's constant positions that the message repeats.
double LogTemplateMiner::similarity(const Cluster& c) const {
    const auto& toks = tok_.tokens();
    std::size_t same = 0, compared = 0, differ = 0, half = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (c.hashes[i] == kWildHash) {
            // A slot that already took several values accepts a word: half credit, full
            // when many siblings proved it a parameter.
            if (!toks[i].variable) {
                ++compared;
                if (c.proven[i]) ++same;
                else ++half;
            }
            continue;
        }
        ++compared;
        if (c.hashes[i] == toks[i].hash) ++same;
        else if (c.keyed[i] && cfg_.keyedValues) return -1.0;
        else ++differ;
    }
    if (compared == 0) return 1.0;
    const double ratio = (static_cast<double>(same) + 0.5 * static_cast<double>(half)) / static_cast<double>(compared);
    // One differing constant is always allowed ("removing <service>") as long as the
    // message shares at least half of its words with the template: for short messages
    // a ratio alone cannot tell a parameter from a different event.
    if (cfg_.oneWordJoins && compared >= 3 && differ + half <= 1 && 2 * same >= compared) return 1.0 + ratio;
    return ratio;
}

bool LogTemplateMiner::generalise(Cluster& c) {
    const auto& toks = tok_.tokens();
    bool changed = false;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (c.hashes[i] == kWildHash || c.hashes[i] == toks[i].hash) continue;
        c.hashes[i] = kWildHash;
        c.tokens[i] = std::string(kWildcard);
        --c.constants;
        changed = true;
    }
    return changed;
}

bool LogTemplateMiner::covers(const Cluster& general, const Cluster& specific) const {
    if (general.hashes.size() != specific.hashes.size()) return false;
    for (std::size_t i = 0; i < general.hashes.size(); ++i)
        if (general.hashes[i] != kWildHash && general.hashes[i] != specific.hashes[i]) return false;
    return true;
}

void LogTemplateMiner::mergeCovered(std::uint32_t into) {
    // Copy: removeCluster edits the leaf's list.
    const std::vector<std::uint32_t> peers = nodes_[clusters_[into].leaf].clusters;
    for (std::uint32_t other : peers) {
        if (other == into || !covers(clusters_[into], clusters_[other])) continue;
        clusters_[into].count += clusters_[other].count;
        remember(clusters_[other].id, clusters_[into].id);
        removeCluster(other);
        ++merges_;
    }
}

// A new cluster and its leaf siblings that equal it at every position but one, where
// each holds its own word: with enough of them the position is a parameter. The new
// cluster generalises there and absorbs them (its id survives, theirs become aliases).
bool LogTemplateMiner::mergeOneWordSiblings(std::uint32_t fresh) {
    const std::size_t need = cfg_.distinctWordsMakeParameter;
    if (need < 2) return false;
    const Cluster& c = clusters_[fresh];
    // A lone word ("normal", "warning") shares nothing with its siblings: no pattern.
    if (c.constants < 2) return false;
    std::vector<std::size_t> countAt(c.hashes.size(), 0);
    for (std::uint32_t other : nodes_[c.leaf].clusters) {
        if (other == fresh) continue;
        const Cluster& o = clusters_[other];
        std::size_t diff = c.hashes.size();
        bool one = o.hashes.size() == c.hashes.size();
        for (std::size_t i = 0; one && i < c.hashes.size(); ++i) {
            if (o.hashes[i] == c.hashes[i]) continue;
            if (diff != c.hashes.size() || o.hashes[i] == kWildHash || c.hashes[i] == kWildHash || c.keyed[i])
                one = false;
            diff = i;
        }
        if (one && diff < c.hashes.size()) ++countAt[diff];
    }
    for (std::size_t i = 0; i < countAt.size(); ++i) {
        if (countAt[i] + 1 < need) continue;
        Cluster& g = clusters_[fresh];
        g.hashes[i] = kWildHash;
        g.tokens[i] = std::string(kWildcard);
        g.proven[i] = true;
        --g.constants;
        mergeCovered(fresh);
        return true;
    }
    return false;
}

void LogTemplateMiner::remember(std::uint64_t from, std::uint64_t to) {
    if (cfg_.maxAliases == 0) return;
    if (aliases_.emplace(from, to).second) aliasOrder_.push_back(from);
    while (aliases_.size() > cfg_.maxAliases) {
        aliases_.erase(aliasOrder_.front());
        aliasOrder_.pop_front();
    }
}

std::uint64_t LogTemplateMiner::resolve(std::uint64_t id) const {
    // Chains are short (one hop per merge); the bound guards against a cycle made
    // possible by a forgotten alias and a later id clash.
    for (std::size_t hops = 0; hops < 64; ++hops) {
        auto it = aliases_.find(id);
        if (it == aliases_.end()) break;
        id = it->second;
    }
    return id;
}

void LogTemplateMiner::unlink(std::uint32_t i) {
    Cluster& c = clusters_[i];
    if (c.prev != kNone) clusters_[c.prev].next = c.next;
    else lruHead_ = c.next;
    if (c.next != kNone) clusters_[c.next].prev = c.prev;
    else lruTail_ = c.prev;
    c.prev = c.next = kNone;
}

void LogTemplateMiner::touch(std::uint32_t i) {
    if (lruHead_ == i) return;
    if (clusters_[i].prev != kNone || clusters_[i].next != kNone || lruTail_ == i) unlink(i);
    clusters_[i].next = lruHead_;
    if (lruHead_ != kNone) clusters_[lruHead_].prev = i;
    lruHead_ = i;
    if (lruTail_ == kNone) lruTail_ = i;
}

void LogTemplateMiner::removeCluster(std::uint32_t i) {
    Cluster& c = clusters_[i];
    unlink(i);
    auto& list = nodes_[c.leaf].clusters;
    list.erase(std::find(list.begin(), list.end(), i));
    idIndex_.erase(c.id);
    pruneLeaf(c.leaf);
    c.live = false;
    c.tokens.clear();
    c.hashes.clear();
    c.keyed.clear();
    c.proven.clear();
    freeClusters_.push_back(i);
}

void LogTemplateMiner::pruneLeaf(std::uint32_t n) {
    while (n != 0 && nodes_[n].clusters.empty() && nodes_[n].children.empty()) {
        std::uint32_t parent = nodes_[n].parent;
        auto& kids = nodes_[parent].children;
        kids.erase(std::find_if(kids.begin(), kids.end(), [n](const auto& kv) { return kv.second == n; }));
        freeNodes_.push_back(n);
        n = parent;
    }
}

std::uint32_t LogTemplateMiner::newCluster(std::uint32_t leaf) {
    std::uint32_t i;
    if (!freeClusters_.empty()) {
        i = freeClusters_.back();
        freeClusters_.pop_back();
    } else {
        i = static_cast<std::uint32_t>(clusters_.size());
        clusters_.emplace_back();
    }
    Cluster& c = clusters_[i];
    c = Cluster{};
    const auto& toks = tok_.tokens();
    std::string text;
    c.hashes.reserve(toks.size());
    c.keyed.reserve(toks.size());
    c.proven.assign(toks.size(), false);
    c.tokens.reserve(toks.size());
    for (const MaskedToken& t : toks) {
        std::string_view s = tok_.text(t);
        c.hashes.push_back(t.variable ? kWildHash : t.hash);
        c.tokens.emplace_back(s);
        c.keyed.push_back(t.keyed);
        if (!t.variable) ++c.constants;
        if (!text.empty()) text.push_back(' ');
        text.append(s);
    }
    std::uint64_t id = fnv1a(text);
    for (std::uint64_t k = 1; idIndex_.count(id) || aliases_.count(id); ++k) id = fnv1a(text, id + k);
    c.id = id;
    c.leaf = leaf;
    c.live = true;
    nodes_[leaf].clusters.push_back(i);
    idIndex_.emplace(id, i);
    touch(i);
    return i;
}

LogMatch LogTemplateMiner::add(std::string_view message) {
    tok_.tokenize(message, cfg_.maxTokens);
    LogMatch m;
    std::uint32_t best = kNone;
    std::uint32_t leaf = findLeaf(false);
    if (leaf != kNone) {
        double bestSim = -2.0;
        for (std::uint32_t ci : nodes_[leaf].clusters) {
            const Cluster& c = clusters_[ci];
            double s = similarity(c);
            if (s > bestSim || (s == bestSim && c.constants > clusters_[best].constants)) {
                bestSim = s;
                best = ci;
            }
        }
        if (bestSim < cfg_.similarity) best = kNone;
    }
    if (best == kNone) {
        best = newCluster(findLeaf(true));
        m.created = true;
        m.generalised = mergeOneWordSiblings(best);
        while (idIndex_.size() > cfg_.maxClusters) {
            removeCluster(lruTail_);
            ++evictions_;
        }
    } else if (generalise(clusters_[best])) {
        m.generalised = true;
        mergeCovered(best);
    }
    Cluster& c = clusters_[best];
    ++c.count;
    touch(best);
    m.id = c.id;
    return m;
}

std::string LogTemplateMiner::templateText(std::uint64_t id) const {
    auto it = idIndex_.find(resolve(id));
    if (it == idIndex_.end()) return {};
    std::string out;
    for (const std::string& t : clusters_[it->second].tokens) {
        if (!out.empty()) out.push_back(' ');
        out.append(t);
    }
    return out;
}

std::uint64_t LogTemplateMiner::matchCount(std::uint64_t id) const {
    auto it = idIndex_.find(resolve(id));
    return it == idIndex_.end() ? 0 : clusters_[it->second].count;
}

}  // namespace vigil::logs
