#include "detect/logs/LogTokenizer.h"

#include <array>

namespace vigil::logs {

namespace {

// Byte classes, built once: whitespace splits tokens, delimiters split segments.
enum : std::uint8_t { kPlain = 0, kSpace = 1, kDelim = 2, kDigit = 3 };

constexpr std::array<std::uint8_t, 256> makeClasses() {
    std::array<std::uint8_t, 256> c{};
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigit;
    for (char ch : std::string_view(" \t\r\n\v\f")) c[static_cast<unsigned char>(ch)] = kSpace;
    for (char ch : std::string_view("=:,;()[]{}<>\"'/|@")) c[static_cast<unsigned char>(ch)] = kDelim;
    return c;
}
constexpr auto kClass = makeClasses();

inline std::uint8_t cls(char ch) { return kClass[static_cast<unsigned char>(ch)]; }

// "root" in "user=root" or "(uid=root)": letters up to the token end or a closing
// bracket/separator. Such values name a kind of event rather than an instance.
bool wordValue(std::string_view v) {
    std::size_t i = 0;
    while (i < v.size() && ((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') || v[i] == '_')) ++i;
    if (i == 0) return false;
    return i == v.size() || std::string_view(")]},;").find(v[i]) != std::string_view::npos;
}

// Day and month names are parts of timestamps ("at Fri Jun 17 07:07:00 2005").
bool calendarWord(std::string_view w) {
    if (w.size() < 3 || w.size() > 9 || w[0] < 'A' || w[0] > 'Z') return false;
    static constexpr std::string_view kShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar",
                                                  "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr std::string_view kLong[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",  "Sunday",  "January",  "February", "March",
        "April",  "May",     "June",      "July",     "August", "September", "October", "November", "December"};
    for (std::size_t k = 0; k < std::size(kShort); ++k) {
        if (w[1] != kShort[k][1] || w[2] != kShort[k][2] || w[0] != kShort[k][0]) continue;
        return w.size() == 3 || w == kLong[k];
    }
    return false;
}

inline bool pathChar(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           std::string_view("._-/~+%$#\\").find(ch) != std::string_view::npos;
}

// Length of a file path or URL path starting at raw[i] ("/var/log/x.log", "//host/dir"),
// 0 if there is none: a run of path characters with at least two separators.
std::size_t pathLength(std::string_view raw, std::size_t i) {
    const char sep = raw[i];
    if (sep != '/' && sep != '\\') return 0;
    std::size_t j = i, seps = 0;
    bool word = false;
    while (j < raw.size() && pathChar(raw[j])) {
        if (raw[j] == sep) ++seps;
        else word = true;
        ++j;
    }
    return seps >= 2 && word ? j - i : 0;
}

inline bool hostChar(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' ||
           ch == '_';
}

inline char closing(char open) { return open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : '\0'; }

// "proxy.example.org:5070", "db-1.internal:5432", "[::1]:80" is left to the digit rule:
// a dotted host name, a colon and a numeric port, trailing ",;." allowed.
bool hostWithPort(std::string_view t) {
    while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == '.')) t.remove_suffix(1);
    const std::size_t colon = t.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == t.size()) return false;
    for (std::size_t i = colon + 1; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    bool dot = false, letter = false;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!hostChar(t[i])) return false;
        dot |= t[i] == '.';
        letter |= (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z');
    }
    return dot && letter && t[0] != '.' && t[colon - 1] != '.';
}

// "http://host/x", "file:///tmp/y": a scheme of letters, then "://".
bool url(std::string_view t) {
    const std::size_t p = t.find("://");
    if (p == std::string_view::npos || p == 0 || p + 3 >= t.size()) return false;
    for (std::size_t i = 0; i < p; ++i)
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') || t[i] == '+')) return false;
    return true;
}

// Three or more non-empty words joined by dots ("www.example.com", "a.b.C").
bool dottedName(std::string_view seg) {
    std::size_t dots = 0;
    char prev = '.';
    for (char ch : seg) {
        if (ch == '.') {
            if (prev == '.') return false;
            ++dots;
        } else if (!hostChar(ch)) {
            return false;
        }
        prev = ch;
    }
    return dots >= 2 && prev != '.';
}

}  // namespace

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    return h;
}

