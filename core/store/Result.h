// Expected-like results for the store: nothing in core/store throws to its
// callers. An error is one operator-readable line that names the database path
// and the reason (e.g. "/x/vigil.db: file is not a database").
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace vigil::store {

class Status {
public:
    Status() = default;
    static Status failure(std::string error) {
        Status s;
        s.error_ = error.empty() ? std::string("unknown error") : std::move(error);
        return s;
    }
    bool ok() const { return error_.empty(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }

private:
    std::string error_;
};

template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
    Result(Status failure) : error_(failure.ok() ? std::string("unknown error") : failure.error()) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }

    T& value() & { return *value_; }
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    T& operator*() & { return *value_; }
    const T& operator*() const& { return *value_; }

private:
    std::optional<T> value_;
    std::string error_;
};

}  // namespace vigil::store
