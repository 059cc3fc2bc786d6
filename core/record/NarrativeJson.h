// Messages (Incident::story, Anomaly::explanation_msgs) as compact JSON, so the
// store keeps them and a front end renders an incident read back from SQLite in
// the user's language (docs/storage.md, schema v9):
//   [{"msg":12,"args":[{"text":"rpc:eth-main-a"},{"words":["critical"]}]}]
// An empty list is the empty string (what rows written before v9 hold).
#pragma once

#include "record/Record.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

std::string messagesToJson(const std::vector<NarrativeSentence>& sentences);

// False with the reason (which sentence, which field) on malformed text; `out`
// is then left empty. "" gives an empty list.
bool messagesFromJson(std::string_view json, std::vector<NarrativeSentence>& out, std::string& error);

}  // namespace vigil
