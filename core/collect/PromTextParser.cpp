#include "collect/PromTextParser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace vigil::collect {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool nameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool nameChar(char c) { return nameStart(c) || (c >= '0' && c <= '9'); }
bool labelStart(char c) { return nameStart(c) && c != ':'; }
bool labelChar(char c) { return nameChar(c) && c != ':'; }

// A cursor over one line; every read returns false with `why` set on bad input.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    std::string why;

    bool end() const { return i >= s.size(); }
    char peek() const { return end() ? '\0' : s[i]; }
    void skipBlanks() {
        while (!end() && isBlank(s[i])) ++i;
    }
    std::string_view token() {
        const std::size_t b = i;
        while (!end() && !isBlank(s[i])) ++i;
        return s.substr(b, i - b);
    }
    bool name(std::string& out, bool label) {
        const std::size_t b = i;
        if (end() || !(label ? labelStart(s[i]) : nameStart(s[i]))) {
            why = std::string(label ? "label name" : "metric name") + " expected at column " + std::to_string(i + 1);
            return false;
        }
        while (!end() && (label ? labelChar(s[i]) : nameChar(s[i]))) ++i;
        out.assign(s.substr(b, i - b));
        return true;
    }
    bool quoted(std::string& out) {
        if (peek() != '"') {
            why = "label value must be a quoted string at column " + std::to_string(i + 1);
            return false;
        }
        ++i;
        out.clear();
        while (!end()) {
            const char c = s[i++];
            if (c == '"') return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (end()) break;
            const char e = s[i++];
            if (e == '\\' || e == '"') out += e;
            else if (e == 'n') out += '\n';
            else {
                why = std::string("invalid escape \\") + e + " in label value";
                return false;
            }
        }
        why = "label value not closed";
        return false;
    }
};

std::optional<double> parseValue(std::string_view t) {
    if (t.empty()) return std::nullopt;
    // Go's ParseFloat spellings Prometheus writes: NaN, +Inf, -Inf, Inf; from_chars takes no '+'.
    if (t == "NaN" || t == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (t == "+Inf" || t == "Inf" || t == "+inf" || t == "inf") return std::numeric_limits<double>::infinity();
    if (t == "-Inf" || t == "-inf") return -std::numeric_limits<double>::infinity();
    std::string_view body = t.front() == '+' ? t.substr(1) : t;
    if (body.empty() || (body.front() == '-' && t.front() == '+')) return std::nullopt;
    double v = 0;
    const auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec != std::errc() || p != body.data() + body.size() || std::isnan(v) || std::isinf(v)) return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseTimestamp(std::string_view t) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool parseType(std::string_view t, PromType& out) {
    if (t == "counter") out = PromType::Counter;
    else if (t == "gauge") out = PromType::Gauge;
    else if (t == "histogram") out = PromType::Histogram;
    else if (t == "summary") out = PromType::Summary;
    else if (t == "untyped") out = PromType::Untyped;
    else return false;
    return true;
}

class Parser {
public:
    Parser(PromParseResult& r, const PromParseLimits& l) : r_(r), limits_(l) {}

    void line(std::string_view s, std::size_t n) {
        if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
        if (s.size() > limits_.maxLineBytes)
            return error(n, "line is " + std::to_string(s.size()) + " bytes, over the " +
                                std::to_string(limits_.maxLineBytes) + "-byte limit");
        Cursor c;
        c.s = s;
        c.skipBlanks();
        if (c.end()) return;
        if (c.peek() == '#') return comment(c, n);
        sample(c, n);
    }

private:
    void error(std::size_t n, std::string why) {
        if (r_.errors.size() < limits_.maxErrors) r_.errors.push_back({n, std::move(why)});
        ++r_.errorCount;
    }

    void comment(Cursor& c, std::size_t n) {
        ++c.i;
        c.skipBlanks();
        const std::string_view kw = c.token();
        if (kw != "HELP" && kw != "TYPE") return;  // any other comment is ignored
        c.skipBlanks();
        std::string name;
        if (!c.name(name, false)) return error(n, kw == "HELP" ? "HELP without a metric name" : "TYPE without a metric name");
        c.skipBlanks();
        if (kw == "HELP") {
            std::string text;
            for (; !c.end(); ++c.i) {
                if (c.s[c.i] == '\\' && c.i + 1 < c.s.size() && (c.s[c.i + 1] == '\\' || c.s[c.i + 1] == 'n')) {
                    text += c.s[++c.i] == 'n' ? '\n' : '\\';
                } else {
                    text += c.s[c.i];
                }
            }
            if (!r_.help.emplace(name, std::move(text)).second) error(n, "second HELP for " + name);
            return;
        }
        const std::string_view rest = c.s.substr(c.i);
        const std::string_view typeText = c.token();
        c.skipBlanks();
        PromType type;
        if (!parseType(typeText, type) || !c.end())
            return error(n, "TYPE of " + name + " is '" + std::string(rest) +
                                "', not one of counter, gauge, histogram, summary, untyped");
        for (const char* suffix : {"", "_bucket", "_sum", "_count"})
            if (seen_.count(name + suffix)) return error(n, "TYPE of " + name + " after its samples");
        if (!r_.types.emplace(name, type).second) return error(n, "second TYPE for " + name);
    }

    void sample(Cursor& c, std::size_t n) {
        PromSample s;
        s.line = n;
        if (!c.name(s.name, false)) return error(n, c.why);
        c.skipBlanks();
        if (c.peek() == '{') {
            ++c.i;
            c.skipBlanks();
            while (c.peek() != '}') {
                std::string label, value;
                if (!c.name(label, true)) return error(n, c.why);
                c.skipBlanks();
                if (c.peek() != '=') return error(n, "'=' expected after label " + label);
                ++c.i;
                c.skipBlanks();
                if (!c.quoted(value)) return error(n, c.why + " (label " + label + ")");
                for (const auto& [k, v] : s.labels)
                    if (k == label) return error(n, "label " + label + " given twice");
                s.labels.emplace_back(std::move(label), std::move(value));
                c.skipBlanks();
                if (c.peek() == ',') {
                    ++c.i;
                    c.skipBlanks();
                } else if (c.peek() != '}') {
                    return error(n, c.end() ? "label set not closed with '}'" : "',' or '}' expected after a label value");
                }
            }
            ++c.i;
            c.skipBlanks();
        }
        const std::string_view valueText = c.token();
        if (valueText.empty()) return error(n, "sample " + s.name + " has no value");
        const auto value = parseValue(valueText);
        if (!value) return error(n, "value '" + std::string(valueText) + "' of " + s.name + " is not a number");
        s.value = *value;
        c.skipBlanks();
        if (!c.end()) {
            const std::string_view tsText = c.token();
            const auto ts = parseTimestamp(tsText);
            if (!ts) return error(n, "timestamp '" + std::string(tsText) + "' of " + s.name + " is not an integer (ms)");
            s.timestampMs = ts;
            c.skipBlanks();
            if (!c.end()) return error(n, "text after the timestamp of " + s.name);
        }
        if (std::string why = typeCheck(s); !why.empty()) return error(n, why);
        seen_.emplace(promFamilyOf(s.name, r_.types));  // a string_view: emplace copies it
        if (r_.samples.size() >= limits_.maxSamples) {
            ++r_.samplesDropped;
            return;
        }
        r_.samples.push_back(std::move(s));
    }

    // The labels a histogram's or summary's samples need.
    std::string typeCheck(const PromSample& s) const {
        const std::string_view family = promFamilyOf(s.name, r_.types);
        const auto it = r_.types.find(std::string(family));
        if (it == r_.types.end()) return {};
        auto has = [&](std::string_view l) {
            return std::any_of(s.labels.begin(), s.labels.end(), [&](const auto& kv) { return kv.first == l; });
        };
        if (it->second == PromType::Histogram) {
            if (s.name == family) return "histogram " + std::string(family) + " sample without _bucket, _sum or _count";
            if (endsWith(s.name, "_bucket") && !has("le")) return "histogram bucket " + s.name + " without an le label";
        }
        if (it->second == PromType::Summary && s.name == family && !has("quantile"))
            return "summary " + s.name + " sample without a quantile label";
        return {};
    }

    PromParseResult& r_;
    const PromParseLimits& limits_;
    std::unordered_set<std::string> seen_;  // families (or bare names) that had samples
};

void appendEscaped(std::string& out, std::string_view v) {
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else out += c;
    }
}

}  // namespace

