#include "record/NarrativeText.h"

#include "record/NarrativeMessages.h"

namespace vigil {

namespace {
// One pass over the template, so an argument that itself contains "%2" (a log
// line) is not substituted again.
std::string fill(std::string_view tpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tpl.size() + 64);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '%' && i + 1 < tpl.size() && tpl[i + 1] >= '1' && tpl[i + 1] <= '9') {
            const auto k = static_cast<std::size_t>(tpl[i + 1] - '1');
            if (k < args.size()) {
                out += args[k];
                ++i;
                continue;
            }
        }
        out.push_back(tpl[i]);
    }
    return out;
}

std::string argText(const NarrativeArg& a, const NarrativeTranslate& tr) {
    if (a.words.empty()) return a.text;
    std::vector<std::string> w;
    w.reserve(a.words.size());
    for (const auto& x : a.words) w.push_back(tr(x.c_str()));
    if (w.size() == 1) return w[0];
    if (w.size() == 2) return fill(tr(kListOfTwo), w);
    return fill(tr(kListOfThree), w);  // the narrative lists at most three
}
}  // namespace

std::string renderNarrative(const std::vector<NarrativeSentence>& story, const NarrativeTranslate& translate) {
    const NarrativeTranslate tr = translate ? translate : [](const char* s) { return std::string(s); };
    std::string out;
    for (const NarrativeSentence& sentence : story) {
        if (sentence.msg >= kNarrativeTemplates.size()) continue;
        std::vector<std::string> args;
        args.reserve(sentence.args.size());
        for (const auto& a : sentence.args) args.push_back(argText(a, tr));
        // A detector's own words are not a message: they stay as it wrote them.
        const bool verbatim = sentence.msg == static_cast<std::uint16_t>(NarrativeMsg::Verbatim);
        const std::string tpl = verbatim ? std::string("%1") : tr(kNarrativeTemplates[sentence.msg]);
        if (!out.empty()) out.push_back(' ');
        out += fill(tpl, args);
    }
    return out;
}

}  // namespace vigil
