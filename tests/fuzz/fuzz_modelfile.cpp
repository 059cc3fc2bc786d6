// Learned-model import (core/learn/ModelFile, issue #12) on fuzzer-chosen files:
// a model arrives as JSON from another workstation. Besides "no crash, no
// sanitizer report" it checks what ModelFile.h promises:
//  - a refused file names the file first and brings no changes;
//  - an accepted file's cuts lie in (0, cap] and its orders are non-empty;
//  - what was accepted, exported again, imports as the same model, and
//    importing that export on top of it changes nothing.
#include "FuzzSupport.h"
#include "learn/ModelFile.h"

#include <cstdint>
#include <string>

using namespace vigil;
using namespace vigil::learn;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const LearnConfig cfg;
    const ImportResult r = importModel(text, "m.json", {}, 1000, {}, cfg);
    if (!r.ok) {
        FUZZ_CHECK(r.error.rfind("m.json: ", 0) == 0 && r.error.size() > 8);
        FUZZ_CHECK(r.changes.empty());
        return 0;
    }
    std::vector<LearnChange> applied = r.changes;
    for (std::size_t i = 0; i < applied.size(); ++i) {
        LearnChange& c = applied[i];
        c.id = static_cast<std::int64_t>(i + 1);
        if (c.kind == ChangeKind::SeriesCut) FUZZ_CHECK(c.cutAfter >= 0 && c.cutAfter <= cfg.cap);
        else FUZZ_CHECK(c.kind == ChangeKind::PlaybookOrder && !c.orderAfter.empty());
    }
    const LearnedModel model = modelOf(applied);
    const std::string again = exportModel(applied, 2000);
    const ImportResult back = importModel(again, "n.json", {}, 3000, {}, cfg);
    FUZZ_CHECK(back.ok);
    std::vector<LearnChange> reapplied = back.changes;
    for (std::size_t i = 0; i < reapplied.size(); ++i) reapplied[i].id = static_cast<std::int64_t>(i + 1);
    FUZZ_CHECK(modelOf(reapplied) == model);
    const ImportResult twice = importModel(again, "n.json", applied, 4000, {}, cfg);
    FUZZ_CHECK(twice.ok && twice.changes.empty());
    return 0;
}
