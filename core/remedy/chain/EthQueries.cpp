#include "remedy/chain/EthQueries.h"

#include "net/Json.h"

#include <simdjson.h>

#include <cctype>

namespace vigil::remedy {

using net::jsonQuote;
using net::toQuantity;

std::string lowerHex(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<std::string> EthQueries::result(std::string_view method, const std::string& params) {
    auto r = rpc_.call(method, params);
    lastError_ = r.error;
    if (!r.ok()) {
        error_ = std::string(method) + ": " + r.message;
        return std::nullopt;
    }
    error_.clear();
    return std::move(r.result);
}

std::optional<std::uint64_t> EthQueries::transactionCount(const std::string& address, const char* tag) {
    auto r = result("eth_getTransactionCount", "[" + jsonQuote(address) + "," + jsonQuote(tag) + "]");
    if (!r) return std::nullopt;
    auto v = net::jsonQuantity(*r);
    if (!v) error_ = "eth_getTransactionCount: not a quantity: " + *r;
    return v;
}

std::optional<std::uint64_t> EthQueries::blockNumber() {
    auto r = result("eth_blockNumber", "[]");
    if (!r) return std::nullopt;
    auto v = net::jsonQuantity(*r);
    if (!v) error_ = "eth_blockNumber: not a quantity: " + *r;
    return v;
}

std::optional<FeeSuggestion> EthQueries::feeSuggestion() {
    FeeSuggestion f;
    auto block = result("eth_getBlockByNumber", R"(["latest",false])");
    if (!block) return std::nullopt;
    f.baseFee = net::jsonQuantity(*block, "/baseFeePerGas").value_or(0);  // 0 before London
    auto tip = result("eth_maxPriorityFeePerGas", "[]");
    if (!tip) return std::nullopt;
    f.priorityFee = net::jsonQuantity(*tip).value_or(0);
    auto price = result("eth_gasPrice", "[]");
    if (!price) return std::nullopt;
    f.gasPrice = net::jsonQuantity(*price).value_or(0);
    return f;
}

std::optional<TxReceipt> EthQueries::receipt(const std::string& hash) {
    auto r = result("eth_getTransactionReceipt", "[" + jsonQuote(hash) + "]");
    if (!r || net::jsonIsNull(*r)) return std::nullopt;
    TxReceipt t;
    t.success = net::jsonQuantity(*r, "/status").value_or(0) == 1;
    t.block = net::jsonQuantity(*r, "/blockNumber").value_or(0);
    return t;
}

std::optional<bool> EthQueries::knows(const std::string& hash) {
    auto r = result("eth_getTransactionByHash", "[" + jsonQuote(hash) + "]");
    if (!r) return std::nullopt;
    return !net::jsonIsNull(*r);
}

std::optional<ChainTx> EthQueries::pooled(const std::string& from, std::uint64_t nonce) {
    auto r = result("txpool_content", "[]");
    if (!r) return std::nullopt;
    const std::string at = "/pending/" + lowerHex(from) + "/" + std::to_string(nonce);
    auto hash = net::jsonString(*r, at + "/hash");
    if (!hash) return std::nullopt;
    return ChainTx{*hash, net::jsonString(*r, at + "/to").value_or(""), net::jsonString(*r, at + "/value").value_or("")};
}

std::optional<ChainTx> EthQueries::minedInBlocks(const std::string& from, std::uint64_t nonce, std::uint64_t first,
                                                 std::uint64_t last) {
    const std::string sender = lowerHex(from);
    simdjson::dom::parser parser;
    for (std::uint64_t b = first; b <= last; ++b) {
        auto block = result("eth_getBlockByNumber", "[" + jsonQuote(toQuantity(b)) + ",true]");
        if (!block) return std::nullopt;
        simdjson::dom::array txs;
        if (parser.parse(simdjson::padded_string(*block))["transactions"].get(txs)) continue;
        for (simdjson::dom::element tx : txs) {
            std::string_view txFrom, txNonce, hash, to, value;
            if (tx["from"].get(txFrom) || tx["nonce"].get(txNonce) || tx["hash"].get(hash)) continue;
            if (lowerHex(std::string(txFrom)) != sender || net::parseQuantity(txNonce) != nonce) continue;
            if (tx["to"].get(to)) to = {};  // contract creation: no "to"
            if (tx["value"].get(value)) value = {};
            return ChainTx{std::string(hash), std::string(to), std::string(value)};
        }
    }
    return std::nullopt;
}

net::RpcResponse EthQueries::sendTransaction(const TransferRequest& r, std::uint64_t nonce, const TxFees& fees) {
    net::JsonObject tx;
    tx.add("from", r.from).add("to", r.to).add("value", r.value).addQuantity("gas", r.gas).addQuantity("nonce", nonce);
    if (fees.legacy) {
        tx.addQuantity("gasPrice", fees.gasPrice);
    } else {
        tx.addQuantity("maxFeePerGas", fees.maxFeePerGas).addQuantity("maxPriorityFeePerGas", fees.maxPriorityFeePerGas);
    }
    return rpc_.call("eth_sendTransaction", "[" + tx.str() + "]");
}

}  // namespace vigil::remedy
