// The exact content an approval binds to, as canonical JSON: for a transfer
// (or a fee-bump replacement) the dry run of what would be sent — chain, from,
// to, value, both fee fields, gas limit, nonce, calldata; for other actions
// their kind, target and parameters. The executor builds the same text from
// what it is about to send and ApprovalGate::authorize compares the hashes.
#pragma once

#include "remedy/Wei.h"

#include <cstdint>
#include <map>
#include <string>

namespace vigil::approve {

struct TransferDryRun {
    std::string action = "transfer";  // or "retry_tx" for a replacement
    std::string chain;
    std::string from;
    std::string to;
    remedy::Wei value = 0;
    remedy::Wei maxFeePerGas = 0;          // EIP-1559 fee cap (legacy: gas price)
    remedy::Wei maxPriorityFeePerGas = 0;  // EIP-1559 tip (legacy: 0)
    std::int64_t gasLimit = 21'000;
    std::int64_t nonce = 0;
    std::string data;  // hex calldata, "" for a plain transfer
};

std::string transferContent(const TransferDryRun& tx);
std::string actionContent(const std::string& kind, const std::string& target,
                          const std::map<std::string, std::string>& params);

}  // namespace vigil::approve
