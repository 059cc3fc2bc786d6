#include "signoff/ApproverTokens.h"

#include "approve/ApprovalGate.h"
#include "signoff/SecretFile.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cctype>
#include <set>

namespace vigil::signoff {

namespace {

std::array<unsigned char, 32> digestOf(std::string_view token) {
    std::array<unsigned char, 32> d{};
    unsigned int n = 0;
    EVP_Digest(token.data(), token.size(), d.data(), &n, EVP_sha256(), nullptr);
    return d;
}

std::vector<std::string> fields(std::string_view line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        const std::size_t b = i;
        if (i < line.size() && line[i] == '#') break;  // a comment to the end of the line
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        if (i > b) out.emplace_back(line.substr(b, i - b));
    }
    return out;
}

// Calls f(lineNo, fields) for each line that is not blank or a comment.
template <typename F>
bool forEachLine(std::string_view text, F&& f) {
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        ++lineNo;
        const auto fs = fields(line);
        if (!fs.empty())
            if (!f(lineNo, fs)) return false;
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return true;
}

}  // namespace

bool validToken(std::string_view token, std::string& why) {
    if (token.size() < kMinTokenChars) {
        why = "token is " + std::to_string(token.size()) + " characters, at least " + std::to_string(kMinTokenChars) +
              " are needed (openssl rand -hex 32 makes one)";
        return false;
    }
    std::size_t i = 0;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
              c == '/'))
            break;
    }
    while (i < token.size() && token[i] == '=') ++i;  // padding, only at the end
    if (i != token.size()) {
        why = "token holds a character outside A-Z a-z 0-9 - . _ ~ + / (and trailing =)";
        return false;
    }
    return true;
}

std::optional<ApproverTokens> ApproverTokens::parse(std::string_view text, const std::string& origin, std::string& error) {
    ApproverTokens out;
    std::set<std::string> identities;
    std::set<std::array<unsigned char, 32>> digests;
    const bool ok = forEachLine(text, [&](int lineNo, const std::vector<std::string>& fs) {
        const std::string at = origin + ":" + std::to_string(lineNo) + ": ";
        if (fs.size() != 2) {
            error = at + "expected 'identity token', found " + std::to_string(fs.size()) + " field(s)";
            return false;
        }
        Entry e;
        if (!approve::normaliseIdentity(fs[0], e.identity)) {
            error = at + "identity: '" + fs[0] + "' is not an identity (one word, at most 128 characters)";
            return false;
        }
        std::string why;
        if (!validToken(fs[1], why)) {
            error = at + "token of " + e.identity + ": " + why;
            return false;
        }
        e.digest = digestOf(fs[1]);
        if (!identities.insert(e.identity).second) {
            error = at + "identity: " + e.identity + " appears twice (one token per approver)";
            return false;
        }
        if (!digests.insert(e.digest).second) {
            error = at + "token of " + e.identity + ": the same token is given to another approver";
            return false;
        }
        out.entries_.push_back(std::move(e));
        return true;
    });
    if (!ok) return std::nullopt;
    if (out.entries_.empty()) {
        error = origin + ": no approvers (expected lines of 'identity token')";
        return std::nullopt;
    }
    return out;
}

std::optional<ApproverTokens> ApproverTokens::load(const std::string& path, std::string& error) {
    std::string text;
    if (!readSecretFile(path, "tokens file", text, error)) return std::nullopt;
    return parse(text, path, error);
}

std::optional<std::string> ApproverTokens::identityFor(std::string_view token) const {
    const auto d = digestOf(token);
    const Entry* match = nullptr;
    for (const Entry& e : entries_)  // no early exit: every entry is compared
        if (CRYPTO_memcmp(e.digest.data(), d.data(), d.size()) == 0) match = &e;
    if (!match) return std::nullopt;
    return match->identity;
}

std::optional<std::string> loadClientToken(const std::string& path, std::string& error) {
    std::string text;
    if (!readSecretFile(path, "token file", text, error)) return std::nullopt;
    std::optional<std::string> token;
    const bool ok = forEachLine(text, [&](int lineNo, const std::vector<std::string>& fs) {
        const std::string at = path + ":" + std::to_string(lineNo) + ": ";
        if (token || fs.size() > 2) {
            error = at + "expected one line holding the token (or 'identity token')";
            return false;
        }
        std::string why;
        if (!validToken(fs.back(), why)) {
            error = at + why;
            return false;
        }
        token = fs.back();
        return true;
    });
    if (!ok) return std::nullopt;
    if (!token) error = path + ": no token in the file";
    return token;
}

}  // namespace vigil::signoff
