// Approval requests as the sign-off service's JSON (docs/signoff.md), written
// by the service and read back by SignoffClient, so the desk and
// `vigilctl approvals --url` see exactly what `--db` sees.
//
// `content` and `metric_window` are JSON *strings* holding the stored text:
// content_sha256 covers those exact bytes, and a re-serialised object would
// not hash the same.
#pragma once

#include "approve/ApprovalRequest.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::signoff {

std::string approvalJson(const approve::ApprovalRequest& r);
// {"now":MS,"approvals":[...]}
std::string approvalListJson(const std::vector<approve::ApprovalRequest>& rs, TimestampMs now);
// {"now":MS,"approval":{...}} or, after a decision, {"message":"...","approval":{...}}
std::string approvalAnswerJson(const approve::ApprovalRequest& r, TimestampMs now);
std::string decisionAnswerJson(const approve::ApprovalRequest& r, const std::string& message);
// {"status":N,"error":"..."}
std::string errorJson(int status, std::string_view message);

// Readers for the client; false with the field that is missing or wrong.
bool readApproval(std::string_view json, approve::ApprovalRequest& out, std::string& error);
bool readApprovalList(std::string_view json, std::vector<approve::ApprovalRequest>& out, std::string& error);
// The request of a one-request or decision answer ("approval" member).
bool readApprovalAnswer(std::string_view json, approve::ApprovalRequest& out, std::string& error);
// The "now" member of a list or one-request answer.
bool readNow(std::string_view json, TimestampMs& out);
// The "error" member of an error answer, if there is one.
std::optional<std::string> readError(std::string_view json);

// What a decision did, in one line ("apr-..: approved by bob (1 of 2
// approvals): waiting for another person"): the CLI prints it whether it
// decided through the database or the service.
std::string decisionSummary(const approve::ApprovalRequest& r);

}  // namespace vigil::signoff
