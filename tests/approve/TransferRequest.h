// A transfer approval request as the planner files it (dry run, evidence, rule),
// for the approval, sign-off, desk and dialog tests. Texts with quotes live here,
// not in a test .cpp (moc and raw strings).
#pragma once

#include "approve/ApprovalGate.h"
#include "approve/ExecutionContent.h"

#include <string>

namespace approvetest {

// `windowEnd` is the newest point of the evidence window (the decision's time).
inline vigil::approve::NewApprovalRequest transferRequest(const std::string& actionId, vigil::remedy::Wei value,
                                                           int approvers, vigil::TimestampMs windowEnd,
                                                           std::int64_t nonce = 17) {
    vigil::approve::TransferDryRun tx;
    tx.chain = "ethereum";
    tx.from = "0x00000000000000000000000000000000000000a0";
    tx.to = "0x00000000000000000000000000000000000000b0";
    tx.value = value;
    tx.maxFeePerGas = 40'000'000'000ULL;
    tx.maxPriorityFeePerGas = 2'000'000'000ULL;
    tx.nonce = nonce;
    vigil::approve::NewApprovalRequest r;
    r.actionId = actionId;
    r.actionKind = "transfer";
    r.target = "agent:agent-04";
    r.incidentId = "inc-7";
    r.narrative = "agent-04's gas balance fell below its floor";
    r.metricWindow = "{\"series\":\"wallet.balance_eth\",\"target\":\"agent:agent-04\",\"points\":[[" +
                     std::to_string(windowEnd - 120'000) + ",0.4],[" + std::to_string(windowEnd - 60'000) + ",0.2],[" +
                     std::to_string(windowEnd) + ",0.1]]}";
    r.content = vigil::approve::transferContent(tx);
    r.rule = "treasury-top-up";
    r.requester = "vigil";
    r.value = value;
    r.approversNeeded = approvers;
    return r;
}

}  // namespace approvetest
