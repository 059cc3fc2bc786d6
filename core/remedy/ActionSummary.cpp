#include "remedy/ActionSummary.h"

#include <simdjson.h>

#include <map>

namespace vigil::remedy {

namespace {

// Top-level params as text: strings as they are, numbers and booleans as JSON
// wrote them. Malformed params give an empty map (the phrase then shows them raw).
std::map<std::string, std::string> paramsOf(const std::string& json, bool& ok) {
    std::map<std::string, std::string> out;
    ok = true;
    if (json.empty()) return out;
    simdjson::dom::parser parser;
    simdjson::dom::object obj;
    if (parser.parse(json).get(obj)) {
        ok = false;
        return out;
    }
    for (auto [key, value] : obj) {
        std::string_view s;
        if (value.get(s) == simdjson::SUCCESS) out[std::string(key)] = std::string(s);
        else out[std::string(key)] = simdjson::minify(value);
    }
    return out;
}

std::string get(const std::map<std::string, std::string>& p, const char* key) {
    const auto it = p.find(key);
    return it == p.end() ? std::string() : it->second;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
}

std::string sentence(std::string s) {
    if (!s.empty() && s.back() != '.') s += '.';
    return s;
}

}  // namespace

std::string describeAction(const Action& a) {
    bool ok = true;
    const auto p = paramsOf(a.params, ok);
    const std::string& t = a.target;
    std::string s;
    if (a.kind == "failover_rpc") {
        const std::string to = get(p, "to");
        s = "switch traffic from " + t + " to " + (to.empty() ? "its backup endpoint" : to);
    } else if (a.kind == "scale_workers") {
        const std::string n = get(p, "replicas"), from = get(p, "from");
        s = "scale " + t + (from.empty() ? "" : " from " + from) + " to " + (n.empty() ? "more" : n) + " workers";
    } else if (a.kind == "retry_tx") {
        const std::string nonce = get(p, "nonce"), tx = get(p, "tx_hash");
        s = "replace the stuck transaction" + (tx.empty() ? "" : " " + tx) + " of " + t +
            (nonce.empty() ? "" : " (same nonce " + nonce + ")") + " with fees raised by at least 10 %";
    } else if (a.kind == "rollback_workflow") {
        const std::string v = get(p, "to_version");
        s = "roll back the workflow of " + t + (v.empty() ? " to its previous version" : " to version " + v);
    } else if (a.kind == "transfer") {
        const std::string value = get(p, "value_eth"), from = get(p, "from"), to = get(p, "to");
        s = "transfer " + (value.empty() ? std::string("funds") : value + " ETH") + (from.empty() ? "" : " from " + from) +
            " to " + (to.empty() ? t : to);
    } else if (a.kind == "notify") {
        s = "notify the people on call about " + t;
    } else {
        s = "run " + a.kind + " on " + t;
    }
    if (!ok) s += " (params not readable: " + a.params + ")";
    return s;
}

ActionSummary summarizeAction(const ActionContext& ctx) {
    const Action& a = ctx.action;
    const std::string what = describeAction(a);

    std::string seen;
    if (ctx.incident) {
        const Incident& i = *ctx.incident;
        seen = "incident " + i.id + " (" + std::string(toString(i.severity)) + ", " + std::string(toString(i.state)) +
               ", opened " + utcTime(i.opened) + ") on " + (i.targets.empty() ? std::string("no target") : joined(i.targets));
        if (!i.cause.empty()) seen += "; likely cause " + i.cause;
        seen = sentence(seen);
        if (!i.narrative.empty()) seen += " " + sentence(i.narrative);
    } else {
        seen = a.incident_id.empty() ? "no incident: the action was proposed by hand."
                                     : sentence("incident " + a.incident_id + " (details not at hand)");
    }

    std::string did, status;
    switch (a.status) {
    case ActionStatus::Proposed: did = "Vigil proposes to " + what; status = "proposed"; break;
    case ActionStatus::AwaitingApproval:
        did = "Vigil wants to " + what + " and waits for approval";
        status = "awaiting approval";
        break;
    case ActionStatus::Executing: did = "Vigil is carrying out: " + what; status = "executing"; break;
    case ActionStatus::Succeeded: did = "Vigil chose to " + what + ", and it succeeded"; status = "succeeded"; break;
    case ActionStatus::Failed: did = "Vigil tried to " + what + ", and it failed"; status = "failed"; break;
    case ActionStatus::Rejected: did = "Vigil proposed to " + what + "; the proposal was rejected"; status = "rejected"; break;
    case ActionStatus::Suppressed: did = "Vigil would " + what + " but held back"; status = "held back"; break;
    }
    did += " (action " + a.id + (a.critical ? ", critical" : "") + ", " + utcTime(a.ts) + ")";
    if (ctx.approval) {
        const Approval& ap = *ctx.approval;
        switch (ap.decision) {
        case ApprovalDecision::Requested:
            did += "; approval " + ap.id + " requested by " + ap.requester + ", expires " + utcTime(ap.expires);
            break;
        case ApprovalDecision::Approved: did += "; approved by " + ap.approver; break;
        case ApprovalDecision::Rejected: did += "; rejected by " + ap.approver; break;
        case ApprovalDecision::Expired: did += "; approval " + ap.id + " expired at " + utcTime(ap.expires) + " unanswered"; break;
        }
        if (ap.decision != ApprovalDecision::Requested && !ap.reason.empty()) did += ": \"" + ap.reason + "\"";
    }
    did = sentence(did);
    if (!ctx.note.empty()) did += " " + sentence(ctx.note);

    std::string why;
    if (!ctx.rule.empty()) why = "policy rule '" + ctx.rule + "'" + (ctx.why.empty() ? " matched" : ": " + ctx.why);
    else why = ctx.why.empty() ? "proposed by hand, no rule" : ctx.why;
    if (a.critical) why += "; a critical action needs a person's approval";
    why = sentence(why);

    std::string outcome;
    if (ctx.outcome) {
        const Outcome& o = *ctx.outcome;
        outcome = std::string(o.success ? "succeeded" : "failed") + " at " + utcTime(o.ts) +
                  (o.detail.empty() ? "" : ": " + o.detail);
    } else if (a.status == ActionStatus::Executing || a.status == ActionStatus::Succeeded || a.status == ActionStatus::Failed) {
        outcome = "not known yet";
    } else {
        outcome = "nothing was done";
    }
    outcome = sentence(outcome);

    ActionSummary s;
    const std::string sev = ctx.incident ? std::string(toString(ctx.incident->severity)) : std::string("manual");
    s.title = "[" + sev + "] " + (a.incident_id.empty() ? std::string() : a.incident_id + ": ") + what + " (" + status + ")";
    s.text = "Seen: " + seen + "\nAction: " + did + "\nWhy: " + why + "\nOutcome: " + outcome;
    return s;
}

}  // namespace vigil::remedy
