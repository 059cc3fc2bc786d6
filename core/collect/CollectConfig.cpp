#include "collect/CollectConfig.h"

#include "collect/LogFollower.h"
#include "collect/PromQuery.h"
#include "collect/PrometheusScraper.h"
#include "collect/RpcProber.h"
#include "net/HttpClient.h"

#include <boost/asio/ip/address.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace vigil::collect {

namespace fs = std::filesystem;

namespace {

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

class Loader {
public:
    Loader(std::vector<ConfigError>& errors, std::string baseDir) : f_(errors), base_(std::move(baseDir)) {}

    void root(const YAML::Node& doc, CollectConfig& c) {
        if (!doc || doc.IsNull()) {
            f_.error(doc, "", "the file is empty");
            return;
        }
        if (!f_.map(doc, "", {"ingest", "metrics", "rpc", "scrape", "prometheus_queries", "logs"})) return;
        if (doc["ingest"]) ingest(doc["ingest"], c);
        if (doc["metrics"]) metrics(doc["metrics"], c);
        if (doc["rpc"]) rpc(doc["rpc"], c.rpc);
        if (doc["scrape"]) scrape(doc["scrape"], c.scrape);
        if (doc["prometheus_queries"]) queries(doc["prometheus_queries"], c.queries);
        if (doc["logs"]) logs(doc["logs"], c.logs);
        if (!c.hasSources()) f_.error(doc, "", "no source configured (ingest, rpc, scrape, prometheus_queries or logs)");
    }

private:
    // Sets `out` only when the key is present and valid (absent keeps the default).
    template <class T>
    void intField(const YAML::Node& n, const std::string& path, const char* name, T& out, std::int64_t min, std::int64_t max,
                  bool required = false) {
        std::int64_t v = 0;
        if (n[name] && f_.integer(n, path, name, v, min, max, required)) out = static_cast<T>(v);
        else if (!n[name] && required) f_.integer(n, path, name, v, min, max, true);
    }

    std::string resolve(const std::string& p) const {
        return fs::path(p).is_absolute() || base_.empty() ? p : (fs::path(base_) / p).lexically_normal().string();
    }

    bool url(const YAML::Node& parent, const std::string& path, std::string& out) {
        if (!f_.text(parent, path, "url", out, true)) return false;
        std::string why;
        if (!net::HttpTarget::parse(out, why)) {
            f_.error(parent["url"], path + ".url", why);
            return false;
        }
        return true;
    }

    void uniqueName(std::set<std::string>& seen, const YAML::Node& item, const std::string& path, const std::string& name) {
        if (!name.empty() && !seen.insert(name).second) f_.error(item["name"], path + ".name", "'" + name + "' is used twice");
    }

    void address(const YAML::Node& n, const std::string& path, std::string& out) {
        if (!f_.text(n, path, "address", out)) return;
        boost::system::error_code ec;
        boost::asio::ip::make_address(out, ec);
        if (ec) f_.error(n["address"], path + ".address", "'" + out + "' is not an IP address");
    }

    void ingest(const YAML::Node& n, CollectConfig& c) {
        const std::string p = "ingest";
        if (!f_.map(n, p, {"address", "http_port", "tcp_port", "token_files", "limits"})) return;
        IngestOptions o;
        address(n, p, o.address);
        intField(n, p, "http_port", o.httpPort, 0, 65535);
        intField(n, p, "tcp_port", o.tcpPort, 0, 65535);
        if (!n["http_port"] && !n["tcp_port"]) f_.error(n, p, "needs http_port, tcp_port or both");
        std::vector<std::string> files;
        if (!n["token_files"]) {
            f_.error(n, p + ".token_files", isLoopbackAddress(o.address) ? "is required: every listener needs a token"
                                                                          : "is required: " + o.address + " is not loopback");
        } else if (f_.textList(n, p, "token_files", files)) {
            if (files.empty()) f_.error(n["token_files"], p + ".token_files", "lists no file");
            for (std::size_t i = 0; i < files.size(); ++i) tokens(n["token_files"][i], at(p + ".token_files", i), files[i], o.tokens);
        }
        if (const YAML::Node l = n["limits"]) {
            const std::string lp = p + ".limits";
            if (f_.map(l, lp, {"max_line_bytes", "max_body_bytes", "max_connections", "idle_timeout", "max_batch_records"})) {
                intField(l, lp, "max_line_bytes", o.limits.maxLineBytes, 256, std::int64_t(1) << 30);
                intField(l, lp, "max_body_bytes", o.limits.maxBodyBytes, 256, std::int64_t(1) << 31);
                intField(l, lp, "max_connections", o.limits.maxConnections, 1, 100000);
                intField(l, lp, "max_batch_records", o.limits.maxBatchRecords, 1, 1 << 20);
                f_.duration(l, lp, "idle_timeout", o.limits.idleTimeout, std::chrono::milliseconds(100));
                if (o.limits.maxLineBytes > o.limits.maxBodyBytes)
                    f_.error(l, lp + ".max_line_bytes", "is over max_body_bytes");
            }
        }
        c.ingest = std::move(o);
    }

