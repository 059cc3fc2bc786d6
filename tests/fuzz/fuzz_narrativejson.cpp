// Stored messages (record/NarrativeJson, schema v9's incidents.story and
// anomalies.explanation_msgs) on fuzzer-chosen text: a damaged or hand-edited
// database hands the reader anything. Besides "no crash, no sanitizer report"
// it checks what NarrativeJson.h promises:
//  - refused text gives a reason and leaves the list empty;
//  - accepted text, written again, reads back to the same text (a fixed point).
#include "FuzzSupport.h"
#include "record/NarrativeJson.h"

#include <cstdint>
#include <string>

using namespace vigil;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<NarrativeSentence> out;
    std::string error;
    if (!messagesFromJson(text, out, error)) {
        FUZZ_CHECK(out.empty());
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    const std::string again = messagesToJson(out);
    std::vector<NarrativeSentence> back;
    FUZZ_CHECK(messagesFromJson(again, back, error));
    FUZZ_CHECK(back.size() == out.size());
    FUZZ_CHECK(messagesToJson(back) == again);
    return 0;
}
