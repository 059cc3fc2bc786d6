// Sends logical transfers through a signer endpoint's eth_sendTransaction and
// sees each through to a final state without ever paying twice:
//  - one idempotency key = one journal row = one nonce, fixed (journaled)
//    before the first send; every resend and replacement reuses it, so at most
//    one of them can be mined;
//  - each send is journaled as 'sending' before it goes out, so after a crash
//    (or a send whose answer was lost) the executor asks the chain what
//    happened before doing anything;
//  - a transaction still pending stuckAfterMs after its latest send is
//    replaced with every fee raised (FeeBumpReplacement), up to the cap;
//  - errors are classified (TxErrorClass) and handled per class: a revert,
//    missing funds or a rejection are final and escalated, never retried.
// Decisions use the injected clock; nothing reads the wall clock.
#pragma once

#include "net/RpcCaller.h"
#include "record/Clock.h"
#include "remedy/chain/EthQueries.h"
#include "remedy/chain/FeeBumpReplacement.h"
#include "remedy/chain/TransferJournal.h"
#include "remedy/chain/TxErrorClass.h"

namespace vigil::remedy {

struct ExecutorConfig {
    BumpPolicy fees;
    TimestampMs stuckAfterMs = 30'000;  // pending this long after the latest send: replace it
    std::uint64_t scanBlocks = 256;     // how far back reconcile looks for a mined nonce
};

struct TransferOutcome {
    std::string key;
    TransferState state = TransferState::Planned;
    TxErrorClass lastError = TxErrorClass::None;
    std::string txHash;    // the mined hash once mined, else the latest known send's
    std::string detail;    // why, in words
    bool escalate = false; // a person has to look: at the fee cap, failed, conflict
    int sends = 0;         // send attempts journaled for this transfer
};

class TransferExecutor {
public:
    TransferExecutor(net::RpcCaller& signer, TransferJournal& journal, const Clock& clock,
                     ExecutorConfig config = {});

    // Journals the transfer (or finds it by key) and moves it one step on:
    // sends it the first time, otherwise the same as advance(key).
    TransferOutcome submit(const TransferRequest& request);
    // One step for a journaled transfer: settle if mined, learn a lost send's
    // fate, resend a dropped one, replace a stuck one. Safe to call any time.
    TransferOutcome advance(const std::string& key);
    // On start-up: every open transfer in the journal checked against the chain.
    std::vector<TransferOutcome> reconcile();

    // eth_sendTransaction calls this object made (tests assert on it).
    std::uint64_t sendsIssued() const { return sendsIssued_; }

private:
    TransferOutcome step(TransferRecord& t);
    TransferOutcome firstSend(TransferRecord& t);
    TransferOutcome send(TransferRecord& t, const TxFees& fees);
    std::optional<TransferOutcome> settleIfMined(TransferRecord& t);
    TransferOutcome report(const std::string& key, TxErrorClass cls, std::string detail, bool escalate);
    TransferOutcome journalFailure(const std::string& key, const std::string& error);

    EthQueries eth_;
    TransferJournal& journal_;
    const Clock& clock_;
    ExecutorConfig config_;
    FeeBumpReplacement bumper_;
    std::uint64_t sendsIssued_ = 0;
};

}  // namespace vigil::remedy
