#include "remedy/SagaJournal.h"

#include "store/Statement.h"

#include <array>
#include <sqlite3.h>

namespace vigil::remedy {

using store::Result;
using store::Statement;
using store::Status;

namespace {

constexpr std::array<std::string_view, 6> kStepNames{"pending", "started", "done", "failed", "compensating", "compensated"};
constexpr std::array<std::string_view, 5> kSagaNames{"running", "compensating", "completed", "compensated", "stuck"};

template <class E, std::size_t N>
bool lookup(const std::array<std::string_view, N>& names, std::string_view s, E& out) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

}  // namespace

std::string_view toString(StepState s) { return kStepNames[static_cast<std::size_t>(s)]; }
std::string_view toString(SagaState s) { return kSagaNames[static_cast<std::size_t>(s)]; }
bool fromString(std::string_view s, StepState& out) { return lookup(kStepNames, s, out); }
bool fromString(std::string_view s, SagaState& out) { return lookup(kSagaNames, s, out); }

Result<std::unique_ptr<SagaJournal>> SagaJournal::open(const std::string& dbPath) {
    auto db = store::Database::open(dbPath, store::OpenMode::ReadWrite);
    if (!db) return Status::failure(db.error());
    return std::unique_ptr<SagaJournal>(new SagaJournal(std::move(db).value()));
}

Status SagaJournal::create(const Saga& saga) {
    if (saga.id.empty()) return Status::failure(db_.path() + ": saga: empty id");
    if (saga.steps.empty()) return Status::failure(db_.path() + ": saga " + saga.id + ": no steps");
    for (std::size_t i = 0; i < saga.steps.size(); ++i)
        if (saga.steps[i].name.empty())
            return Status::failure(db_.path() + ": saga " + saga.id + ": step " + std::to_string(i + 1) + ": empty name");
    if (Status s = db_.exec("BEGIN IMMEDIATE"); !s) return s;
    std::string err;
    Statement head, step;
    bool ok = head.prepare(db_.handle(),
                           "INSERT INTO sagas(id, kind, state, created, updated, error) VALUES(?1, ?2, 'running', ?3, ?3, '')",
                           err) &&
              step.prepare(db_.handle(),
                           "INSERT INTO saga_steps(saga_id, pos, name, params, compensation, state, updated) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, 'pending', ?6)",
                           err);
    if (ok) {
        head.bind(1, std::string_view(saga.id));
        head.bind(2, std::string_view(saga.kind));
        head.bind(3, saga.created);
        ok = head.run(err);
        if (!ok && sqlite3_extended_errcode(db_.handle()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            err = "a saga with this id exists already";
    }
    for (std::size_t i = 0; ok && i < saga.steps.size(); ++i) {
        const SagaStep& s = saga.steps[i];
        step.bind(1, std::string_view(saga.id));
        step.bind(2, static_cast<std::int64_t>(i + 1));
        step.bind(3, std::string_view(s.name));
        step.bind(4, std::string_view(s.params));
        step.bind(5, std::string_view(s.compensation));
        step.bind(6, saga.created);
        ok = step.run(err);
    }
    if (!ok) {
        db_.exec("ROLLBACK");
        return Status::failure(db_.path() + ": saga " + saga.id + ": " + err);
    }
    return db_.exec("COMMIT");
}

Result<std::optional<Saga>> SagaJournal::load(const std::string& id) const {
    std::string err;
    Statement head, steps;
    if (!head.prepare(db_.handle(), "SELECT kind, state, created, updated, error FROM sagas WHERE id = ?1", err) ||
        !steps.prepare(db_.handle(),
                       "SELECT pos, name, params, compensation, state, detail, updated FROM saga_steps "
                       "WHERE saga_id = ?1 ORDER BY pos",
                       err))
        return Status::failure(db_.path() + ": " + err);
    head.bind(1, std::string_view(id));
    int rc = head.step();
    if (rc == SQLITE_DONE) return std::optional<Saga>();
    if (rc != SQLITE_ROW) return Status::failure(db_.describe("cannot read saga " + id));
    Saga s;
    s.id = id;
    s.kind = head.text(0);
    if (!fromString(head.textView(1), s.state))
        return Status::failure(db_.path() + ": saga " + id + ": unknown state '" + head.text(1) + "'");
    s.created = head.int64(2);
    s.updated = head.int64(3);
    s.error = head.text(4);
    steps.bind(1, std::string_view(id));
    while ((rc = steps.step()) == SQLITE_ROW) {
        if (steps.int64(0) != static_cast<std::int64_t>(s.steps.size() + 1))
            return Status::failure(db_.path() + ": saga " + id + ": step " + std::to_string(s.steps.size() + 1) + " missing");
        SagaStep st;
        st.name = steps.text(1);
        st.params = steps.text(2);
        st.compensation = steps.text(3);
        if (!fromString(steps.textView(4), st.state))
            return Status::failure(db_.path() + ": saga " + id + ": step " + steps.text(0) + ": unknown state '" +
                                   steps.text(4) + "'");
        st.detail = steps.text(5);
        st.updated = steps.int64(6);
        s.steps.push_back(std::move(st));
    }
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot read the steps of saga " + id));
    return std::optional<Saga>(std::move(s));
}

Result<std::vector<std::string>> SagaJournal::unfinished() const {
    std::string err;
    Statement q;
    if (!q.prepare(db_.handle(),
                   "SELECT id FROM sagas WHERE state IN ('running', 'compensating') ORDER BY created, id", err))
        return Status::failure(db_.path() + ": " + err);
    std::vector<std::string> ids;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) ids.push_back(q.text(0));
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("cannot list unfinished sagas"));
    return ids;
}

Status SagaJournal::setStep(const std::string& id, int pos, StepState state, const std::string& detail, TimestampMs ts) {
    std::string err;
    Statement st;
    if (!st.prepare(db_.handle(), "UPDATE saga_steps SET state = ?3, detail = ?4, updated = ?5 WHERE saga_id = ?1 AND pos = ?2",
                    err))
        return Status::failure(db_.path() + ": " + err);
    const std::string_view name = toString(state);
    st.bind(1, std::string_view(id));
    st.bind(2, pos);
    st.bind(3, name);
    st.bind(4, std::string_view(detail));
    st.bind(5, ts);
    if (!st.run(err)) return Status::failure(db_.path() + ": saga " + id + " step " + std::to_string(pos) + ": " + err);
    if (sqlite3_changes(db_.handle()) != 1)
        return Status::failure(db_.path() + ": saga " + id + " has no step " + std::to_string(pos));
    return {};
}

Status SagaJournal::setSaga(const std::string& id, SagaState state, const std::string& error, TimestampMs ts) {
    std::string err;
    Statement st;
    if (!st.prepare(db_.handle(), "UPDATE sagas SET state = ?2, error = ?3, updated = ?4 WHERE id = ?1", err))
        return Status::failure(db_.path() + ": " + err);
    const std::string_view name = toString(state);
    st.bind(1, std::string_view(id));
    st.bind(2, name);
    st.bind(3, std::string_view(error));
    st.bind(4, ts);
    if (!st.run(err)) return Status::failure(db_.path() + ": saga " + id + ": " + err);
    if (sqlite3_changes(db_.handle()) != 1) return Status::failure(db_.path() + ": no saga " + id);
    return {};
}

}  // namespace vigil::remedy
