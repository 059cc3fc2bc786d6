// Fees for a transfer's first send and for each replacement of it. A
// replacement keeps the nonce and raises every fee by at least bumpPercent
// (>= 10 %, the rule geth-family mempools enforce; anvil accepts less, so
// Vigil checks it itself): for EIP-1559 both maxFeePerGas and
// maxPriorityFeePerGas, for a legacy transaction gasPrice. No fee ever goes
// above the policy's cap: when the next bump would, there is no replacement
// and the caller escalates instead of overpaying.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vigil::remedy {

struct TxFees {
    bool legacy = false;
    std::uint64_t maxFeePerGas = 0;          // EIP-1559
    std::uint64_t maxPriorityFeePerGas = 0;  // EIP-1559
    std::uint64_t gasPrice = 0;              // legacy
    bool operator==(const TxFees&) const = default;
};

// What the node suggests now (eth_getBlockByNumber's baseFeePerGas,
// eth_maxPriorityFeePerGas, eth_gasPrice).
struct FeeSuggestion {
    std::uint64_t baseFee = 0;
    std::uint64_t priorityFee = 0;
    std::uint64_t gasPrice = 0;
};

struct BumpPolicy {
    int bumpPercent = 12;  // raised to 10 if configured lower
    std::uint64_t maxFeeCap = 500'000'000'000;  // wei per gas (500 gwei): maxFeePerGas or gasPrice
};

class FeeBumpReplacement {
public:
    explicit FeeBumpReplacement(BumpPolicy policy);

    // First send: tip as suggested, maxFee = 2 x baseFee + tip (room for two
    // full blocks of base-fee rises), both within the cap.
    std::optional<TxFees> initial(const FeeSuggestion& now, bool legacy, std::string& why) const;
    // The replacement of a transaction sent with `prev`: every fee >= prev x
    // (100 + bumpPercent) %, and at least what the node now suggests.
    std::optional<TxFees> bump(const TxFees& prev, const FeeSuggestion& now, std::string& why) const;

    // Does `next` raise every fee of `prev` by at least `percent`?
    static bool raisesAll(const TxFees& prev, const TxFees& next, int percent = 10);
    // ceil(v x (100 + percent) / 100), without overflow.
    static std::uint64_t raised(std::uint64_t v, int percent);

    const BumpPolicy& policy() const { return policy_; }

private:
    BumpPolicy policy_;
};

}  // namespace vigil::remedy
