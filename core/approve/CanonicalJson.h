// Canonical JSON for what an approval binds to: one flat object, keys sorted
// bytewise, no whitespace, strings escaped the one way this writer knows,
// integers in decimal. Two equal contents give the same bytes, so the SHA-256
// of the text identifies exactly what a person approved. Amounts in wei are
// strings of digits (they exceed what a JSON double holds exactly).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::approve {

class CanonicalObject {
public:
    CanonicalObject& set(const std::string& key, std::string_view text);
    CanonicalObject& set(const std::string& key, std::int64_t number);
    std::string text() const;

private:
    std::map<std::string, std::string> fields_;  // key -> encoded value
};

// Reads back a flat object written by CanonicalObject: key -> encoded value
// (strings keep their quotes, so "5" and 5 differ). nullopt if it is not one.
std::optional<std::map<std::string, std::string>> readFlatObject(std::string_view json);

// "value, to" — the keys whose values differ between two flat objects, for the
// refusal message; empty when both read back equal or either is unreadable.
std::string differingKeys(std::string_view a, std::string_view b);

// Lower-case hex SHA-256 (OpenSSL).
std::string sha256Hex(std::string_view bytes);

}  // namespace vigil::approve
