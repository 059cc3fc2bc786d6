// A logical transfer and what the journal knows of it. One logical transfer =
// one idempotency key = one nonce, however many times it is (re)sent.
#pragma once

#include "record/Record.h"
#include "remedy/chain/FeeBumpReplacement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::remedy {

struct TransferRequest {
    std::string key;        // idempotency key, e.g. "<action id>" or "<incident>/<step>"
    std::string chain;
    std::string from;       // the signer's unlocked account (Vigil holds no keys)
    std::string to;
    std::string value;      // wei as a hex quantity ("0xde0b6b3a7640000")
    std::uint64_t gas = 21000;
    bool legacy = false;    // gasPrice instead of EIP-1559 fees

    // Same transfer (the key may only ever name one)?
    bool sameAs(const TransferRequest& o) const;
};

enum class TransferState {
    Planned,   // journaled, nonce not fixed, nothing sent
    Sending,   // a send started and its answer is unknown (crash or network failure)
    Pending,   // nonce fixed, the node has answered the latest send; waiting to be mined
    Mined,     // final: mined with status 1 (mined_hash says which send)
    Reverted,  // final: mined with status 0; never retried automatically
    Failed,    // final: refused for a reason a retry cannot fix (funds, rejected)
    Conflict,  // final: the nonce was used by a transaction that is not this transfer
};

std::string_view transferStateName(TransferState s);
std::optional<TransferState> parseTransferState(std::string_view s);
inline bool isFinal(TransferState s) {
    return s == TransferState::Mined || s == TransferState::Reverted || s == TransferState::Failed ||
           s == TransferState::Conflict;
}

struct SendAttempt {
    int attempt = 0;          // 1, 2, ... per transfer
    TimestampMs ts = 0;
    TxFees fees;
    std::string txHash;       // "" until (or unless) the node gave one
    std::string outcome;      // "sending", "sent", or a TxErrorClass name
};

struct TransferRecord {
    TransferRequest request;
    std::optional<std::uint64_t> nonce;
    std::optional<std::uint64_t> sentBlock;  // chain head before the first send
    TransferState state = TransferState::Planned;
    std::string minedHash;
    std::string detail;
    TimestampMs created = 0;
    TimestampMs updated = 0;
    std::vector<SendAttempt> sends;

    const SendAttempt* lastSend() const { return sends.empty() ? nullptr : &sends.back(); }
};

}  // namespace vigil::remedy
