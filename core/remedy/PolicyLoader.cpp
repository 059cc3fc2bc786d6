#include "remedy/PolicyLoader.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

namespace vigil::remedy {

namespace {

constexpr std::array<const char*, 6> kActionKinds{"failover_rpc", "retry_tx", "scale_workers",
                                                  "rollback_workflow", "transfer", "notify"};

// Thrown inside the loader only; parsePolicy turns it into the error line.
struct LoadError {
    int line;
    std::string key;
    std::string reason;
};

int lineOf(const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    return m.line >= 0 ? m.line + 1 : 0;
}

[[noreturn]] void fail(const YAML::Node& at, const std::string& key, const std::string& reason) {
    throw LoadError{lineOf(at), key, reason};
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

const char* typeName(const YAML::Node& n) {
    switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Null: return "empty";
    default: return "undefined";
    }
}

// A mapping whose keys are all in `allowed`, each at most once. The YAML
// library keeps the last of two equal keys; a repeated limit would then depend
// on its position, so repetition is an error too.
void checkMap(const YAML::Node& n, const std::string& path, std::initializer_list<std::string_view> allowed) {
    if (!n.IsMap()) fail(n, path, std::string("expected a mapping, found ") + typeName(n));
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = it->first.Scalar();
        bool known = false;
        for (auto a : allowed) known = known || a == key;
        if (!known) {
            std::string valid;
            for (auto a : allowed) valid += (valid.empty() ? "" : ", ") + std::string(a);
            fail(it->first, join(path, key), "unknown key (valid here: " + valid + ")");
        }
        if (!seen.insert(key).second) fail(it->first, join(path, key), "repeated key");
    }
}

std::string scalar(const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar()) fail(n, key, std::string("expected a value, found ") + typeName(n));
    return n.Scalar();
}

bool boolean(const YAML::Node& n, const std::string& key) {
    const std::string s = scalar(n, key);
    if (s == "true") return true;
    if (s == "false") return false;
    fail(n, key, "'" + s + "' is not true or false");
}

long long integer(const YAML::Node& n, const std::string& key, long long lo, long long hi) {
    const std::string s = scalar(n, key);
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) fail(n, key, "'" + s + "' is not a whole number");
    if (v < lo || v > hi) fail(n, key, std::to_string(v) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return v;
}

double number(const YAML::Node& n, const std::string& key, double lo, double hi) {
    const std::string s = scalar(n, key);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) fail(n, key, "'" + s + "' is not a number");
    if (!(v >= lo && v <= hi)) fail(n, key, s + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return v;
}

TimestampMs duration(const YAML::Node& n, const std::string& key, TimestampMs minMs, TimestampMs maxMs) {
    const std::string s = scalar(n, key);
    TimestampMs v = 0;
    if (!parseDuration(s, v)) fail(n, key, "'" + s + "' is not a duration (e.g. 90s, 15m, 2h)");
    if (v < minMs || v > maxMs) fail(n, key, "'" + s + "' is out of range");
    return v;
}

Wei eth(const YAML::Node& n, const std::string& key) {
    Wei v = 0;
    std::string why;
    if (!parseEth(scalar(n, key), v, why)) fail(n, key, why);
    return v;
}

// A value or a list of values (kind: rpc-outage / kind: [a, b]).
std::vector<std::string> oneOrMany(const YAML::Node& n, const std::string& key) {
    std::vector<std::string> out;
    if (n.IsSequence()) {
        for (std::size_t i = 0; i < n.size(); ++i) out.push_back(scalar(n[i], key + "[" + std::to_string(i) + "]"));
        if (out.empty()) fail(n, key, "empty list (leave the key out to match anything)");
    } else {
        out.push_back(scalar(n, key));
    }
    return out;
}

std::map<std::string, std::string> stringMap(const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) fail(n, key, std::string("expected a mapping, found ") + typeName(n));
    std::map<std::string, std::string> out;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string k = it->first.Scalar();
        if (!out.emplace(k, scalar(it->second, join(key, k))).second) fail(it->first, join(key, k), "repeated key");
    }
    return out;
}

const YAML::Node required(const YAML::Node& map, const char* key, const std::string& path) {
    const YAML::Node v = map[key];
    if (!v) fail(map, join(path, key), "missing (required)");
    return v;
}

