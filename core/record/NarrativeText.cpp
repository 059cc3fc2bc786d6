#include "record/NarrativeText.h"

#include "record/NarrativeMessages.h"

namespace vigil {

namespace {
// One pass over the template, so an argument that itself contains "%2" (a log
// line) is not substituted again. %1 .. %99; a two-digit number is read as such
// only when there are that many arguments (no template has "%1" before a digit).
std::string fill(std::string_view tpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tpl.size() + 64);
    auto digit = [&](std::size_t i) { return i < tpl.size() && tpl[i] >= '0' && tpl[i] <= '9'; };
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '%' && digit(i + 1) && tpl[i + 1] != '0') {
            std::size_t n = static_cast<std::size_t>(tpl[i + 1] - '0'), len = 1;
            if (digit(i + 2) && n * 10 + static_cast<std::size_t>(tpl[i + 2] - '0') <= args.size()) {
                n = n * 10 + static_cast<std::size_t>(tpl[i + 2] - '0');
                len = 2;
            }
            if (n <= args.size()) {
                out += args[n - 1];
                i += len;
                continue;
            }
        }
        out.push_back(tpl[i]);
    }
    return out;
}

std::string argText(const NarrativeArg& a, const char* context, const NarrativeTranslate& tr) {
    if (a.words.empty()) return a.text;
    std::vector<std::string> w;
    w.reserve(a.words.size());
    for (const auto& x : a.words) w.push_back(tr(context, x.c_str()));
    if (w.size() == 1) return w[0];
    if (w.size() == 2) return fill(tr("Narrative", kListOfTwo), w);
    return fill(tr("Narrative", kListOfThree), w);  // the narrative lists at most three
}

const MessageTable* tableOf(std::uint16_t id, std::initializer_list<MessageTable> tables) {
    for (const MessageTable& t : tables)
        if (id >= t.base && static_cast<std::size_t>(id - t.base) < t.size) return &t;
    return nullptr;
}
}  // namespace

MessageTable narrativeMessages() {
    return MessageTable{"Narrative", 0, kNarrativeTemplates.data(), kNarrativeTemplates.size(), false};
}

bool knownMessages(const std::vector<NarrativeSentence>& sentences, std::initializer_list<MessageTable> tables) {
    for (const NarrativeSentence& s : sentences)
        if (!tableOf(s.msg, tables)) return false;
    return true;
}

std::string firstSentence(const std::string& s, std::size_t max) {
    std::size_t end = s.find(". ");
    std::string out = s.substr(0, end == std::string::npos ? s.size() : end + 1);
    if (out.size() > max) {
        // Cut at the last clause ("; ") or else word boundary that leaves room for
        // the ellipsis (3 bytes in UTF-8), so no word shows half ("its ma...");
        // a long run without spaces is cut inside it, never inside a character.
        const std::size_t room = max - 3;
        std::size_t cut = out.rfind("; ", room);
        if (cut == std::string::npos || cut < room / 2) cut = out.rfind(' ', room);
        if (cut == std::string::npos || cut < room / 2) {
            cut = room;
            while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        }
        while (cut > 0 && (out[cut - 1] == ' ' || out[cut - 1] == ',' || out[cut - 1] == ';')) --cut;
        out = out.substr(0, cut) + "\u2026";
    }
    return out;
}

std::string renderMessages(const std::vector<NarrativeSentence>& sentences, std::initializer_list<MessageTable> tables,
                           const NarrativeTranslate& translate) {
    const NarrativeTranslate tr = translate ? translate : [](const char*, const char* s) { return std::string(s); };
    std::string out;
    for (const NarrativeSentence& sentence : sentences) {
        const MessageTable* table = tableOf(sentence.msg, tables);
        if (!table) continue;
        std::vector<std::string> args;
        args.reserve(sentence.args.size());
        for (const auto& a : sentence.args) args.push_back(argText(a, table->context, tr));
        // A detector's own words are not a message: they stay as it wrote them.
        const bool verbatim = table->base == 0 && sentence.msg == static_cast<std::uint16_t>(NarrativeMsg::Verbatim);
        const char* english = table->templates[sentence.msg - table->base];
        const std::string text = fill(verbatim ? std::string("%1") : tr(table->context, english), args);
        if (!out.empty()) out.push_back(' ');
        out += table->firstSentenceOnly ? firstSentence(text) : text;
    }
    return out;
}

}  // namespace vigil
