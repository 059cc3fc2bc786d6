// Splits a log message into whitespace tokens and masks the parts of each token
// that look like parameters, without regexes (this runs once per line on the hot
// path). A token is cut into segments at punctuation that usually separates a key
// from its value ("rhost=10.0.0.1", "/10.1.2.3:50010", "(uid=0)"); a segment that
// contains a digit, or is a day/month name, becomes "<*>", and so does a file or URL
// path with two or more separators. So "blk_-6952" becomes "<*>", "rhost=218.188.2.4"
// "rhost=<*>", "07:07:00" "<*>", "/var/log/x" "<*>", and "session" stays. A run of
// whole-parameter tokens ("dn910 dn911 dn912") is one variable-length parameter.
// An empty bracket pair "()" is an empty value, "(<*>)", like "(host.example.net)"
// beside it. With MaskOptions::dottedNames, "a.b.c" names are parameters too.
// A whole token that is a host with a port ("proxy.example.org:5070") or a URL
// ("https://h/x?y") is one parameter: its host part has no digit to give it away.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::logs {

inline constexpr std::string_view kWildcard = "<*>";

struct MaskedToken {
    std::uint32_t offset = 0;  // into the tokenizer's masked-text buffer
    std::uint32_t length = 0;
    std::uint64_t hash = 0;  // FNV-1a of the masked text
    bool variable = false;   // the token is exactly "<*>" after masking
    bool masked = false;     // at least one segment was masked
    bool keyed = false;      // "key=value": a differing value means a different event
};

// Masks beyond the always-on ones (a digit, a day/month name, a path, host:port, URL).
struct MaskOptions {
    // "org.apache.hadoop.Foo", "www.example.com": three or more dot-separated words.
    // Hostnames are parameters, but so would Java class names that name an event.
    bool dottedNames = false;
};

class LogTokenizer {
public:
    void setOptions(MaskOptions o) { opts_ = o; }

    // Tokenizes `message`; tokens beyond `maxTokens` are folded into the last one so
    // a pathological line cannot make the miner's work unbounded.
    void tokenize(std::string_view message, std::size_t maxTokens = 256);

    const std::vector<MaskedToken>& tokens() const { return tokens_; }
    std::string_view text(const MaskedToken& t) const { return std::string_view(buffer_).substr(t.offset, t.length); }
    std::string_view text(std::size_t i) const { return text(tokens_[i]); }

private:
    void maskToken(std::string_view raw);

    void emitWildcard();

    MaskOptions opts_;
    std::string buffer_;
    std::vector<MaskedToken> tokens_;
};

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed = 14695981039346656037ull);

}  // namespace vigil::logs
