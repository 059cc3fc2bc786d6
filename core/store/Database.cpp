#include "store/Database.h"

#include "store/Schema.h"
#include "store/Statement.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

#ifndef VIGIL_VERSION
#define VIGIL_VERSION "unknown"
#endif

namespace vigil::store {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;
// Writer page cache: the per-series index takes inserts scattered across series,
// which stay fast only while the touched pages fit in memory.
constexpr const char* kWriterPragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                       "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";

std::string hex32(std::int32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
    return buf;
}

// Checks what the file system can tell before SQLite gets involved, so the
// error says "permission denied" rather than SQLite's generic "unable to open".
Status checkPath(const std::string& path, OpenMode mode, bool& exists) {
    if (path.empty()) return Status::failure("database path is empty");
    std::error_code ec;
    const auto st = fs::status(path, ec);
    exists = fs::exists(st);
    if (!exists) {
        if (mode == OpenMode::ReadOnly) return Status::failure(path + ": no such file");
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty() && !fs::exists(parent, ec)) {
            fs::create_directories(parent, ec);
            if (ec) return Status::failure(path + ": cannot create folder " + parent.string() + ": " + ec.message());
        }
        return {};
    }
    if (fs::is_directory(st)) return Status::failure(path + ": is a directory, not a database file");
    // access(), not open()+close(): POSIX locks belong to the process, and
    // closing any descriptor on the file drops every lock this process's other
    // connections hold on it. Another process closing its connection then
    // believes it is the last one, checkpoints and deletes the WAL still in use
    // here: a malformed database (tests/store/tst_databasesharing).
    if (::access(path.c_str(), R_OK) != 0) return Status::failure(path + ": cannot read: " + std::strerror(errno));
    return {};
}

bool queryInt(sqlite3* db, const char* sql, std::int64_t& out, std::string& error) {
    Statement st;
    if (!st.prepare(db, sql, error)) return false;
    const int rc = st.step();
    if (rc == SQLITE_ROW) {
        out = st.int64(0);
        return true;
    }
    if (rc == SQLITE_DONE) {
        out = 0;
        return true;
    }
    error = sqlite3_errmsg(db);
    return false;
}

}  // namespace

Database::~Database() { close(); }

Database::Database(Database&& o) noexcept
    : db_(o.db_), path_(std::move(o.path_)), mode_(o.mode_), schemaVersion_(o.schemaVersion_),
      openedAtVersion_(o.openedAtVersion_) {
    o.db_ = nullptr;
}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        close();
        db_ = o.db_;
        o.db_ = nullptr;
        path_ = std::move(o.path_);
        mode_ = o.mode_;
        schemaVersion_ = o.schemaVersion_;
        openedAtVersion_ = o.openedAtVersion_;
    }
    return *this;
}

void Database::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

std::string Database::describe(const std::string& what) const {
    std::string s = path_ + ": " + what;
    if (db_) {
        s += ": ";
        s += sqlite3_errmsg(db_);
    }
    return s;
}

Status Database::exec(const char* sql) {
    std::string err;
    if (!execSql(db_, sql, err)) return Status::failure(path_ + ": " + err);
    return {};
}

Result<Database> Database::open(const std::string& path, OpenMode mode) {
    // Process-wide and only possible before SQLite initialises: memory-usage
    // statistics take a global mutex on every allocation, which the writer
    // thread would pay per row. Vigil never reads them.
    static const int memstatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memstatusOff;
    bool exists = false;
    if (Status s = checkPath(path, mode, exists); !s) return s;

    Database d;
    d.path_ = path;
    d.mode_ = mode;
    const int flags = (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;  // one connection per thread by contract
    const int rc = sqlite3_open_v2(path.c_str(), &d.db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = d.db_ ? sqlite3_errmsg(d.db_) : sqlite3_errstr(rc);
        return Status::failure(path + ": cannot open: " + why);
    }
    sqlite3_extended_result_codes(d.db_, 1);
    sqlite3_busy_timeout(d.db_, kBusyTimeoutMs);
    if (mode == OpenMode::ReadWrite && sqlite3_db_readonly(d.db_, "main") == 1)
        return Status::failure(path + ": cannot write: permission denied");

    bool fresh = false;
    if (Status s = d.checkIdentity(fresh); !s) return s;
    if (Status s = d.configure(); !s) return s;
    if (mode == OpenMode::ReadWrite) {
        if (Status s = d.migrate(); !s) return s;
    } else if (d.schemaVersion_ < kSchemaVersion) {
        if (fresh) return Status::failure(path + ": not a Vigil database (empty, no schema)");
        return Status::failure(path + ": schema version " + std::to_string(d.schemaVersion_) +
                               " is older than this build's (" + std::to_string(kSchemaVersion) +
                               "); open it read-write once (e.g. vigilctl replay --db) to migrate it");
    }
    return d;
}

// Reads the header fields and table list. This is the first read of the file,
// so a non-SQLite file fails here with SQLite's "file is not a database".
Status Database::checkIdentity(bool& fresh) {
    // One read transaction, so the header and the table list come from the same
    // snapshot even while another process is creating the file.
    struct ReadTxn {
        sqlite3* db;
        ~ReadTxn() {
            std::string ignored;
            execSql(db, "COMMIT", ignored);
        }
    } txn{db_};
    std::string err;
    if (!execSql(db_, "BEGIN", err)) return Status::failure(path_ + ": " + err);
    std::int64_t appId = 0, userVersion = 0;
    if (!queryInt(db_, "PRAGMA application_id", appId, err) || !queryInt(db_, "PRAGMA user_version", userVersion, err))
        return Status::failure(path_ + ": " + err);

    std::vector<std::string> tables;
    Statement st;
    if (!st.prepare(db_,
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    err))
        return Status::failure(path_ + ": " + err);
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) tables.push_back(st.text(0));
    if (rc != SQLITE_DONE) return Status::failure(describe("cannot list tables"));

    const auto id = static_cast<std::int32_t>(appId);
    fresh = tables.empty() && userVersion == 0;
    if (id != kApplicationId && !(id == 0 && fresh)) {
        std::string why = path_ + ": not a Vigil database (application_id " + hex32(id);
        if (!tables.empty()) {
            why += ", tables: ";
            for (std::size_t i = 0; i < tables.size() && i < 5; ++i) why += (i ? ", " : "") + tables[i];
            if (tables.size() > 5) why += ", ...";
        }
        return Status::failure(why + ")");
    }
    if (userVersion > kSchemaVersion)
        return Status::failure(path_ + ": schema version " + std::to_string(userVersion) +
                               " is newer than this build of Vigil supports (" + std::to_string(kSchemaVersion) +
                               "); use a newer Vigil");
    schemaVersion_ = openedAtVersion_ = static_cast<int>(userVersion);
    return {};
}

