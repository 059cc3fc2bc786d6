#include "net/Json.h"

#include "record/NdjsonCodec.h"

#include <simdjson.h>

#include <cstdio>

namespace vigil::net {

std::string jsonQuote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);  // the record codec's escaper: one JSON string form everywhere
    return out;
}

std::string toQuantity(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::optional<std::uint64_t> parseQuantity(std::string_view hex) {
    if (hex.size() < 3 || hex.size() > 18 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
        return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : hex.substr(2)) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return std::nullopt;
        v = (v << 4) | static_cast<std::uint64_t>(d);
    }
    return v;
}

void JsonObject::key(std::string_view k) {
    if (body_.size() > 1) body_ += ',';
    body_ += jsonQuote(k);
    body_ += ':';
}

JsonObject& JsonObject::add(std::string_view k, std::string_view text) {
    key(k);
    body_ += jsonQuote(text);
    return *this;
}

JsonObject& JsonObject::addQuantity(std::string_view k, std::uint64_t v) {
    return add(k, toQuantity(v));
}

JsonObject& JsonObject::addRaw(std::string_view k, std::string_view json) {
    key(k);
    body_ += json;
    return *this;
}

namespace {

std::optional<simdjson::dom::element> lookup(simdjson::dom::parser& parser, std::string_view json,
                                             std::string_view pointer) {
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(json)).get(root)) return std::nullopt;
    simdjson::dom::element at;
    if (root.at_pointer(pointer).get(at)) return std::nullopt;
    if (at.is_null()) return std::nullopt;
    return at;
}

}  // namespace

std::optional<std::string> jsonString(std::string_view json, std::string_view pointer) {
    simdjson::dom::parser parser;
    const auto at = lookup(parser, json, pointer);
    std::string_view s;
    if (!at || at->get_string().get(s)) return std::nullopt;
    return std::string(s);
}

std::optional<std::uint64_t> jsonQuantity(std::string_view json, std::string_view pointer) {
    const auto s = jsonString(json, pointer);
    return s ? parseQuantity(*s) : std::nullopt;
}

std::optional<std::string> jsonRaw(std::string_view json, std::string_view pointer) {
    simdjson::dom::parser parser;
    const auto at = lookup(parser, json, pointer);
    if (!at) return std::nullopt;
    return simdjson::minify(*at);
}

bool jsonIsNull(std::string_view json) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    return !parser.parse(simdjson::padded_string(json)).get(root) && root.is_null();
}

}  // namespace vigil::net
