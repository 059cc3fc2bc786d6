// Reading a YAML configuration with every problem reported as
// "FILE:LINE: key.path: reason" and collected, not thrown: `config check` lists
// them all at once. Unknown keys are errors (a typo must not be ignored).
#pragma once

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace vigil::collect {

struct ConfigError {
    int line = 0;     // 1-based; 0 when the file itself is unreadable
    std::string key;  // dotted path, e.g. "rpc.chains[0].endpoints[1].url"
    std::string reason;
};

class YamlFields {
public:
    explicit YamlFields(std::vector<ConfigError>& errors) : errors_(errors) {}

    void error(const YAML::Node& at, const std::string& key, std::string reason);
    static int lineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

    // True when `n` is a map; else an error. Keys not in `allowed` are errors too.
    bool map(const YAML::Node& n, const std::string& key, std::initializer_list<const char*> allowed);
    bool sequence(const YAML::Node& n, const std::string& key);

    // Each reads parent[name] when present (absent: out unchanged, unless required).
    bool text(const YAML::Node& parent, const std::string& path, const char* name, std::string& out, bool required = false);
    bool integer(const YAML::Node& parent, const std::string& path, const char* name, std::int64_t& out,
                 std::int64_t min, std::int64_t max, bool required = false);
    bool number(const YAML::Node& parent, const std::string& path, const char* name, double& out);
    bool boolean(const YAML::Node& parent, const std::string& path, const char* name, bool& out);
    // "250ms", "5s", "2m", "1h"; a bare number is refused (its unit would be a guess).
    bool duration(const YAML::Node& parent, const std::string& path, const char* name, std::chrono::milliseconds& out,
                  std::chrono::milliseconds min = std::chrono::milliseconds(1));
    bool textList(const YAML::Node& parent, const std::string& path, const char* name, std::vector<std::string>& out);

    static std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }

private:
    std::vector<ConfigError>& errors_;
};

}  // namespace vigil::collect
