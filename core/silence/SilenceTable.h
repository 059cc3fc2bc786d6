// Silences in the store (table `silences`, schema version 7). Used by
// `vigilctl silence`, the console's silence panel (on a worker thread) and the
// poller that hands them to a running engine. Expiring early never deletes a
// row: `ends` moves to the moment of expiry and who did it is kept.
#pragma once

#include "silence/Silence.h"
#include "store/Database.h"
#include "store/Result.h"

#include <vector>

namespace vigil::silence {

class SilenceTable {
public:
    explicit SilenceTable(store::Database& db) : db_(db) {}

    // Validates (validSilence), inserts and returns the silence with its id.
    store::Result<Silence> add(Silence s);
    // Ends silence `id` at `now` (if it would end later), by `who`. Fails naming
    // the id when it does not exist or has already ended.
    store::Result<Silence> expire(std::int64_t id, const std::string& who, TimestampMs now);
    store::Result<Silence> get(std::int64_t id);
    // Oldest first. `endingAfter`: only those whose window ends after it (active
    // or to come); pass a very small number for all. At most `limit` (the newest).
    store::Result<std::vector<Silence>> list(TimestampMs endingAfter, std::size_t limit = 10'000);

private:
    store::Database& db_;
};

// Labels as stored: "key=value" lines, keys sorted.
std::string encodeLabels(const std::map<std::string, std::string>& labels);
std::map<std::string, std::string> decodeLabels(std::string_view text);

}  // namespace vigil::silence