    void tokens(const YAML::Node& at, const std::string& key, const std::string& file, std::vector<std::string>& out) {
        const std::string path = resolve(file);
        std::ifstream in(path);
        if (!in) {
            f_.error(at, key, "cannot read token file '" + path + "'");
            return;
        }
        std::string line;
        int found = 0;
        while (std::getline(in, line)) {
            while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
            std::size_t s = 0;
            while (s < line.size() && std::isspace(static_cast<unsigned char>(line[s]))) ++s;
            line.erase(0, s);
            if (line.empty() || line[0] == '#') continue;
            if (line.size() < 16) {
                f_.error(at, key, "'" + path + "' holds a token shorter than 16 characters");
                return;
            }
            out.push_back(line);
            ++found;
        }
        if (!found) f_.error(at, key, "token file '" + path + "' holds no token");
    }

    void metrics(const YAML::Node& n, CollectConfig& c) {
        const std::string p = "metrics";
        if (!f_.map(n, p, {"address", "port"})) return;
        MetricsEndpointOptions m;
        address(n, p, m.address);
        if (!isLoopbackAddress(m.address))
            f_.error(n["address"], p + ".address", "Vigil's own /metrics has no token: it listens on loopback only");
        intField(n, p, "port", m.port, 0, 65535, true);
        c.metrics = m;
    }

    void rpc(const YAML::Node& n, RpcProbeOptions& o) {
        const std::string p = "rpc";
        if (!f_.map(n, p, {"interval", "deadline", "fee_history_blocks", "reward_percentiles", "chains"})) return;
        f_.duration(n, p, "interval", o.interval, std::chrono::milliseconds(100));
        f_.duration(n, p, "deadline", o.deadline, std::chrono::milliseconds(10));
        if (o.deadline >= o.interval) f_.error(n["deadline"] ? n["deadline"] : n, p + ".deadline", "must be shorter than the interval");
        intField(n, p, "fee_history_blocks", o.feeHistoryBlocks, 1, 1024);
        if (const YAML::Node r = n["reward_percentiles"]; r && f_.sequence(r, p + ".reward_percentiles")) {
            o.rewardPercentiles.clear();
            for (std::size_t i = 0; i < r.size(); ++i) {
                double v = 0;
                if (!r[i].IsScalar() || !YAML::convert<double>::decode(r[i], v) || !(v >= 0 && v <= 100))
                    f_.error(r[i], at(p + ".reward_percentiles", i), "must be a number from 0 to 100");
                else
                    o.rewardPercentiles.push_back(v);
            }
        }
        const YAML::Node chains = n["chains"];
        if (!chains) return f_.error(n, p + ".chains", "is required");
        if (!f_.sequence(chains, p + ".chains")) return;
        std::set<std::string> names, endpointNames;
        for (std::size_t i = 0; i < chains.size(); ++i) {
            const YAML::Node ch = chains[i];
            const std::string cp = at(p + ".chains", i);
            if (!f_.map(ch, cp, {"name", "chain_id", "endpoints"})) continue;
            RpcChainOptions co;
            f_.text(ch, cp, "name", co.name, true);
            uniqueName(names, ch, cp, co.name);
            intField(ch, cp, "chain_id", co.chainId, 0, std::numeric_limits<std::int64_t>::max());
            const YAML::Node eps = ch["endpoints"];
            if (!eps) {
                f_.error(ch, cp + ".endpoints", "is required");
            } else if (f_.sequence(eps, cp + ".endpoints")) {
                if (eps.size() == 0) f_.error(eps, cp + ".endpoints", "lists no endpoint");
                for (std::size_t j = 0; j < eps.size(); ++j) {
                    const std::string ep = at(cp + ".endpoints", j);
                    if (!f_.map(eps[j], ep, {"name", "url"})) continue;
                    RpcEndpointOptions e;
                    f_.text(eps[j], ep, "name", e.name, true);
                    uniqueName(endpointNames, eps[j], ep, e.name);
                    url(eps[j], ep, e.url);
                    co.endpoints.push_back(std::move(e));
                }
            }
            o.chains.push_back(std::move(co));
        }
    }

