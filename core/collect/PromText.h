// Writes Prometheus text exposition format 0.0.4, for Vigil's own /metrics:
// one HELP and TYPE line per family, then its samples, label values escaped.
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace vigil::collect {

class PromText {
public:
    using Labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

    PromText& family(std::string_view name, std::string_view type, std::string_view help) {
        out_ += "# HELP ";
        out_ += name;
        out_ += ' ';
        out_ += help;
        out_ += "\n# TYPE ";
        out_ += name;
        out_ += ' ';
        out_ += type;
        out_ += '\n';
        return *this;
    }
    PromText& sample(std::string_view name, double value, Labels labels = {}) {
        out_ += name;
        if (labels.size()) {
            out_ += '{';
            bool first = true;
            for (const auto& [k, v] : labels) {
                if (!first) out_ += ',';
                first = false;
                out_ += k;
                out_ += "=\"";
                for (char c : v) {
                    if (c == '\\') out_ += "\\\\";
                    else if (c == '"') out_ += "\\\"";
                    else if (c == '\n') out_ += "\\n";
                    else out_ += c;
                }
                out_ += '"';
            }
            out_ += '}';
        }
        out_ += ' ';
        if (std::isnan(value)) out_ += "NaN";
        else if (std::isinf(value)) out_ += value > 0 ? "+Inf" : "-Inf";
        else if (value == std::floor(value) && std::fabs(value) < 1e15) out_ += std::to_string(static_cast<std::int64_t>(value));
        else out_ += std::to_string(value);
        out_ += '\n';
        return *this;
    }
    const std::string& text() const { return out_; }

private:
    std::string out_;
};

}  // namespace vigil::collect
