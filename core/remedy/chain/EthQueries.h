// The handful of Ethereum JSON-RPC calls the transfer executor needs, typed.
// Each returns nullopt when the node did not answer usefully; error() then
// says why (endpoint and reason), for the journal's detail and the report.
#pragma once

#include "net/RpcCaller.h"
#include "remedy/chain/FeeBumpReplacement.h"
#include "remedy/chain/Transfer.h"

#include <optional>
#include <string>

namespace vigil::remedy {

struct TxReceipt {
    bool success = false;      // status 0x1
    std::uint64_t block = 0;
};

// A transaction as the chain shows it (found by sender and nonce).
struct ChainTx {
    std::string hash;
    std::string to;
    std::string value;
};

class EthQueries {
public:
    explicit EthQueries(net::RpcCaller& rpc) : rpc_(rpc) {}

    std::optional<std::uint64_t> transactionCount(const std::string& address, const char* tag);
    std::optional<std::uint64_t> blockNumber();
    std::optional<FeeSuggestion> feeSuggestion();
    // nullopt with error() empty: no receipt yet (not mined).
    std::optional<TxReceipt> receipt(const std::string& hash);
    // Does the node know this hash (in its pool or mined)? nullopt: no answer.
    std::optional<bool> knows(const std::string& hash);
    // The pending transaction of `from` with `nonce` in the node's pool
    // (txpool_content, a geth/anvil extension; nullopt where unsupported).
    std::optional<ChainTx> pooled(const std::string& from, std::uint64_t nonce);
    // The mined transaction of `from` with `nonce` in blocks [first, last].
    std::optional<ChainTx> minedInBlocks(const std::string& from, std::uint64_t nonce, std::uint64_t first,
                                         std::uint64_t last);
    net::RpcResponse sendTransaction(const TransferRequest& r, std::uint64_t nonce, const TxFees& fees);

    const std::string& error() const { return error_; }
    // Did the last call fail for want of an answer (as opposed to the node
    // answering with an error, e.g. "method not supported")?
    bool unreachable() const { return net::isTransportFailure(lastError_); }

private:
    std::optional<std::string> result(std::string_view method, const std::string& params);

    net::RpcCaller& rpc_;
    std::string error_;
    net::NetError lastError_ = net::NetError::None;
};

std::string lowerHex(std::string s);

}  // namespace vigil::remedy
