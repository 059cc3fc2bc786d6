// Online log template miner (Drain-style, with generic masking and merging).
//
// Each message is tokenized and masked (detect/logs/LogTokenizer.h), then routed
// through a fixed-depth prefix tree: first by token count, then by its first
// `routeTokens` tokens (never the last one; parameters, and constants beyond
// `maxChildren` distinct values, share a "<*>" branch). The leaf holds a few clusters;
// the message joins the best one if its share of matching words reaches `similarity`
// (a template position that is already "<*>" gives half credit to a word and full
// credit to a parameter), and never when a "key=word" token differs ("user=root" vs
// "user=guest"). With `oneWordJoins` (off by default: chosen off by leave-one-system-
// out, see docs/detection.md) one differing word also joins when at least half of the
// words are shared.
// Joining turns differing positions into "<*>". Otherwise the message starts a new
// cluster; when it and `distinctWordsMakeParameter` - 1 siblings of its leaf differ
// only in one position, each with its own word, that position becomes "<*>" and they
// merge (Brain's variable positions). When a template generalises, clusters of the
// same leaf that it now covers are merged into it; their ids become aliases that
// resolve() follows.
//
// Memory is bounded: at most `maxClusters` live clusters (least recently matched is
// evicted first), at most `maxTokens` tokens per message (the rest is one
// parameter), at most `maxAliases` remembered merges (oldest forgotten first); tree
// nodes left empty by eviction are freed.
//
// Ids are deterministic: FNV-1a of the cluster's first template text (re-hashed with
// a counter only on a clash with a live or aliased id), so the same input order gives
// the same ids on every run and machine, and a template evicted and seen again gets
// its old id back. Token equality compares 64-bit FNV-1a hashes.
#pragma once

#include "detect/logs/LogTokenizer.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::logs {

struct LogMinerConfig {
    double similarity = 0.8;
    std::size_t routeTokens = 2;
    // A differing "key=word" value never joins ("user=root" vs "user=guest").
    bool keyedValues = true;
    // One differing word joins when at least half of the words are shared, whatever
    // `similarity` says (short messages: "removing <service>").
    bool oneWordJoins = false;
    // A token with a masked part ("blk_<*>", "core.<*>") routes like a parameter
    // (Drain routes every token with a digit to its "<*>" branch).
    bool routeMasked = false;
    // Brain's idea of a variable position: when this many templates of a leaf are equal
    // but for one position holding a different word in each ("Invalid user admin",
    // "… user oracle", "… user test"), that position is a parameter and they merge.
    // 0: never. A position proven so gives a word full credit in matching.
    std::size_t distinctWordsMakeParameter = 6;
    MaskOptions mask{.dottedNames = true};
    std::size_t maxChildren = 64;
    std::size_t maxClusters = 20000;
    std::size_t maxTokens = 128;
    std::size_t maxAliases = 80000;
};

struct LogMatch {
    std::uint64_t id = 0;
    bool created = false;      // this message started a new template
    bool generalised = false;  // this message turned some template token into "<*>"
};

class LogTemplateMiner {
public:
    explicit LogTemplateMiner(LogMinerConfig cfg = {});

    LogMatch add(std::string_view message);

    // Id of the live template that `id` became (merges), or `id` itself.
    std::uint64_t resolve(std::uint64_t id) const;
    // Template text ("<*>" for parameters), empty when unknown or evicted.
    std::string templateText(std::uint64_t id) const;
    std::uint64_t matchCount(std::uint64_t id) const;

    std::size_t size() const { return idIndex_.size(); }
    std::uint64_t evictions() const { return evictions_; }
    std::uint64_t merges() const { return merges_; }
    const LogMinerConfig& config() const { return cfg_; }

    static std::string idText(std::uint64_t id);  // 16 hex digits

private:
    struct Node {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> children;  // key -> node
        std::vector<std::uint32_t> clusters;
        std::uint32_t parent = 0;
        std::uint64_t key = 0;
        std::size_t depth = 0;
    };
    struct Cluster {
        std::uint64_t id = 0;
        std::vector<std::uint64_t> hashes;  // per position; kWildHash for "<*>"
        std::vector<std::string> tokens;
        std::vector<bool> keyed;   // per position: must match exactly unless "<*>"
        std::vector<bool> proven;  // per position: "<*>" because many words were seen there
        std::size_t constants = 0;
        std::uint64_t count = 0;
        std::uint32_t leaf = 0;
        std::uint32_t prev = kNone, next = kNone;  // LRU list, most recent at head
        bool live = false;
    };
    static constexpr std::uint32_t kNone = 0xffffffffu;

    std::uint32_t findLeaf(bool create);
    std::uint32_t child(std::uint32_t node, std::uint64_t key, bool create);
    double similarity(const Cluster& c) const;
    std::uint32_t newCluster(std::uint32_t leaf);
    bool generalise(Cluster& c);
    void mergeCovered(std::uint32_t into);
    bool mergeOneWordSiblings(std::uint32_t fresh);
    bool covers(const Cluster& general, const Cluster& specific) const;
    void removeCluster(std::uint32_t index);
    void pruneLeaf(std::uint32_t leaf);
    void touch(std::uint32_t index);
    void unlink(std::uint32_t index);
    void remember(std::uint64_t from, std::uint64_t to);

    LogMinerConfig cfg_;
    LogTokenizer tok_;
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> freeNodes_;
    std::vector<Cluster> clusters_;
    std::vector<std::uint32_t> freeClusters_;
    std::unordered_map<std::uint64_t, std::uint32_t> idIndex_;
    std::unordered_map<std::uint64_t, std::uint64_t> aliases_;
    std::deque<std::uint64_t> aliasOrder_;
    std::uint32_t lruHead_ = kNone, lruTail_ = kNone;
    std::uint64_t evictions_ = 0;
    std::uint64_t merges_ = 0;
};

}  // namespace vigil::logs
