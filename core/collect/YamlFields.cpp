#include "collect/YamlFields.h"

#include <charconv>
#include <cmath>

namespace vigil::collect {

void YamlFields::error(const YAML::Node& at, const std::string& key, std::string reason) {
    errors_.push_back({lineOf(at), key, std::move(reason)});
}

bool YamlFields::map(const YAML::Node& n, const std::string& key, std::initializer_list<const char*> allowed) {
    if (!n.IsMap()) {
        error(n, key, "must be a map of keys");
        return false;
    }
    for (const auto& kv : n) {
        const std::string k = kv.first.Scalar();
        bool known = false;
        for (const char* a : allowed) known = known || k == a;
        if (!known) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            error(kv.first, join(key, k), "unknown key (known here: " + list + ")");
        }
    }
    return true;
}

bool YamlFields::sequence(const YAML::Node& n, const std::string& key) {
    if (n.IsSequence()) return true;
    error(n, key, "must be a list");
    return false;
}

bool YamlFields::text(const YAML::Node& parent, const std::string& path, const char* name, std::string& out, bool required) {
    const YAML::Node n = parent[name];
    if (!n) {
        if (required) error(parent, join(path, name), "is required");
        return !required;
    }
    if (!n.IsScalar() || n.Scalar().empty()) {
        error(n, join(path, name), "must be a non-empty string");
        return false;
    }
    out = n.Scalar();
    return true;
}

bool YamlFields::integer(const YAML::Node& parent, const std::string& path, const char* name, std::int64_t& out,
                         std::int64_t min, std::int64_t max, bool required) {
    const YAML::Node n = parent[name];
    if (!n) {
        if (required) error(parent, join(path, name), "is required");
        return !required;
    }
    const std::string s = n.IsScalar() ? n.Scalar() : std::string();
    std::int64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        error(n, join(path, name), "'" + s + "' is not a whole number");
        return false;
    }
    if (v < min || v > max) {
        error(n, join(path, name), std::to_string(v) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
        return false;
    }
    out = v;
    return true;
}

bool YamlFields::number(const YAML::Node& parent, const std::string& path, const char* name, double& out) {
    const YAML::Node n = parent[name];
    if (!n) return true;
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v)) {
        error(n, join(path, name), "must be a finite number");
        return false;
    }
    out = v;
    return true;
}

bool YamlFields::boolean(const YAML::Node& parent, const std::string& path, const char* name, bool& out) {
    const YAML::Node n = parent[name];
    if (!n) return true;
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
        error(n, join(path, name), "must be true or false");
        return false;
    }
    out = v;
    return true;
}

bool YamlFields::duration(const YAML::Node& parent, const std::string& path, const char* name,
                          std::chrono::milliseconds& out, std::chrono::milliseconds min) {
    const YAML::Node n = parent[name];
    if (!n) return true;
    const std::string s = n.IsScalar() ? n.Scalar() : std::string();
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    const std::string unit = r.ec == std::errc() ? std::string(r.ptr, s.data() + s.size()) : std::string();
    const double scale = unit == "ms" ? 1 : unit == "s" ? 1e3 : unit == "m" ? 60e3 : unit == "h" ? 3600e3 : 0;
    if (s.empty() || r.ec != std::errc() || scale == 0 || !std::isfinite(v) || v < 0 || v * scale > 366.0 * 86400e3) {
        error(n, join(path, name), "'" + s + "' is not a duration like 250ms, 5s, 2m or 1h");
        return false;
    }
    const auto ms = std::chrono::milliseconds(std::llround(v * scale));
    if (ms < min) {
        error(n, join(path, name), "'" + s + "' is below the minimum of " + std::to_string(min.count()) + "ms");
        return false;
    }
    out = ms;
    return true;
}

bool YamlFields::textList(const YAML::Node& parent, const std::string& path, const char* name, std::vector<std::string>& out) {
    const YAML::Node n = parent[name];
    if (!n) return true;
    if (!sequence(n, join(path, name))) return false;
    out.clear();
    bool ok = true;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!n[i].IsScalar() || n[i].Scalar().empty()) {
            error(n[i], join(path, name) + "[" + std::to_string(i) + "]", "must be a non-empty string");
            ok = false;
        } else {
            out.push_back(n[i].Scalar());
        }
    }
    return ok;
}

}  // namespace vigil::collect
