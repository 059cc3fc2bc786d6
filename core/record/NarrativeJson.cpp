#include "record/NarrativeJson.h"

#include "record/NdjsonCodec.h"

#include <simdjson.h>

#include <limits>

namespace vigil {

std::string messagesToJson(const std::vector<NarrativeSentence>& sentences) {
    std::string out;
    if (sentences.empty()) return out;
    out.push_back('[');
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        if (s) out.push_back(',');
        out += "{\"msg\":" + std::to_string(sentences[s].msg) + ",\"args\":[";
        for (std::size_t a = 0; a < sentences[s].args.size(); ++a) {
            const NarrativeArg& arg = sentences[s].args[a];
            if (a) out.push_back(',');
            out += "{\"text\":";
            appendJsonString(out, arg.text);
            if (!arg.words.empty()) {
                out += ",\"words\":[";
                for (std::size_t w = 0; w < arg.words.size(); ++w) {
                    if (w) out.push_back(',');
                    appendJsonString(out, arg.words[w]);
                }
                out.push_back(']');
            }
            out.push_back('}');
        }
        out += "]}";
    }
    out.push_back(']');
    return out;
}

namespace {

using namespace simdjson;

bool fail(std::string& why, std::string text) {
    why = std::move(text);
    return false;
}

bool parseArg(dom::element e, NarrativeArg& arg, std::string& why) {
    dom::object o;
    if (e.get_object().get(o)) return fail(why, "an argument is not an object");
    std::string_view text;
    if (o["text"].get_string().get(text)) return fail(why, "\"text\" missing or not a string");
    arg.text.assign(text);
    dom::element words;
    if (o["words"].get(words)) return true;  // optional
    dom::array list;
    if (words.get_array().get(list)) return fail(why, "\"words\" is not an array");
    for (dom::element w : list) {
        std::string_view word;
        if (w.get_string().get(word)) return fail(why, "a word is not a string");
        arg.words.emplace_back(word);
    }
    return true;
}

bool parseSentence(dom::element e, NarrativeSentence& s, std::string& why) {
    dom::object o;
    if (e.get_object().get(o)) return fail(why, "not an object");
    std::uint64_t msg = 0;
    if (o["msg"].get_uint64().get(msg) || msg > std::numeric_limits<std::uint16_t>::max())
        return fail(why, "\"msg\" missing or not a message id (0..65535)");
    s.msg = static_cast<std::uint16_t>(msg);
    dom::array args;
    if (o["args"].get_array().get(args)) return fail(why, "\"args\" missing or not an array");
    std::size_t n = 0;
    for (dom::element a : args) {
        s.args.emplace_back();
        if (!parseArg(a, s.args.back(), why)) return fail(why, "argument " + std::to_string(n + 1) + ": " + why);
        ++n;
    }
    return true;
}

}  // namespace

bool messagesFromJson(std::string_view json, std::vector<NarrativeSentence>& out, std::string& error) {
    out.clear();
    if (json.empty()) return true;
    // One parser per thread, reused: a store read calls this for every row, and a
    // parser's buffers are allocated on first use.
    thread_local dom::parser parser;
    dom::element root;
    if (auto err = parser.parse(padded_string(json)).get(root)) {
        error = std::string("not JSON: ") + error_message(err);
        return false;
    }
    dom::array list;
    if (root.get_array().get(list)) {
        error = "not a JSON array of sentences";
        return false;
    }
    std::size_t n = 0;
    for (dom::element e : list) {
        out.emplace_back();
        std::string why;
        if (!parseSentence(e, out.back(), why)) {
            error = "sentence " + std::to_string(n + 1) + ": " + why;
            out.clear();
            return false;
        }
        ++n;
    }
    return true;
}

}  // namespace vigil
