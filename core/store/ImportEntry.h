// One log file imported into a database (table `imports`, schema v3): what was
// read (path, size, modification time, SHA-256 of its bytes) and how many
// records it gave. The row is written in the import's own transaction, so it
// exists exactly when the import's data does; `sha256` is UNIQUE, so the same
// bytes cannot be imported twice (docs/storage.md, "Imports").
#pragma once

#include <cstdint>
#include <string>

namespace vigil::store {

struct ImportEntry {
    std::int64_t id = 0;           // assigned by the database
    std::string sha256;            // 64 lowercase hex digits
    std::string path;              // as given on the command line
    std::int64_t bytes = 0;        // file size
    std::int64_t modifiedMs = 0;   // file modification time
    std::int64_t records = 0;      // records decoded from it
    std::int64_t importedAtMs = 0; // wall clock when the import committed
    std::string importedBy;        // "vigil <version>"
};

}  // namespace vigil::store