void LogTokenizer::maskToken(std::string_view raw) {
    MaskedToken t;
    t.offset = static_cast<std::uint32_t>(buffer_.size());
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a, fed as the masked text is written
    auto emit = [&](std::string_view s) {
        buffer_.append(s);
        for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    };
    if (raw.find(':') != std::string_view::npos && (hostWithPort(raw) || url(raw))) {
        emit(kWildcard);
        t.length = static_cast<std::uint32_t>(kWildcard.size());
        t.variable = t.masked = true;
        t.hash = h;
        tokens_.push_back(t);
        return;
    }
    std::size_t i = 0;
    bool onlyWildcards = true;
    while (i < raw.size()) {
        if (std::size_t p = pathLength(raw, i)) {
            emit(kWildcard);
            t.masked = true;
            i += p;
            continue;
        }
        const std::uint8_t c = cls(raw[i]);
        if (c == kDelim) {
            if (raw[i] == '=' && i > 0) t.keyed |= wordValue(raw.substr(i + 1));
            // "07:07:00" and "1,2,3" are one parameter; "(<*>)" or "/<*>" keep their shape.
            if (raw[i] != ':' && raw[i] != ',') onlyWildcards = false;
            emit(raw.substr(i++, 1));
            // "()" is an empty value where others write "(host.example.net)".
            if (i < raw.size() && raw[i] == closing(raw[i - 1])) {
                emit(kWildcard);
                t.masked = true;
            }
            continue;
        }
        std::size_t j = i;
        bool digit = false, dot = false;
        for (std::uint8_t cj; j < raw.size() && (cj = cls(raw[j])) != kDelim; ++j) {
            digit |= cj == kDigit;
            dot |= raw[j] == '.';
        }
        const std::string_view seg = raw.substr(i, j - i);
        if (digit || calendarWord(seg) || (dot && opts_.dottedNames && dottedName(seg))) {
            emit(kWildcard);
            t.masked = true;
        } else {
            emit(seg);
            onlyWildcards = false;
        }
        i = j;
    }
    if (t.masked && onlyWildcards && buffer_.size() - t.offset != kWildcard.size()) {
        buffer_.resize(t.offset);
        buffer_.append(kWildcard);
        h = fnv1a(kWildcard);
    }
    t.length = static_cast<std::uint32_t>(buffer_.size() - t.offset);
    t.variable = t.masked && onlyWildcards;
    t.hash = h;
    tokens_.push_back(t);
}

void LogTokenizer::tokenize(std::string_view message, std::size_t maxTokens) {
    buffer_.clear();
    tokens_.clear();
    if (maxTokens == 0) maxTokens = 1;
    std::size_t i = 0;
    const std::size_t n = message.size();
    while (i < n) {
        while (i < n && cls(message[i]) == kSpace) ++i;
        if (i >= n) break;
        std::size_t j = i;
        while (j < n && cls(message[j]) != kSpace) ++j;
        if (tokens_.size() + 1 == maxTokens) {
            // The rest of an over-long line becomes one parameter.
            bool more = false;
            for (std::size_t k = j; k < n && !more; ++k) more = cls(message[k]) != kSpace;
            if (more) {
                MaskedToken t;
                t.offset = static_cast<std::uint32_t>(buffer_.size());
                buffer_.append(kWildcard);
                t.length = static_cast<std::uint32_t>(kWildcard.size());
                t.variable = t.masked = true;
                t.hash = fnv1a(kWildcard);
                tokens_.push_back(t);
                return;
            }
        }
        maskToken(message.substr(i, j - i));
        // A run of parameters ("dn910 dn911 dn912") is one variable-length parameter.
        if (tokens_.size() >= 2 && tokens_.back().variable && tokens_[tokens_.size() - 2].variable) {
            buffer_.resize(tokens_.back().offset);
            tokens_.pop_back();
        }
        i = j;
    }
}

}  // namespace vigil::logs
