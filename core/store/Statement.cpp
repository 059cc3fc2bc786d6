#include "store/Statement.h"

namespace vigil::store {

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        stmt_ = o.stmt_;
        o.stmt_ = nullptr;
    }
    return *this;
}

bool Statement::prepare(sqlite3* db, std::string_view sql, std::string& error) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        error = sqlite3_errmsg(db);
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        return false;
    }
    return true;
}

bool Statement::run(std::string& error) {
    const int rc = sqlite3_step(stmt_);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok) error = sqlite3_errmsg(sqlite3_db_handle(stmt_));
    sqlite3_reset(stmt_);  // bindings stay: every caller rebinds all of them
    return ok;
}

std::string Statement::text(int col) const { return std::string(textView(col)); }

std::string_view Statement::textView(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

bool execSql(sqlite3* db, const char* sql, std::string& error) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        error = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

}  // namespace vigil::store
