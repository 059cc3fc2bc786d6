#include "approve/CanonicalJson.h"

#include "record/NdjsonCodec.h"

#include <openssl/evp.h>

#include <cstdio>

namespace vigil::approve {

namespace {

// The record codec's escaper: one JSON string form in the whole project.
std::string quote(std::string_view s) {
    std::string out;
    appendJsonString(out, s);
    return out;
}

// Scans one JSON string starting at s[i] == '"'; returns the index past it.
std::size_t skipString(std::string_view s, std::size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return std::string_view::npos;
}

}  // namespace

CanonicalObject& CanonicalObject::set(const std::string& key, std::string_view text) {
    fields_[key] = quote(text);
    return *this;
}

CanonicalObject& CanonicalObject::set(const std::string& key, std::int64_t number) {
    fields_[key] = std::to_string(number);
    return *this;
}

std::string CanonicalObject::text() const {
    std::string out = "{";
    for (const auto& [k, v] : fields_) {
        if (out.size() > 1) out += ',';
        out += quote(k) + ":" + v;
    }
    return out + "}";
}

std::optional<std::map<std::string, std::string>> readFlatObject(std::string_view s) {
    std::map<std::string, std::string> out;
    if (s.size() < 2 || s.front() != '{' || s.back() != '}') return std::nullopt;
    std::size_t i = 1;
    while (i < s.size() - 1) {
        if (s[i] != '"') return std::nullopt;
        const std::size_t keyEnd = skipString(s, i);
        if (keyEnd == std::string_view::npos || keyEnd >= s.size() || s[keyEnd] != ':') return std::nullopt;
        const std::string key(s.substr(i + 1, keyEnd - i - 2));
        std::size_t v = keyEnd + 1, vEnd = v;
        if (v < s.size() && s[v] == '"') vEnd = skipString(s, v);
        else
            while (vEnd < s.size() - 1 && s[vEnd] != ',') ++vEnd;
        if (vEnd == std::string_view::npos || vEnd == v) return std::nullopt;
        out[key] = std::string(s.substr(v, vEnd - v));
        i = vEnd;
        if (i < s.size() - 1) {
            if (s[i] != ',') return std::nullopt;
            ++i;
        }
    }
    return out;
}

std::string differingKeys(std::string_view a, std::string_view b) {
    const auto fa = readFlatObject(a), fb = readFlatObject(b);
    if (!fa || !fb) return {};
    std::string keys;
    auto add = [&](const std::string& k) { keys += (keys.empty() ? "" : ", ") + k; };
    for (const auto& [k, v] : *fa) {
        const auto it = fb->find(k);
        if (it == fb->end() || it->second != v) add(k);
    }
    for (const auto& [k, v] : *fb)
        if (!fa->count(k)) add(k);
    return keys;
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

}  // namespace vigil::approve
