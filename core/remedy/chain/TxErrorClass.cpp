#include "remedy/chain/TxErrorClass.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace vigil::remedy {

namespace {

bool has(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

// Nodes word these differently (geth, anvil, erigon, nethermind); the codes
// are not standardised beyond EIP-1474's -32000/-32003, so the message decides.
TxErrorClass classifyTxError(const net::RpcResponse& r) {
    if (r.error == net::NetError::None) return TxErrorClass::None;
    if (r.error != net::NetError::RpcError) return TxErrorClass::Network;
    std::string m = r.message;
    std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::tolower(c); });
    if (has(m, "already known") || has(m, "already imported") || has(m, "known transaction"))
        return TxErrorClass::AlreadyKnown;
    if (r.code == 3 || has(m, "revert")) return TxErrorClass::Reverted;
    if (has(m, "replacement transaction underpriced") || has(m, "replacement underpriced"))
        return TxErrorClass::ReplacementUnderpriced;
    if (has(m, "underpriced") || has(m, "less than block base fee") || has(m, "fee cap less than") ||
        has(m, "max fee per gas less than") || has(m, "gas price too low"))
        return TxErrorClass::Underpriced;
    if (has(m, "nonce too low") || has(m, "nonce has already been used")) return TxErrorClass::NonceTooLow;
    if (has(m, "insufficient funds")) return TxErrorClass::InsufficientFunds;
    if (r.code == -32005 || has(m, "rate limit") || has(m, "limit exceeded")) return TxErrorClass::Network;
    return TxErrorClass::Rejected;
}

std::string_view txErrorClassName(TxErrorClass c) {
    switch (c) {
    case TxErrorClass::None: return "none";
    case TxErrorClass::AlreadyKnown: return "already-known";
    case TxErrorClass::Reverted: return "reverted";
    case TxErrorClass::Underpriced: return "underpriced";
    case TxErrorClass::ReplacementUnderpriced: return "replacement-underpriced";
    case TxErrorClass::NonceTooLow: return "nonce-too-low";
    case TxErrorClass::InsufficientFunds: return "insufficient-funds";
    case TxErrorClass::Network: return "network";
    case TxErrorClass::Rejected: return "rejected";
    }
    return "?";
}

bool isRetryable(TxErrorClass c) {
    return c == TxErrorClass::Underpriced || c == TxErrorClass::ReplacementUnderpriced ||
           c == TxErrorClass::Network;
}

}  // namespace vigil::remedy
