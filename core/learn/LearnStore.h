// Feedback and learned changes in a Vigil database (tables feedback and
// learn_changes, schema version 7), on a connection of its own: a running
// engine keeps writing records while an operator gives feedback or reverts a
// change. Every write is also appended to the audit log in the same call (kinds
// "feedback", "learn.change", "learn.revert"), chained with the engine's key.
// Not thread-safe: one LearnStore per thread.
#pragma once

#include "audit/AuditChain.h"
#include "learn/Feedback.h"
#include "learn/LearnChange.h"
#include "store/Database.h"
#include "store/Result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil::learn {

class LearnStore {
public:
    // Read-write (creates/migrates the file); with a key the writes are audited,
    // without (tests, evaluation) they are not.
    static store::Result<std::unique_ptr<LearnStore>> open(const std::string& dbPath,
                                                          std::optional<audit::AuditKey> key);

    store::Result<Feedback> addFeedback(Feedback f);
    store::Result<std::vector<Feedback>> feedback() const;  // in seq order
    // Stores the changes (ids assigned), in one transaction with their audit entries.
    store::Result<std::vector<LearnChange>> addChanges(std::vector<LearnChange> changes);
    store::Result<std::vector<LearnChange>> changes() const;  // in id order, reverted ones too
    // Stamps change `id` reverted at `ts` by `user`. Fails for an unknown id or
    // one already reverted (the error says which).
    store::Result<LearnChange> revert(std::int64_t id, TimestampMs ts, const std::string& user);
    const std::string& path() const { return db_.path(); }

private:
    LearnStore(store::Database db, std::optional<audit::AuditKey> key) : db_(std::move(db)), key_(std::move(key)) {}
    store::Status audit(std::vector<store::AuditEntry> drafts);
    store::Database db_;
    std::optional<audit::AuditKey> key_;
    std::unique_ptr<audit::AuditLog> log_;
};

// The canonical audit body of a change / a feedback (JSON, keys sorted).
std::string auditBody(const LearnChange& c);
std::string auditBody(const Feedback& f);

}  // namespace vigil::learn
