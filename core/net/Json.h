// The little JSON Vigil's chain code writes and reads. Writing: a flat object
// builder (JSON-RPC params are a handful of strings and hex quantities).
// Reading: simdjson's DOM on one response at a time, already a dependency of
// core/record, so core/ stays free of Qt.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::net {

// "text" with JSON escapes.
std::string jsonQuote(std::string_view text);

// Ethereum's hex quantity: "0x0", "0x1a" (no leading zeros).
std::string toQuantity(std::uint64_t v);
// Accepts "0x" followed by 1..16 hex digits; nullopt otherwise.
std::optional<std::uint64_t> parseQuantity(std::string_view hex);

// {"a":"b","n":"0x10"} built field by field, in insertion order (deterministic).
class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view text);
    JsonObject& addQuantity(std::string_view key, std::uint64_t v);
    JsonObject& addRaw(std::string_view key, std::string_view json);
    std::string str() const { return body_ + "}"; }

private:
    void key(std::string_view k);
    std::string body_ = "{";
};

// Reads one value of a JSON document by JSON pointer ("" = the root,
// "/pending/0xab/0/hash"). nullopt when the document is invalid, the path is
// absent or the value is not of the asked type; a JSON null is absent too.
std::optional<std::string> jsonString(std::string_view json, std::string_view pointer = "");
std::optional<std::uint64_t> jsonQuantity(std::string_view json, std::string_view pointer = "");
// Serialized (minified) sub-document at pointer, e.g. an array to walk.
std::optional<std::string> jsonRaw(std::string_view json, std::string_view pointer = "");
bool jsonIsNull(std::string_view json);

}  // namespace vigil::net
