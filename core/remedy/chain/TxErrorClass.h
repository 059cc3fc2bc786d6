// What a failed transaction call means, and so what to do about it. The
// handling per class is the table in docs/remediation.md ("Chain actions:
// retries and failover"); this file is its single source in code.
#pragma once

#include "net/RpcCaller.h"

#include <string_view>

namespace vigil::remedy {

enum class TxErrorClass {
    None,                  // accepted
    AlreadyKnown,          // the node has this exact transaction: it was sent
    Reverted,              // execution reverted: deterministic, never retried blindly
    Underpriced,           // fee below the node's floor or the base fee: bump and resend
    ReplacementUnderpriced,// replacement fee bump too small: bump more, same nonce
    NonceTooLow,           // the nonce is used: something with it was mined
    InsufficientFunds,     // the sender cannot pay value + gas: stop, escalate
    Network,               // no answer (refused, timeout, HTTP, malformed): resend the same tx
    Rejected,              // any other JSON-RPC error: stop, escalate
};

TxErrorClass classifyTxError(const net::RpcResponse& r);
std::string_view txErrorClassName(TxErrorClass c);
// May the same logical transfer be attempted again automatically?
bool isRetryable(TxErrorClass c);

}  // namespace vigil::remedy