    void scrape(const YAML::Node& n, ScrapeOptions& o) {
        const std::string p = "scrape";
        if (!f_.map(n, p, {"interval", "deadline", "keep", "max_body_bytes", "max_samples_per_scrape", "targets"})) return;
        f_.duration(n, p, "interval", o.interval, std::chrono::milliseconds(100));
        f_.duration(n, p, "deadline", o.deadline, std::chrono::milliseconds(10));
        if (o.deadline >= o.interval) f_.error(n["deadline"] ? n["deadline"] : n, p + ".deadline", "must be shorter than the interval");
        f_.textList(n, p, "keep", o.keep);
        intField(n, p, "max_body_bytes", o.maxBodyBytes, 1024, std::int64_t(1) << 31);
        intField(n, p, "max_samples_per_scrape", o.maxSamplesPerScrape, 1, 10'000'000);
        const YAML::Node ts = n["targets"];
        if (!ts) return f_.error(n, p + ".targets", "is required");
        if (!f_.sequence(ts, p + ".targets")) return;
        std::set<std::string> names;
        for (std::size_t i = 0; i < ts.size(); ++i) {
            const std::string tp = at(p + ".targets", i);
            if (!f_.map(ts[i], tp, {"name", "url"})) continue;
            ScrapeTargetOptions t;
            f_.text(ts[i], tp, "name", t.name, true);
            uniqueName(names, ts[i], tp, t.name);
            url(ts[i], tp, t.url);
            o.targets.push_back(std::move(t));
        }
    }

    void queries(const YAML::Node& n, std::vector<PromQueryOptions>& out) {
        const std::string p = "prometheus_queries";
        if (!f_.sequence(n, p)) return;
        std::set<std::string> names;
        for (std::size_t i = 0; i < n.size(); ++i) {
            const YAML::Node s = n[i];
            const std::string sp = at(p, i);
            if (!f_.map(s, sp, {"name", "url", "interval", "step", "lookback", "deadline", "queries"})) continue;
            PromQueryOptions o;
            f_.text(s, sp, "name", o.name, true);
            uniqueName(names, s, sp, o.name);
            url(s, sp, o.url);
            f_.duration(s, sp, "interval", o.interval, std::chrono::milliseconds(1000));
            f_.duration(s, sp, "step", o.step, std::chrono::milliseconds(1000));
            f_.duration(s, sp, "lookback", o.lookback, std::chrono::milliseconds(1000));
            f_.duration(s, sp, "deadline", o.deadline, std::chrono::milliseconds(10));
            if (o.deadline >= o.interval) f_.error(s["deadline"] ? s["deadline"] : s, sp + ".deadline", "must be shorter than the interval");
            const YAML::Node qs = s["queries"];
            if (!qs) {
                f_.error(s, sp + ".queries", "is required");
            } else if (f_.sequence(qs, sp + ".queries")) {
                for (std::size_t j = 0; j < qs.size(); ++j) {
                    const std::string qp = at(sp + ".queries", j);
                    if (!f_.map(qs[j], qp, {"query", "series", "target_label", "target_kind"})) continue;
                    PromQuerySeriesOptions q;
                    f_.text(qs[j], qp, "query", q.query, true);
                    f_.text(qs[j], qp, "series", q.series, true);
                    f_.text(qs[j], qp, "target_label", q.targetLabel);
                    f_.text(qs[j], qp, "target_kind", q.targetKind);
                    o.queries.push_back(std::move(q));
                }
            }
            out.push_back(std::move(o));
        }
    }

