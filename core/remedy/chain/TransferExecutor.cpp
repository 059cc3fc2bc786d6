#include "remedy/chain/TransferExecutor.h"

#include "net/Json.h"

namespace vigil::remedy {

namespace {

// The send the node holds for this transfer: the latest that was accepted
// (or that the node already knew). Rejected sends never entered its pool.
const SendAttempt* liveSend(const TransferRecord& t) {
    for (auto it = t.sends.rbegin(); it != t.sends.rend(); ++it)
        if (it->outcome == "sent" || it->outcome == "already-known") return &*it;
    return nullptr;
}

bool matches(const TransferRecord& t, const ChainTx& tx) {
    return lowerHex(tx.to) == lowerHex(t.request.to) && lowerHex(tx.value) == lowerHex(t.request.value);
}

}  // namespace

TransferExecutor::TransferExecutor(net::RpcCaller& signer, TransferJournal& journal, const Clock& clock,
                                   ExecutorConfig config)
    : eth_(signer), journal_(journal), clock_(clock), config_(config), bumper_(config.fees) {}

TransferOutcome TransferExecutor::report(const std::string& key, TxErrorClass cls, std::string detail,
                                         bool escalate) {
    TransferOutcome o;
    o.key = key;
    o.lastError = cls;
    o.detail = std::move(detail);
    o.escalate = escalate;
    auto t = journal_.find(key);
    if (t && *t) {
        const auto& r = **t;
        o.state = r.state;
        o.sends = static_cast<int>(r.sends.size());
        if (!r.minedHash.empty()) o.txHash = r.minedHash;
        else if (const auto* live = liveSend(r)) o.txHash = live->txHash;
        if (o.detail.empty()) o.detail = r.detail;
    }
    return o;
}

TransferOutcome TransferExecutor::journalFailure(const std::string& key, const std::string& error) {
    TransferOutcome o;
    o.key = key;
    o.lastError = TxErrorClass::Rejected;
    o.detail = "journal: " + error;
    o.escalate = true;
    return o;
}

TransferOutcome TransferExecutor::submit(const TransferRequest& request) {
    auto inserted = journal_.insertIfAbsent(request, clock_.now());
    if (!inserted) return journalFailure(request.key, inserted.error());
    return advance(request.key);
}

TransferOutcome TransferExecutor::advance(const std::string& key) {
    auto found = journal_.find(key);
    if (!found) return journalFailure(key, found.error());
    if (!*found) return journalFailure(key, "no transfer with key '" + key + "'");
    return step(**found);
}

std::vector<TransferOutcome> TransferExecutor::reconcile() {
    std::vector<TransferOutcome> out;
    auto open = journal_.open();
    if (!open) {
        out.push_back(journalFailure("*", open.error()));
        return out;
    }
    for (auto& t : *open) out.push_back(step(t));
    return out;
}

TransferOutcome TransferExecutor::step(TransferRecord& t) {
    const std::string& key = t.request.key;
    if (isFinal(t.state)) return report(key, TxErrorClass::None, "", t.state != TransferState::Mined);
    if (!t.nonce) return firstSend(t);
    if (auto settled = settleIfMined(t)) return *settled;

    const SendAttempt* last = t.lastSend();
    if (!last) {  // nonce fixed, crashed before the first send was journaled
        std::string why;
        auto now = eth_.feeSuggestion();
        if (!now) return report(key, TxErrorClass::Network, eth_.error(), false);
        auto fees = bumper_.initial(*now, t.request.legacy, why);
        if (!fees) return report(key, TxErrorClass::Underpriced, why, true);
        return send(t, *fees);
    }
    if (t.state == TransferState::Sending) {
        // The answer to the latest send is unknown. If the node holds our
        // nonce, that is our transaction: learn its hash. Otherwise send the
        // very same transaction again (same nonce, same fees): harmless if it
        // did arrive, since the node then reports it as known.
        if (auto pooled = eth_.pooled(t.request.from, *t.nonce)) {
            if (!matches(t, *pooled)) {
                journal_.setState(key, TransferState::Conflict, "",
                                  "nonce " + std::to_string(*t.nonce) + " is taken in the pool by " + pooled->hash +
                                      ", which is not this transfer", clock_.now());
                return report(key, TxErrorClass::NonceTooLow, "", true);
            }
            auto s = journal_.finishSend(key, last->attempt, pooled->hash, "sent", TransferState::Pending,
                                         "found in the node's pool after an unanswered send", clock_.now());
            if (!s) return journalFailure(key, s.error());
            return report(key, TxErrorClass::None, "", false);
        }
        // No answer at all: try again later rather than journal a send per step.
        if (eth_.unreachable()) return report(key, TxErrorClass::Network, eth_.error(), false);
        return send(t, last->fees);
    }

    // Pending: the node answered the latest send.
    const SendAttempt* live = liveSend(t);
    const TimestampMs now = clock_.now();
    if (last->outcome == txErrorClassName(TxErrorClass::Underpriced) ||
        last->outcome == txErrorClassName(TxErrorClass::ReplacementUnderpriced)) {
        auto suggestion = eth_.feeSuggestion();
        if (!suggestion) return report(key, TxErrorClass::Network, eth_.error(), false);
        std::string why;
        auto fees = bumper_.bump(last->fees, *suggestion, why);
        if (!fees) return report(key, TxErrorClass::Underpriced, "stuck at the fee cap: " + why, true);
        return send(t, *fees);
    }
    if (!live) return report(key, TxErrorClass::Rejected, "", true);  // nothing in flight; escalated before
    if (last != live) return report(key, TxErrorClass::Rejected, "", true);  // replacement refused: wait on live
    if (!live->txHash.empty()) {
        auto known = eth_.knows(live->txHash);
        if (!known) return report(key, TxErrorClass::Network, eth_.error(), false);
        if (!*known) return send(t, live->fees);  // dropped from the pool: same nonce, same fees again
    }
    if (now - live->ts < config_.stuckAfterMs) return report(key, TxErrorClass::None, "", false);
    auto suggestion = eth_.feeSuggestion();
    if (!suggestion) return report(key, TxErrorClass::Network, eth_.error(), false);
    std::string why;
    auto fees = bumper_.bump(live->fees, *suggestion, why);
    if (!fees) {
        journal_.setState(key, TransferState::Pending, "", "stuck at the fee cap: " + why, now);
        return report(key, TxErrorClass::None, "stuck at the fee cap: " + why, true);
    }
    return send(t, *fees);
}

TransferOutcome TransferExecutor::firstSend(TransferRecord& t) {
    const std::string& key = t.request.key;
    auto nonce = eth_.transactionCount(t.request.from, "pending");
    if (!nonce) return report(key, TxErrorClass::Network, eth_.error(), false);
    auto head = eth_.blockNumber();
    if (!head) return report(key, TxErrorClass::Network, eth_.error(), false);
    auto suggestion = eth_.feeSuggestion();
    if (!suggestion) return report(key, TxErrorClass::Network, eth_.error(), false);
    std::string why;
    auto fees = bumper_.initial(*suggestion, t.request.legacy, why);
    if (!fees) return report(key, TxErrorClass::Underpriced, "not sent: " + why, true);
    if (auto s = journal_.fixNonce(key, *nonce, *head, clock_.now()); !s) return journalFailure(key, s.error());
    // Use the journal's nonce, not ours: if another executor fixed one first,
    // that is the transfer's nonce and this one must not send with another.
    auto fixed = journal_.find(key);
    if (!fixed || !*fixed) return journalFailure(key, fixed ? "transfer vanished" : fixed.error());
    if ((*fixed)->nonce != nonce || !(*fixed)->sends.empty()) return step(**fixed);
    t = std::move(**fixed);
    return send(t, *fees);
}

TransferOutcome TransferExecutor::send(TransferRecord& t, const TxFees& fees) {
    const std::string& key = t.request.key;
    const int attempt = static_cast<int>(t.sends.size()) + 1;
    if (auto s = journal_.beginSend(key, attempt, fees, clock_.now()); !s) return journalFailure(key, s.error());
    ++sendsIssued_;
    const auto r = eth_.sendTransaction(t.request, *t.nonce, fees);
    const TxErrorClass cls = classifyTxError(r);
    const TimestampMs now = clock_.now();
    const bool hadLive = liveSend(t) != nullptr;
    store::Status s;
    switch (cls) {
    case TxErrorClass::None:
        s = journal_.finishSend(key, attempt, net::jsonString(r.result).value_or(""), "sent", TransferState::Pending,
                                "", now);
        break;
    case TxErrorClass::AlreadyKnown: {
        const auto pooled = eth_.pooled(t.request.from, *t.nonce);
        s = journal_.finishSend(key, attempt, pooled ? pooled->hash : "", "already-known", TransferState::Pending,
                                "", now);
        break;
    }
    case TxErrorClass::Network:  // may or may not have arrived: the next step finds out
        s = journal_.finishSend(key, attempt, "", "network", TransferState::Sending, r.message, now);
        break;
    case TxErrorClass::Underpriced:
    case TxErrorClass::ReplacementUnderpriced:
        s = journal_.finishSend(key, attempt, "", txErrorClassName(cls), TransferState::Pending, r.message, now);
        break;
    case TxErrorClass::NonceTooLow: {
        s = journal_.finishSend(key, attempt, "", txErrorClassName(cls), TransferState::Pending, r.message, now);
        if (!s) return journalFailure(key, s.error());
        auto again = journal_.find(key);
        if (again && *again) {
            if (auto settled = settleIfMined(**again)) return *settled;
        }
        return report(key, cls, r.message, false);
    }
    case TxErrorClass::Reverted:
    case TxErrorClass::InsufficientFunds:
    case TxErrorClass::Rejected:
        // Final when nothing of ours is in flight; otherwise the earlier send
        // may still be mined, so the transfer stays pending and a person looks.
        s = journal_.finishSend(key, attempt, "", txErrorClassName(cls),
                                hadLive ? TransferState::Pending : TransferState::Failed,
                                std::string(txErrorClassName(cls)) + ": " + r.message, now);
        if (!s) return journalFailure(key, s.error());
        return report(key, cls, "", true);
    }
    if (!s) return journalFailure(key, s.error());
    return report(key, cls, cls == TxErrorClass::None ? "" : r.message, false);
}

std::optional<TransferOutcome> TransferExecutor::settleIfMined(TransferRecord& t) {
    const std::string& key = t.request.key;
    const TimestampMs now = clock_.now();
    for (const auto& send : t.sends) {
        if (send.txHash.empty()) continue;
        auto rc = eth_.receipt(send.txHash);
        if (!rc) {
            if (!eth_.error().empty()) return report(key, TxErrorClass::Network, eth_.error(), false);
            continue;
        }
        const auto state = rc->success ? TransferState::Mined : TransferState::Reverted;
        const std::string detail = "mined in block " + std::to_string(rc->block) + " (send " +
                                   std::to_string(send.attempt) + " of " + std::to_string(t.sends.size()) + ")" +
                                   (rc->success ? "" : ", reverted: not retried");
        if (auto s = journal_.setState(key, state, send.txHash, detail, now); !s) return journalFailure(key, s.error());
        return report(key, rc->success ? TxErrorClass::None : TxErrorClass::Reverted, "", !rc->success);
    }
    // No known hash mined. If the nonce is used anyway, find what used it: a
    // send whose answer we lost, or someone else's transaction.
    auto count = eth_.transactionCount(t.request.from, "latest");
    if (!count) return report(key, TxErrorClass::Network, eth_.error(), false);
    if (*count <= *t.nonce) return std::nullopt;
    auto head = eth_.blockNumber();
    if (!head) return report(key, TxErrorClass::Network, eth_.error(), false);
    std::uint64_t first = t.sentBlock.value_or(0);
    if (*head > config_.scanBlocks && first < *head - config_.scanBlocks) first = *head - config_.scanBlocks;
    auto found = eth_.minedInBlocks(t.request.from, *t.nonce, first, *head);
    if (!found) {
        if (!eth_.error().empty()) return report(key, TxErrorClass::Network, eth_.error(), false);
        journal_.setState(key, TransferState::Conflict, "",
                          "nonce " + std::to_string(*t.nonce) + " was used, but no transaction with it was found in blocks " +
                              std::to_string(first) + ".." + std::to_string(*head), now);
        return report(key, TxErrorClass::NonceTooLow, "", true);
    }
    if (!matches(t, *found)) {
        journal_.setState(key, TransferState::Conflict, "",
                          "nonce " + std::to_string(*t.nonce) + " was used by " + found->hash +
                              ", which is not this transfer", now);
        return report(key, TxErrorClass::NonceTooLow, "", true);
    }
    auto rc = eth_.receipt(found->hash);
    const bool success = rc && rc->success;
    const auto state = success ? TransferState::Mined : TransferState::Reverted;
    if (auto s = journal_.setState(key, state, found->hash, "mined (found by nonce after an unanswered send)", now); !s)
        return journalFailure(key, s.error());
    return report(key, success ? TxErrorClass::None : TxErrorClass::Reverted, "", !success);
}

}  // namespace vigil::remedy
