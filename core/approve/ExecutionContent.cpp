#include "approve/ExecutionContent.h"

#include "approve/CanonicalJson.h"

namespace vigil::approve {

std::string transferContent(const TransferDryRun& tx) {
    CanonicalObject o;
    o.set("action", tx.action)
        .set("chain", tx.chain)
        .set("from", tx.from)
        .set("to", tx.to)
        .set("value_wei", remedy::weiToString(tx.value))
        .set("max_fee_per_gas_wei", remedy::weiToString(tx.maxFeePerGas))
        .set("max_priority_fee_per_gas_wei", remedy::weiToString(tx.maxPriorityFeePerGas))
        .set("gas_limit", tx.gasLimit)
        .set("nonce", tx.nonce)
        .set("data", tx.data);
    return o.text();
}

std::string actionContent(const std::string& kind, const std::string& target,
                          const std::map<std::string, std::string>& params) {
    CanonicalObject o;
    o.set("action", kind).set("target", target);
    for (const auto& [k, v] : params) o.set("param." + k, v);
    return o.text();
}

}  // namespace vigil::approve