    void logs(const YAML::Node& n, LogFollowOptions& o) {
        const std::string p = "logs";
        if (!f_.map(n, p, {"poll", "max_line_bytes", "files"})) return;
        f_.duration(n, p, "poll", o.poll, std::chrono::milliseconds(10));
        intField(n, p, "max_line_bytes", o.maxLineBytes, 256, std::int64_t(1) << 30);
        const YAML::Node fsNode = n["files"];
        if (!fsNode) return f_.error(n, p + ".files", "is required");
        if (!f_.sequence(fsNode, p + ".files")) return;
        for (std::size_t i = 0; i < fsNode.size(); ++i) {
            const YAML::Node fn = fsNode[i];
            const std::string fp = at(p + ".files", i);
            if (!f_.map(fn, fp, {"path", "source", "format", "pattern", "from_start"})) continue;
            LogFileOptions lf;
            if (f_.text(fn, fp, "path", lf.path, true)) lf.path = resolve(lf.path);
            f_.text(fn, fp, "source", lf.source);
            std::string format = "json";
            f_.text(fn, fp, "format", format);
            if (format == "json") {
                lf.format = LogFileFormat::JsonLines;
            } else if (format == "regex") {
                lf.format = LogFileFormat::Regex;
            } else {
                f_.error(fn["format"], fp + ".format", "'" + format + "' is neither json nor regex");
            }
            f_.text(fn, fp, "pattern", lf.pattern, lf.format == LogFileFormat::Regex);
            if (lf.format == LogFileFormat::Regex && !lf.pattern.empty()) pattern(fn["pattern"], fp + ".pattern", lf.pattern);
            f_.boolean(fn, fp, "from_start", lf.fromStart);
            o.files.push_back(std::move(lf));
        }
    }

    // Named groups as the follower reads them: (?<message>...) required.
    void pattern(const YAML::Node& at, const std::string& key, const std::string& pat) {
        if (pat.find("(?<message>") == std::string::npos && pat.find("(?P<message>") == std::string::npos)
            f_.error(at, key, "needs a named group (?<message>...)");
    }

    YamlFields f_;
    std::string base_;
};

// Problems the sources' own checks find that the schema does not (their wording, at the section's line).
void addChecks(const YAML::Node& at, const std::string& prefix, const std::vector<std::string>& problems,
               std::vector<ConfigError>& errors) {
    for (const auto& why : problems) {
        const auto colon = why.find(": ");
        const std::string field = colon == std::string::npos ? std::string() : why.substr(0, colon);
        errors.push_back({YamlFields::lineOf(at), field.empty() ? prefix : prefix + "." + field,
                          colon == std::string::npos ? why : why.substr(colon + 2)});
    }
}

void addSourceChecks(const YAML::Node& doc, const CollectConfig& c, std::vector<ConfigError>& errors) {
    if (!errors.empty()) return;  // the schema's own reasons are the clearer ones
    if (!c.rpc.chains.empty()) addChecks(doc["rpc"], "rpc", RpcProber::check(c.rpc), errors);
    if (!c.scrape.targets.empty()) addChecks(doc["scrape"], "scrape", PrometheusScraper::check(c.scrape), errors);
    for (std::size_t i = 0; i < c.queries.size(); ++i)
        addChecks(doc["prometheus_queries"][i], "prometheus_queries[" + std::to_string(i) + "]", PromQuery::check(c.queries[i]), errors);
    if (!c.logs.files.empty()) addChecks(doc["logs"], "logs", LogFollower::check(c.logs), errors);
}

}  // namespace

ConfigLoad parseCollectConfig(const std::string& yamlText, const std::string& baseDir) {
    ConfigLoad r;
    YAML::Node doc;
    try {
        doc = YAML::Load(yamlText);
    } catch (const YAML::Exception& e) {
        r.errors.push_back({e.mark.line >= 0 ? e.mark.line + 1 : 0, "yaml", e.msg});
        return r;
    }
    try {
        Loader(r.errors, baseDir).root(doc, r.config);
        addSourceChecks(doc, r.config, r.errors);
    } catch (const YAML::Exception& e) {  // a shape the walk did not expect: still a line, never a crash
        r.errors.push_back({e.mark.line >= 0 ? e.mark.line + 1 : 0, "yaml", e.msg});
    }
    return r;
}

ConfigLoad loadCollectConfig(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ConfigLoad r;
        r.errors.push_back({0, "", "cannot read the file"});
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseCollectConfig(text.str(), fs::path(path).parent_path().string());
}

std::string formatConfigError(const std::string& file, const ConfigError& e) {
    std::string s = file + (e.line > 0 ? ":" + std::to_string(e.line) : std::string()) + ": ";
    if (!e.key.empty()) s += e.key + ": ";
    return s + e.reason;
}

}  // namespace vigil::collect
