#include "collect/LogLineParser.h"

#include "record/NdjsonCodec.h"

#include <QRegularExpression>
#include <QString>
#include <simdjson.h>

#include <cctype>
#include <charconv>
#include <cmath>

namespace vigil::collect {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::optional<TimestampMs> parseLogTime(std::string_view s) {
    const std::string t = trimmed(s);
    s = t;
    if (s.empty()) return std::nullopt;
    // Epoch seconds or milliseconds, possibly with a fraction.
    if (s.find_first_not_of("0123456789.") == std::string_view::npos) {
        double v = 0;
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
        return static_cast<TimestampMs>(std::llround(v >= 1e11 ? v : v * 1000.0));
    }
    int y, mo, d, h, mi, sec;
    if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) ||
        s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    std::size_t i = 19;
    int ms = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        int scale = 100, n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            ms += (s[i] - '0') * scale;
            scale /= 10;
            ++i, ++n;
        }
        if (n == 0) return std::nullopt;
    }
    std::int64_t offsetMin = 0;
    if (i < s.size()) {
        if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            int oh, om;
            const bool colon = i + 3 < s.size() && s[i + 3] == ':';
            if (!digits(s, i + 1, 2, oh) || !digits(s, i + (colon ? 4 : 3), 2, om)) return std::nullopt;
            offsetMin = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
            i += colon ? 6 : 5;
        }
        if (i != s.size()) return std::nullopt;
    }
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return ((days * 24 + h) * 60 + mi - offsetMin) * 60'000 + sec * 1000 + ms;
}

std::optional<LogLevel> parseLogLevel(std::string_view text) {
    const std::string l = lower(trimmed(text));
    if (l == "debug" || l == "trace" || l == "dbg" || l == "d" || l == "verbose") return LogLevel::Debug;
    if (l == "info" || l == "information" || l == "notice" || l == "inf" || l == "i") return LogLevel::Info;
    if (l == "warn" || l == "warning" || l == "wrn" || l == "w") return LogLevel::Warn;
    if (l == "error" || l == "err" || l == "fatal" || l == "critical" || l == "crit" || l == "panic" ||
        l == "alert" || l == "emerg" || l == "e")
        return LogLevel::Error;
    return std::nullopt;
}

struct LogLineParser::Impl {
    LogFileOptions file;
    QRegularExpression regex;
    int timeGroup = -1, levelGroup = -1, messageGroup = -1;
    NdjsonDecoder decoder;
    simdjson::dom::parser json;
};

std::string LogLineParser::checkPattern(const LogFileOptions& file) {
    if (file.format != LogFileFormat::Regex) return {};
    const QRegularExpression re(QString::fromStdString(file.pattern));
    if (!re.isValid())
        return "pattern: " + re.errorString().toStdString() + " at offset " + std::to_string(re.patternErrorOffset());
    if (!re.namedCaptureGroups().contains("message")) return "pattern: needs a named group (?<message>...)";
    return {};
}

LogLineParser::LogLineParser(const LogFileOptions& file) : impl_(std::make_unique<Impl>()) {
    impl_->file = file;
    source_ = file.source;
    if (source_.empty()) {
        const auto slash = file.path.rfind('/');
        source_ = slash == std::string::npos ? file.path : file.path.substr(slash + 1);
    }
    if (file.format == LogFileFormat::Regex) {
        // Anchored: the pattern describes the whole line.
        impl_->regex.setPattern("\\A(?:" + QString::fromStdString(file.pattern) + ")\\z");
        impl_->regex.optimize();
        const QStringList names = impl_->regex.namedCaptureGroups();
        impl_->timeGroup = static_cast<int>(names.indexOf("time"));
        impl_->levelGroup = static_cast<int>(names.indexOf("level"));
        impl_->messageGroup = static_cast<int>(names.indexOf("message"));
    }
}

LogLineParser::~LogLineParser() = default;

bool LogLineParser::parse(std::string_view line, TimestampMs now, Record& out, std::string& error) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return impl_->file.format == LogFileFormat::Regex ? parseRegex(line, now, out, error)
                                                      : parseJson(line, now, out, error);
}

bool LogLineParser::parseRegex(std::string_view line, TimestampMs now, Record& out, std::string& error) {
    if (impl_->messageGroup < 0) {
        error = "pattern has no (?<message>...) group";
        return false;
    }
    const QRegularExpressionMatch m =
        impl_->regex.match(QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())));
    if (!m.hasMatch()) {
        error = "line does not match the pattern";
        return false;
    }
    LogLine l;
    l.source = source_;
    l.ts = now;
    l.message = m.captured(impl_->messageGroup).toStdString();
    if (impl_->timeGroup >= 0 && m.capturedLength(impl_->timeGroup) > 0) {
        const std::string t = m.captured(impl_->timeGroup).toStdString();
        const auto ts = parseLogTime(t);
        if (!ts) {
            error = "time '" + t + "' is neither ISO 8601 nor epoch seconds/milliseconds";
            return false;
        }
        l.ts = *ts;
    }
    if (impl_->levelGroup >= 0 && m.capturedLength(impl_->levelGroup) > 0) {
        const std::string lv = m.captured(impl_->levelGroup).toStdString();
        const auto level = parseLogLevel(lv);
        if (!level) {
            error = "level '" + lv + "' is not a log level (debug, info, warn, error or a synonym)";
            return false;
        }
        l.level = *level;
    }
    out = std::move(l);
    return true;
}

bool LogLineParser::parseJson(std::string_view line, TimestampMs now, Record& out, std::string& error) {
    simdjson::dom::object obj;
    if (auto err = impl_->json.parse(line.data(), line.size()).get(obj)) {
        error = std::string("not a JSON object: ") + simdjson::error_message(err);
        return false;
    }
    if (!obj["v"].error() && !obj["kind"].error()) return impl_->decoder.decodeCopy(line, out, error);

    auto text = [&](std::initializer_list<const char*> keys, std::string& value, const char*& found) {
        for (const char* k : keys) {
            simdjson::dom::element e;
            if (obj[k].get(e)) continue;
            found = k;
            std::string_view sv;
            if (!e.get_string().get(sv)) value = std::string(sv);
            else value = simdjson::minify(e);  // numbers (epoch times) as written
            return true;
        }
        return false;
    };
    LogLine l;
    l.source = source_;
    l.ts = now;
    const char* key = nullptr;
    std::string value;
    if (!text({"message", "msg"}, l.message, key)) {
        error = "JSON object without a message or msg field";
        return false;
    }
    if (text({"time", "ts", "timestamp", "@timestamp"}, value, key)) {
        const auto ts = parseLogTime(value);
        if (!ts) {
            error = std::string("field '") + key + "' (" + value + ") is neither ISO 8601 nor epoch seconds/milliseconds";
            return false;
        }
        l.ts = *ts;
    }
    if (text({"level", "severity", "lvl"}, value, key)) {
        const auto level = parseLogLevel(value);
        if (!level) {
            error = std::string("field '") + key + "' (" + value + ") is not a log level";
            return false;
        }
        l.level = *level;
    }
    out = std::move(l);
    return true;
}

}  // namespace vigil::collect
