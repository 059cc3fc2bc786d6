// One bearer token per approver: who is calling the sign-off service comes
// from the token, never from the request body. The tokens file (mode 0600,
// docs/signoff.md) holds one approver per line:
//
//   # identity   token (at least 32 characters of A-Z a-z 0-9 - . _ ~ + / =)
//   alice        6f1c0d6e5b0c4f2a9e3d7b8a1c2e4f60
//
// '#' starts a comment (tokens never hold one). Identities follow the gate's rules (trimmed, case-insensitive, one word);
// an identity or a token appearing twice is an error naming the line.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::signoff {

inline constexpr std::size_t kMinTokenChars = 32;

// RFC 6750's b64token alphabet and kMinTokenChars; false with the reason.
bool validToken(std::string_view token, std::string& why);

class ApproverTokens {
public:
    // Reads and checks the file (mode, owner, syntax); "FILE:LINE: reason" or
    // "FILE: reason" in error. An empty file (no approvers) is an error too:
    // a service nobody can use is a mistake, not a configuration.
    static std::optional<ApproverTokens> load(const std::string& path, std::string& error);
    // The same from text (tests; `origin` names it in messages).
    static std::optional<ApproverTokens> parse(std::string_view text, const std::string& origin, std::string& error);

    // The identity holding `token`, compared in constant time against every
    // entry (by SHA-256 digest, so the comparison's length is fixed too).
    std::optional<std::string> identityFor(std::string_view token) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string identity;
        std::array<unsigned char, 32> digest{};
    };
    std::vector<Entry> entries_;
};

// The client side: a token file holding one token (or one "identity token"
// line, the same format as the service's); mode-checked the same way.
std::optional<std::string> loadClientToken(const std::string& path, std::string& error);

}  // namespace vigil::signoff