std::string_view promTypeName(PromType t) {
    switch (t) {
    case PromType::Counter: return "counter";
    case PromType::Gauge: return "gauge";
    case PromType::Histogram: return "histogram";
    case PromType::Summary: return "summary";
    case PromType::Untyped: break;
    }
    return "untyped";
}

std::string_view promFamilyOf(std::string_view name, const std::unordered_map<std::string, PromType>& types) {
    auto typed = [&](std::string_view f, bool histogramOnly) {
        const auto it = types.find(std::string(f));
        return it != types.end() &&
               (it->second == PromType::Histogram || (!histogramOnly && it->second == PromType::Summary));
    };
    for (const auto& [suffix, histogramOnly] : {std::pair<std::string_view, bool>{"_bucket", true},
                                                {"_sum", false},
                                                {"_count", false}}) {
        if (endsWith(name, suffix)) {
            const std::string_view f = name.substr(0, name.size() - suffix.size());
            if (typed(f, histogramOnly)) return f;
        }
    }
    return name;
}

std::string promSeriesKey(const PromSample& s) {
    std::string out = s.name;
    if (s.labels.empty()) return out;
    std::vector<const std::pair<std::string, std::string>*> sorted;
    for (const auto& kv : s.labels) sorted.push_back(&kv);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    out += '{';
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i) out += ',';
        out += sorted[i]->first;
        out += "=\"";
        appendEscaped(out, sorted[i]->second);
        out += '"';
    }
    out += '}';
    return out;
}

PromParseResult parsePromText(std::string_view text, const PromParseLimits& limits) {
    PromParseResult r;
    Parser p(r, limits);
    std::size_t n = 0, at = 0;
    while (at < text.size()) {
        const std::size_t nl = text.find('\n', at);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        p.line(text.substr(at, end - at), ++n);
        at = end + 1;
    }
    return r;
}

}  // namespace vigil::collect
