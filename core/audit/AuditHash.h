// The audit log's hashing rules: the canonical form of an entry, its SHA-256,
// and the HMAC seal over the chain head (OpenSSL EVP). docs/remediation.md,
// "Audit log", states the same rules for anyone checking a log by hand.
#pragma once

#include "store/AuditEntry.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::audit {

// prev_hash of entry 1, and the head hash of an empty log.
inline const std::string kGenesisHash(64, '0');

// The exact bytes hashed for an entry (its `hash` field is not part of it):
//   "vigil-audit-v1\n"
//   "seq=" <decimal> "\n"  "ts=" <decimal> "\n"
//   "kind=" <byte length> ":" <bytes> "\n"
//   "subject=" <byte length> ":" <bytes> "\n"
//   "body=" <byte length> ":" <bytes> "\n"
//   "prev_hash=" <64 lowercase hex digits> "\n"
// Length prefixes make the form unambiguous whatever the text fields contain.
std::string canonicalForm(const store::AuditEntry& e);

// Lowercase hex SHA-256 of canonicalForm(e).
std::string entryHash(const store::AuditEntry& e);

// The seal: HMAC-SHA256 under the audit key of
//   "vigil-audit-seal-v1\n" <head seq decimal> "\n" <head hash> "\n",
// lowercase hex. It ties the key holder to the last entry, so a truncated tail
// or a rewritten chain cannot be re-sealed without the key.
std::string sealMac(const std::vector<unsigned char>& key, std::int64_t headSeq, std::string_view headHash);

// Constant-time comparison of two hex strings (a MAC check must not leak how
// many leading characters matched).
bool sameMac(std::string_view a, std::string_view b);

// The seal as stored in the meta table (key kSealMetaKey):
// "v1 <head seq> <head hash> <mac>".
inline constexpr const char* kSealMetaKey = "audit_seal";
struct Seal {
    std::int64_t headSeq = 0;
    std::string headHash = kGenesisHash;
    std::string mac;
};
std::string formatSeal(const Seal& s);
// False (with a reason) when the text is not a well-formed seal.
bool parseSeal(std::string_view text, Seal& out, std::string& error);

}  // namespace vigil::audit
