#include "audit/AuditHash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <sstream>
#include <stdexcept>

namespace vigil::audit {

namespace {

void appendField(std::string& out, std::string_view name, std::string_view value) {
    out.append(name);
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out.append(value);
    out += '\n';
}

std::string hex(const unsigned char* p, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string s(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        s[2 * i] = digits[p[i] >> 4];
        s[2 * i + 1] = digits[p[i] & 0xF];
    }
    return s;
}

bool isHex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

std::string canonicalForm(const store::AuditEntry& e) {
    std::string out = "vigil-audit-v1\n";
    out += "seq=" + std::to_string(e.seq) + "\n";
    out += "ts=" + std::to_string(e.ts) + "\n";
    appendField(out, "kind", e.kind);
    appendField(out, "subject", e.subject);
    appendField(out, "body", e.body);
    out += "prev_hash=" + e.prev_hash + "\n";
    return out;
}

std::string entryHash(const store::AuditEntry& e) {
    const std::string text = canonicalForm(e);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
    return hex(md, len);
}

std::string sealMac(const std::vector<unsigned char>& key, std::int64_t headSeq, std::string_view headHash) {
    std::string text = "vigil-audit-seal-v1\n" + std::to_string(headSeq) + "\n";
    text.append(headHash);
    text += '\n';
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
         text.size(), md, &len);
    return hex(md, len);
}

bool sameMac(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string formatSeal(const Seal& s) {
    return "v1 " + std::to_string(s.headSeq) + " " + s.headHash + " " + s.mac;
}

bool parseSeal(std::string_view text, Seal& out, std::string& error) {
    std::istringstream in{std::string(text)};
    std::string version, seq, hash, mac, extra;
    in >> version >> seq >> hash >> mac;
    if (version != "v1" || seq.empty() || !isHex64(hash) || !isHex64(mac) || (in >> extra)) {
        error = "malformed seal '" + std::string(text) + "' (expected 'v1 <seq> <hash> <mac>')";
        return false;
    }
    try {
        std::size_t used = 0;
        out.headSeq = std::stoll(seq, &used);
        if (used != seq.size() || out.headSeq < 0) throw std::invalid_argument(seq);
    } catch (const std::exception&) {
        error = "malformed seal: head seq '" + seq + "' is not a number";
        return false;
    }
    out.headHash = hash;
    out.mac = mac;
    return true;
}

}  // namespace vigil::audit
