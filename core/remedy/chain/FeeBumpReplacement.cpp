#include "remedy/chain/FeeBumpReplacement.h"

#include <algorithm>
#include <limits>

namespace vigil::remedy {

FeeBumpReplacement::FeeBumpReplacement(BumpPolicy policy) : policy_(policy) {
    policy_.bumpPercent = std::max(policy_.bumpPercent, 10);
}

std::uint64_t FeeBumpReplacement::raised(std::uint64_t v, int percent) {
    const unsigned __int128 r = (static_cast<unsigned __int128>(v) * (100 + percent) + 99) / 100;
    return r > std::numeric_limits<std::uint64_t>::max() ? std::numeric_limits<std::uint64_t>::max()
                                                         : static_cast<std::uint64_t>(r);
}

bool FeeBumpReplacement::raisesAll(const TxFees& prev, const TxFees& next, int percent) {
    if (prev.legacy != next.legacy) return false;
    if (prev.legacy) return next.gasPrice >= raised(prev.gasPrice, percent);
    return next.maxFeePerGas >= raised(prev.maxFeePerGas, percent) &&
           next.maxPriorityFeePerGas >= raised(prev.maxPriorityFeePerGas, percent);
}

namespace {

std::string gwei(std::uint64_t wei) {
    return std::to_string(wei / 1'000'000'000) + "." +
           std::to_string(wei % 1'000'000'000 + 1'000'000'000).substr(1, 3) + " gwei";
}

}  // namespace

std::optional<TxFees> FeeBumpReplacement::initial(const FeeSuggestion& now, bool legacy, std::string& why) const {
    TxFees f;
    f.legacy = legacy;
    if (legacy) {
        f.gasPrice = std::max<std::uint64_t>(now.gasPrice, 1);
        if (f.gasPrice > policy_.maxFeeCap) {
            why = "gas price " + gwei(f.gasPrice) + " is above the cap " + gwei(policy_.maxFeeCap);
            return std::nullopt;
        }
        return f;
    }
    f.maxPriorityFeePerGas = std::max<std::uint64_t>(now.priorityFee, 1);
    const std::uint64_t floor = now.baseFee + f.maxPriorityFeePerGas;
    if (floor > policy_.maxFeeCap) {
        why = "base fee + tip " + gwei(floor) + " is above the cap " + gwei(policy_.maxFeeCap);
        return std::nullopt;
    }
    f.maxFeePerGas = std::min(policy_.maxFeeCap, 2 * now.baseFee + f.maxPriorityFeePerGas);
    return f;
}

std::optional<TxFees> FeeBumpReplacement::bump(const TxFees& prev, const FeeSuggestion& now, std::string& why) const {
    const int p = policy_.bumpPercent;
    TxFees f;
    f.legacy = prev.legacy;
    if (prev.legacy) {
        f.gasPrice = std::max(raised(prev.gasPrice, p), now.gasPrice);
        if (f.gasPrice > policy_.maxFeeCap) {
            why = "the replacement's gas price " + gwei(f.gasPrice) + " would exceed the cap " +
                  gwei(policy_.maxFeeCap);
            return std::nullopt;
        }
        return f;
    }
    f.maxPriorityFeePerGas = std::max(raised(prev.maxPriorityFeePerGas, p), now.priorityFee);
    const std::uint64_t needMax = std::max(raised(prev.maxFeePerGas, p), f.maxPriorityFeePerGas);
    if (needMax > policy_.maxFeeCap) {
        why = "the replacement's max fee " + gwei(needMax) + " would exceed the cap " + gwei(policy_.maxFeeCap);
        return std::nullopt;
    }
    // Enough to be mined now if the cap allows; never less than the bump.
    f.maxFeePerGas = std::max(needMax, std::min(policy_.maxFeeCap, now.baseFee + f.maxPriorityFeePerGas));
    return f;
}

}  // namespace vigil::remedy
