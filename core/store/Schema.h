// The database schema as an ordered list of forward migrations. Step n takes a
// database from user_version n-1 to n; each runs in its own transaction together
// with the user_version bump, so a crash leaves the file at a whole version.
// Policy (docs/storage.md): never edit a released step, only append new ones.
#pragma once

#include <cstdint>
#include <span>

namespace vigil::store {

// PRAGMA application_id of every Vigil database: "VGIL" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x5647494C;

struct Migration {
    int version;              // user_version after this step
    const char* description;  // what it changes, for docs and errors
    const char* sql;          // one or more statements
};

// Steps 1..N in order; N == kSchemaVersion.
std::span<const Migration> migrations();
inline constexpr int kSchemaVersion = 9;

// The tables every Vigil database has (used to tell a Vigil file from a foreign one).
inline constexpr const char* kIdentityTable = "meta";

}  // namespace vigil::store