BudgetLimit budgetLimit(const YAML::Node& n, const std::string& path, bool withTarget) {
    if (withTarget) checkMap(n, path, {"target", "max_actions", "window"});
    else checkMap(n, path, {"max_actions", "window", "targets"});
    BudgetLimit b;
    if (withTarget) b.target = scalar(required(n, "target", path), join(path, "target"));
    b.maxActions = static_cast<int>(integer(required(n, "max_actions", path), join(path, "max_actions"), 0, 1000));
    b.windowMs = duration(required(n, "window", path), join(path, "window"), 1'000, 7 * 24 * 3'600'000LL);
    return b;
}

ActionChoice actionChoice(const YAML::Node& n, const std::string& path, bool allowAlternatives) {
    if (allowAlternatives) checkMap(n, path, {"action", "risk", "params", "alternatives"});
    else checkMap(n, path, {"action", "risk", "params"});
    ActionChoice a;
    a.line = lineOf(n);
    const YAML::Node kind = required(n, "action", path);
    a.kind = scalar(kind, join(path, "action"));
    if (!isKnownActionKind(a.kind)) fail(kind, join(path, "action"), "unknown action '" + a.kind + "' (valid: " + knownActionKinds() + ")");
    const YAML::Node risk = required(n, "risk", path);
    const std::string r = scalar(risk, join(path, "risk"));
    if (!fromString(r, a.risk)) fail(risk, join(path, "risk"), "'" + r + "' is not one of auto, approve, forbidden");
    if (const YAML::Node p = n["params"]) a.params = stringMap(p, join(path, "params"));
    return a;
}

PlaybookStep playbookStep(const YAML::Node& n, const std::string& path) {
    PlaybookStep s;
    s.action = actionChoice(n, path, true);
    if (const YAML::Node alts = n["alternatives"]) {
        const std::string ap = join(path, "alternatives");
        if (!alts.IsSequence() || alts.size() == 0) fail(alts, ap, "expected a non-empty list of actions");
        for (std::size_t i = 0; i < alts.size(); ++i)
            s.alternatives.push_back(actionChoice(alts[i], ap + "[" + std::to_string(i) + "]", false));
    }
    return s;
}

RuleMatch ruleMatch(const YAML::Node& n, const std::string& path) {
    checkMap(n, path, {"kind", "detector", "cause", "severity", "labels", "breach_within"});
    RuleMatch m;
    if (const YAML::Node k = n["kind"]) m.kinds = oneOrMany(k, join(path, "kind"));
    if (const YAML::Node d = n["detector"]) m.detectors = oneOrMany(d, join(path, "detector"));
    if (const YAML::Node c = n["cause"]) m.cause = scalar(c, join(path, "cause"));
    if (const YAML::Node s = n["severity"]) {
        const std::string v = scalar(s, join(path, "severity"));
        if (!fromString(v, m.minSeverity)) fail(s, join(path, "severity"), "'" + v + "' is not one of info, warning, critical");
    }
    if (const YAML::Node l = n["labels"]) m.labels = stringMap(l, join(path, "labels"));
    if (const YAML::Node b = n["breach_within"]) m.breachWithinMs = duration(b, join(path, "breach_within"), 1'000, 24 * 3'600'000LL);
    return m;
}

PolicyRule rule(const YAML::Node& n, const std::string& path) {
    checkMap(n, path, {"name", "match", "playbook", "cooldown"});
    PolicyRule r;
    r.line = lineOf(n);
    r.name = scalar(required(n, "name", path), join(path, "name"));
    if (r.name.empty()) fail(n, join(path, "name"), "empty");
    r.match = ruleMatch(required(n, "match", path), join(path, "match"));
    const YAML::Node pb = required(n, "playbook", path);
    const std::string pp = join(path, "playbook");
    if (!pb.IsSequence() || pb.size() == 0) fail(pb, pp, "expected a non-empty list of actions");
    for (std::size_t i = 0; i < pb.size(); ++i) r.playbook.push_back(playbookStep(pb[i], pp + "[" + std::to_string(i) + "]"));
    if (const YAML::Node c = n["cooldown"]) r.cooldownMs = duration(c, join(path, "cooldown"), 0, 24 * 3'600'000LL);
    return r;
}

void loadRoot(const YAML::Node& root, Policy& p) {
    if (!root.IsDefined() || root.IsNull()) throw LoadError{1, "policy", "empty file"};
    checkMap(root, "", {"version", "dry_run", "kill_switch", "approval_limit", "two_person_limit", "approval_expiry",
                        "cooldown", "budget", "fees", "notify", "rules"});
    integer(required(root, "version", ""), "version", 1, 1);
    if (const YAML::Node n = root["dry_run"]) p.dryRun = boolean(n, "dry_run");
    if (const YAML::Node n = root["kill_switch"]) p.killSwitch = boolean(n, "kill_switch");
    const YAML::Node approval = required(root, "approval_limit", "");
    p.approvalLimit = eth(approval, "approval_limit");
    if (p.approvalLimit == 0) fail(approval, "approval_limit", "must be above 0 (0 would mean every action needs a person)");
    const YAML::Node two = required(root, "two_person_limit", "");
    p.twoPersonLimit = eth(two, "two_person_limit");
    if (p.twoPersonLimit < p.approvalLimit)
        fail(two, "two_person_limit", formatEth(p.twoPersonLimit) + " is below approval_limit " + formatEth(p.approvalLimit));
    if (const YAML::Node n = root["approval_expiry"]) p.approvalExpiryMs = duration(n, "approval_expiry", 60'000, 24 * 3'600'000LL);
    if (const YAML::Node n = root["cooldown"]) p.cooldownMs = duration(n, "cooldown", 0, 24 * 3'600'000LL);
    if (const YAML::Node b = root["budget"]) {
        p.budget = budgetLimit(b, "budget", false);
        if (const YAML::Node t = b["targets"]) {
            if (!t.IsSequence()) fail(t, "budget.targets", std::string("expected a list, found ") + typeName(t));
            for (std::size_t i = 0; i < t.size(); ++i)
                p.budgetOverrides.push_back(budgetLimit(t[i], "budget.targets[" + std::to_string(i) + "]", true));
        }
    }
    if (const YAML::Node f = root["fees"]) {
        checkMap(f, "fees", {"max_fee_gwei", "min_bump_percent"});
        if (const YAML::Node n = f["max_fee_gwei"]) p.maxFeeGwei = number(n, "fees.max_fee_gwei", 0.001, 1e6);
        if (const YAML::Node n = f["min_bump_percent"]) p.minFeeBumpPercent = static_cast<int>(integer(n, "fees.min_bump_percent", 10, 1000));
    }
    if (const YAML::Node n = root["notify"]) {
        checkMap(n, "notify", {"webhook", "ca_file"});
        if (const YAML::Node w = n["webhook"]; w && !w.IsNull()) p.notifyWebhook = scalar(w, "notify.webhook");
        if (const YAML::Node c = n["ca_file"]; c && !c.IsNull()) {
            p.notifyCaFile = scalar(c, "notify.ca_file");
            if (!p.notifyCaFile.empty() && p.notifyWebhook.rfind("https://", 0) != 0)
                fail(c, "notify.ca_file", "set, but notify.webhook is not an https:// URL");
        }
        if (!p.notifyWebhook.empty() && p.notifyWebhook.rfind("http://", 0) != 0 && p.notifyWebhook.rfind("https://", 0) != 0)
            fail(n["webhook"], "notify.webhook", "'" + p.notifyWebhook + "' is not an http:// or https:// URL");
    }
    const YAML::Node rules = required(root, "rules", "");
    if (!rules.IsSequence()) fail(rules, "rules", std::string("expected a list, found ") + typeName(rules));
    std::set<std::string> names;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string path = "rules[" + std::to_string(i) + "]";
        p.rules.push_back(rule(rules[i], path));
        if (!names.insert(p.rules.back().name).second)
            fail(rules[i]["name"], join(path, "name"), "rule name '" + p.rules.back().name + "' is used twice");
    }
}

}  // namespace

bool parseDuration(std::string_view s, TimestampMs& out) {
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9) return false;
    long long v = 0;
    std::from_chars(s.data(), s.data() + digits, v);
    const std::string_view unit = s.substr(digits);
    long long scale = 0;
    if (unit == "ms") scale = 1;
    else if (unit == "s") scale = 1'000;
    else if (unit == "m") scale = 60'000;
    else if (unit == "h") scale = 3'600'000;
    else return false;
    out = v * scale;
    return true;
}

bool isKnownActionKind(std::string_view kind) {
    for (const char* k : kActionKinds)
        if (kind == k) return true;
    return false;
}

std::string knownActionKinds() {
    std::string s;
    for (const char* k : kActionKinds) s += (s.empty() ? "" : ", ") + std::string(k);
    return s;
}

bool parsePolicy(std::string_view text, const std::string& source, Policy& out, std::string& error) {
    Policy p;
    p.source = source;
    try {
        loadRoot(YAML::Load(std::string(text)), p);
    } catch (const LoadError& e) {
        error = source + ":" + std::to_string(e.line) + ": " + e.key + ": " + e.reason;
        return false;
    } catch (const YAML::Exception& e) {
        // Syntax errors: the library's mark is the place, its message the reason.
        error = source + ":" + std::to_string(e.mark.line >= 0 ? e.mark.line + 1 : 0) + ": yaml: " + e.msg;
        return false;
    }
    out = std::move(p);
    return true;
}

bool loadPolicyFile(const std::string& path, Policy& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ":0: policy: cannot read the file";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parsePolicy(text.str(), path, out, error);
}

}  // namespace vigil::remedy
