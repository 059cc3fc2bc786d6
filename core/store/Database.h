// One SQLite connection to a Vigil database file. Opening checks that the file
// is readable, is SQLite, and is Vigil's (PRAGMA application_id), then brings
// the schema up to date with forward migrations (read-write only). Every
// failure is a Status whose text names the path and the reason.
#pragma once

#include "store/Result.h"

#include <sqlite3.h>

#include <string>

namespace vigil::store {

enum class OpenMode {
    ReadWrite,  // creates the file (and its folder) if missing, migrates
    ReadOnly,   // file must exist and already be at the current schema
};

class Database {
public:
    static Result<Database> open(const std::string& path, OpenMode mode);

    Database() = default;
    ~Database();
    Database(Database&& o) noexcept;
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    OpenMode mode() const { return mode_; }
    int schemaVersion() const { return schemaVersion_; }
    // The schema version the file had before this open migrated it (0 = new file).
    int openedAtVersion() const { return openedAtVersion_; }

    // Runs statements that return no rows; the error names the path.
    Status exec(const char* sql);
    // "<path>: <what>: <sqlite message>".
    std::string describe(const std::string& what) const;

    void close();

private:
    Status configure();
    Status checkIdentity(bool& fresh);
    Status migrate();

    sqlite3* db_ = nullptr;
    std::string path_;
    OpenMode mode_ = OpenMode::ReadWrite;
    int schemaVersion_ = 0;
    int openedAtVersion_ = 0;
};

}  // namespace vigil::store
