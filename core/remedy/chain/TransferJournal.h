// The transfer journal in the SQLite store (schema step 5: transfers,
// transfer_sends). Every step is written before the action it describes: the
// nonce before the first send, a 'sending' row before each eth_sendTransaction.
// So after a crash the journal never claims less than happened, and the
// executor's reconcile() can tell "maybe sent" from "never sent".
#pragma once

#include "remedy/chain/Transfer.h"
#include "store/Database.h"
#include "store/Result.h"
#include "store/Statement.h"

#include <functional>

namespace vigil::remedy {

class TransferJournal {
public:
    // Give it its own connection: it switches that connection to
    // synchronous=FULL, so a journaled step survives a power cut too, not only
    // a process crash (WAL's NORMAL may lose the last commits on power loss,
    // and a lost 'nonce fixed' row is the one way to pay twice).
    explicit TransferJournal(store::Database& db);

    // Journals a new transfer as Planned. An existing key with the same
    // request returns false (already journaled); with a different request it
    // is an error: a key names exactly one transfer.
    store::Result<bool> insertIfAbsent(const TransferRequest& request, TimestampMs now);
    store::Result<std::optional<TransferRecord>> find(const std::string& key);
    // Transfers not in a final state, oldest first.
    store::Result<std::vector<TransferRecord>> open();

    store::Status fixNonce(const std::string& key, std::uint64_t nonce, std::uint64_t sentBlock, TimestampMs now);
    // Appends attempt `attempt` as 'sending' and moves the transfer to Sending, atomically.
    store::Status beginSend(const std::string& key, int attempt, const TxFees& fees, TimestampMs now);
    // Records the node's answer to a send, and the transfer's resulting state.
    store::Status finishSend(const std::string& key, int attempt, const std::string& txHash,
                             std::string_view outcome, TransferState state, const std::string& detail,
                             TimestampMs now);
    // Learns the hash of a send whose answer was lost (found in the node's pool).
    store::Status setSendHash(const std::string& key, int attempt, const std::string& txHash);
    store::Status setState(const std::string& key, TransferState state, const std::string& minedHash,
                           const std::string& detail, TimestampMs now);

private:
    store::Status run(const char* sql, const std::function<void(store::Statement&)>& bind);
    store::Result<std::vector<TransferRecord>> select(const char* where, const std::string& arg);

    store::Database& db_;
};

}  // namespace vigil::remedy
