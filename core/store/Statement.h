// A thin RAII wrapper over one prepared sqlite3_stmt: bind by position, step,
// read columns, reset for reuse. Prepared once, reused for every row: that is
// what makes batched inserts fast.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::store {

class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Prepares sql on db; on failure returns false and error holds SQLite's reason.
    bool prepare(sqlite3* db, std::string_view sql, std::string& error);
    bool valid() const { return stmt_ != nullptr; }

    // Positions are 1-based, as in SQLite.
    void bind(int pos, std::int64_t v) { sqlite3_bind_int64(stmt_, pos, v); }
    void bind(int pos, int v) { sqlite3_bind_int64(stmt_, pos, v); }
    void bind(int pos, double v) { sqlite3_bind_double(stmt_, pos, v); }
    void bind(int pos, bool v) { sqlite3_bind_int(stmt_, pos, v ? 1 : 0); }
    void bindNull(int pos) { sqlite3_bind_null(stmt_, pos); }
    // SQLITE_STATIC: the text must stay alive until step() — true for our callers,
    // which bind fields of the record being inserted. An empty view binds '' (a
    // null data pointer would bind NULL).
    void bind(int pos, std::string_view v) {
        sqlite3_bind_text(stmt_, pos, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_STATIC);
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }
    // Steps a statement that returns no rows, then resets it. False on error.
    bool run(std::string& error);
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::string_view textView(int col) const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more ';'-separated statements that return no rows.
bool execSql(sqlite3* db, const char* sql, std::string& error);

}  // namespace vigil::store