Status Database::configure() {
    if (mode_ == OpenMode::ReadOnly) return exec("PRAGMA query_only=ON;");
    // WAL lets readers on their own connections run while the writer commits.
    // Switching needs the file to itself, and SQLite answers "busy" at once
    // (no busy handler) while another process creating the same new file holds
    // a lock: retry for as long as the busy timeout would have waited.
    std::string err;
    for (int waitedMs = 0;; waitedMs += 20) {
        Statement st;
        if (!st.prepare(db_, "PRAGMA journal_mode=WAL", err)) return Status::failure(path_ + ": " + err);
        const int rc = st.step();
        if (rc == SQLITE_ROW && st.textView(0) == "wal") break;
        const bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
        if (!busy || waitedMs >= kBusyTimeoutMs) {
            if (rc != SQLITE_ROW) return Status::failure(describe("cannot switch to WAL mode"));
            return Status::failure(path_ + ": cannot switch to WAL mode (journal_mode stays " + st.text(0) + ")");
        }
        st = Statement();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exec(kWriterPragmas);
}

Status Database::migrate() {
    for (const Migration& m : migrations()) {
        if (m.version <= schemaVersion_) continue;
        const std::string step = "migration to schema version " + std::to_string(m.version) + " (" + m.description + ")";
        if (Status s = exec("BEGIN IMMEDIATE"); !s) return Status::failure(s.error() + " (" + step + ")");
        std::string err;
        // Another process may have migrated (or created) the file between our
        // first look and this write lock: take its work instead of redoing it.
        std::int64_t now = 0;
        if (!queryInt(db_, "PRAGMA user_version", now, err)) {
            execSql(db_, "ROLLBACK", err);
            return Status::failure(describe("cannot read the schema version (" + step + ")"));
        }
        if (now >= m.version) {
            execSql(db_, "ROLLBACK", err);
            if (now > kSchemaVersion)
                return Status::failure(path_ + ": schema version " + std::to_string(now) +
                                       " is newer than this build of Vigil supports (" + std::to_string(kSchemaVersion) +
                                       "); use a newer Vigil");
            schemaVersion_ = static_cast<int>(now);
            continue;
        }
        bool ok = execSql(db_, m.sql, err);
        if (ok && m.version == 1)
            ok = execSql(db_, ("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str(), err);
        if (ok) {
            Statement meta;
            ok = meta.prepare(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", err);
            const std::string key = "migrated_to_" + std::to_string(m.version) + "_by";
            if (ok && m.version == 1) {
                meta.bind(1, std::string_view("created_by"));
                meta.bind(2, std::string_view("vigil " VIGIL_VERSION));
                ok = meta.run(err);
            }
            if (ok) {
                meta.bind(1, std::string_view(key));
                meta.bind(2, std::string_view("vigil " VIGIL_VERSION));
                ok = meta.run(err);
            }
        }
        if (ok) ok = execSql(db_, ("PRAGMA user_version=" + std::to_string(m.version)).c_str(), err);
        if (ok) ok = execSql(db_, "COMMIT", err);
        if (!ok) {
            std::string ignored;
            execSql(db_, "ROLLBACK", ignored);
            return Status::failure(path_ + ": " + step + " failed: " + err);
        }
        schemaVersion_ = m.version;
    }
    return {};
}

}  // namespace vigil::store
