#include "signoff/ApprovalJson.h"

#include "net/Json.h"

#include <simdjson.h>

namespace vigil::signoff {

using approve::ApprovalRequest;
using approve::RequestState;
using approve::Vote;
using net::JsonObject;

namespace {

std::string num(std::int64_t v) { return std::to_string(v); }

}  // namespace

std::string approvalJson(const ApprovalRequest& r) {
    std::string decisions = "[";
    for (const Vote& v : r.votes) {
        if (decisions.size() > 1) decisions += ',';
        decisions += JsonObject()
                         .addRaw("ts", num(v.ts))
                         .add("approver", v.approver)
                         .add("decision", vigil::toString(v.decision))
                         .add("comment", v.comment)
                         .str();
    }
    decisions += ']';
    return JsonObject()
        .add("id", r.id)
        .add("state", approve::toString(r.state))
        .add("action_id", r.what.actionId)
        .add("action_kind", r.what.actionKind)
        .add("target", r.what.target)
        .add("incident_id", r.what.incidentId)
        .add("narrative", r.what.narrative)
        .add("rule", r.what.rule)
        .add("requester", r.what.requester)
        .add("value_wei", remedy::weiToString(r.what.value))
        .add("value_eth", remedy::formatEth(r.what.value))
        .addRaw("approvals", num(r.approvals()))
        .addRaw("approvals_needed", num(r.what.approversNeeded))
        .addRaw("created", num(r.created))
        .addRaw("expires_at", num(r.expires))
        .addRaw("updated", num(r.updated))
        .add("content", r.what.content)
        .add("content_sha256", r.contentSha256)
        .add("metric_window", r.what.metricWindow)
        .addRaw("decisions", decisions)
        .str();
}

std::string approvalListJson(const std::vector<ApprovalRequest>& rs, TimestampMs now) {
    std::string list = "[";
    for (const auto& r : rs) {
        if (list.size() > 1) list += ',';
        list += approvalJson(r);
    }
    list += ']';
    return JsonObject().addRaw("now", num(now)).addRaw("approvals", list).str();
}

std::string approvalAnswerJson(const ApprovalRequest& r, TimestampMs now) {
    return JsonObject().addRaw("now", num(now)).addRaw("approval", approvalJson(r)).str();
}

std::string decisionAnswerJson(const ApprovalRequest& r, const std::string& message) {
    return JsonObject().add("message", message).addRaw("approval", approvalJson(r)).str();
}

std::string errorJson(int status, std::string_view message) {
    return JsonObject().addRaw("status", num(status)).add("error", message).str();
}

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

struct Reader {
    object obj;
    std::string& error;
    std::string where;

    bool text(const char* key, std::string& out) {
        std::string_view s;
        if (obj[key].get_string().get(s)) return fail(key, "a string");
        out.assign(s);
        return true;
    }
    bool integer(const char* key, std::int64_t& out) {
        if (obj[key].get_int64().get(out)) return fail(key, "an integer");
        return true;
    }
    bool fail(const char* key, const char* type) {
        error = where + key + ": missing or not " + type;
        return false;
    }
};

bool readObject(element e, ApprovalRequest& r, std::string& error) {
    object obj;
    if (e.get_object().get(obj)) {
        error = "approval: not a JSON object";
        return false;
    }
    Reader rd{obj, error, "approval."};
    std::string state, value;
    std::int64_t needed = 0;
    if (!rd.text("id", r.id) || !rd.text("state", state) || !rd.text("action_id", r.what.actionId) ||
        !rd.text("action_kind", r.what.actionKind) || !rd.text("target", r.what.target) ||
        !rd.text("incident_id", r.what.incidentId) || !rd.text("narrative", r.what.narrative) ||
        !rd.text("rule", r.what.rule) || !rd.text("requester", r.what.requester) || !rd.text("value_wei", value) ||
        !rd.integer("approvals_needed", needed) || !rd.integer("created", r.created) ||
        !rd.integer("expires_at", r.expires) || !rd.integer("updated", r.updated) ||
        !rd.text("content", r.what.content) || !rd.text("content_sha256", r.contentSha256) ||
        !rd.text("metric_window", r.what.metricWindow))
        return false;
    if (!approve::fromString(state, r.state)) return rd.fail("state", "a request state");
    if (!remedy::parseWei(value, r.what.value)) return rd.fail("value_wei", "decimal wei digits");
    r.what.approversNeeded = static_cast<int>(needed);
    simdjson::dom::array decisions;
    if (obj["decisions"].get_array().get(decisions)) return rd.fail("decisions", "an array");
    for (element d : decisions) {
        object dobj;
        if (d.get_object().get(dobj)) return rd.fail("decisions", "an array of objects");
        Reader dr{dobj, error, "approval.decisions[]."};
        Vote v;
        std::string decision;
        if (!dr.integer("ts", v.ts) || !dr.text("approver", v.approver) || !dr.text("decision", decision) ||
            !dr.text("comment", v.comment))
            return false;
        if (!vigil::fromString(decision, v.decision)) return dr.fail("decision", "a decision name");
        r.votes.push_back(std::move(v));
    }
    return true;
}

bool parseRoot(simdjson::dom::parser& parser, std::string_view json, element& root, std::string& error) {
    if (parser.parse(simdjson::padded_string(json)).get(root)) {
        error = "answer is not JSON";
        return false;
    }
    return true;
}

}  // namespace

bool readApproval(std::string_view json, ApprovalRequest& out, std::string& error) {
    simdjson::dom::parser parser;
    element root;
    if (!parseRoot(parser, json, root, error)) return false;
    out = {};
    return readObject(root, out, error);
}

bool readApprovalList(std::string_view json, std::vector<ApprovalRequest>& out, std::string& error) {
    simdjson::dom::parser parser;
    element root;
    if (!parseRoot(parser, json, root, error)) return false;
    simdjson::dom::array list;
    if (root["approvals"].get_array().get(list)) {
        error = "approvals: missing or not an array";
        return false;
    }
    out.clear();
    for (element e : list) {
        ApprovalRequest r;
        if (!readObject(e, r, error)) return false;
        out.push_back(std::move(r));
    }
    return true;
}

bool readApprovalAnswer(std::string_view json, ApprovalRequest& out, std::string& error) {
    simdjson::dom::parser parser;
    element root, e;
    if (!parseRoot(parser, json, root, error)) return false;
    if (root["approval"].get(e)) {
        error = "approval: missing";
        return false;
    }
    out = {};
    return readObject(e, out, error);
}

bool readNow(std::string_view json, TimestampMs& out) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    std::int64_t v = 0;
    if (parser.parse(simdjson::padded_string(json)).get(root) || root["now"].get_int64().get(v)) return false;
    out = v;
    return true;
}

std::optional<std::string> readError(std::string_view json) { return net::jsonString(json, "/error"); }

std::string decisionSummary(const ApprovalRequest& r) {
    const std::string who = r.votes.empty() ? std::string("?") : r.votes.back().approver;
    if (r.state == RequestState::Pending)
        return r.id + ": approved by " + who + " (" + std::to_string(r.approvals()) + " of " +
               std::to_string(r.what.approversNeeded) + " approvals): waiting for another person";
    const bool approved = r.state == RequestState::Approved;
    return r.id + ": " + std::string(approve::toString(r.state)) + " by " + who + ": " +
           (approved ? "may execute " : "will not execute ") + r.what.actionKind + " on " + r.what.target +
           (approved ? " (until it expires)" : "");
}

}  // namespace vigil::signoff
