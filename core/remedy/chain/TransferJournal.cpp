#include "remedy/chain/TransferJournal.h"

#include "store/Statement.h"

#include <map>

namespace vigil::remedy {

using store::Result;
using store::Statement;
using store::Status;

TransferJournal::TransferJournal(store::Database& db) : db_(db) {
    if (db_.mode() == store::OpenMode::ReadWrite) db_.exec("PRAGMA synchronous=FULL");
}

Status TransferJournal::run(const char* sql, const std::function<void(Statement&)>& bind) {
    Statement st;
    std::string error;
    if (!st.prepare(db_.handle(), sql, error)) return Status::failure(db_.describe("transfer journal: " + error));
    bind(st);
    if (!st.run(error)) return Status::failure(db_.describe("transfer journal: " + error));
    return {};
}

Result<bool> TransferJournal::insertIfAbsent(const TransferRequest& r, TimestampMs now) {
    auto existing = find(r.key);
    if (!existing) return Status::failure(existing.error());
    if (*existing) {
        if (!(*existing)->request.sameAs(r))
            return Status::failure(db_.path() + ": transfer key '" + r.key +
                                   "' already names a different transfer (from, to, value or gas differ)");
        return false;
    }
    auto s = run("INSERT INTO transfers(key, chain, sender, recipient, value, gas, legacy, state, created, updated)"
                 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned', ?8, ?8)",
                 [&](Statement& st) {
                     st.bind(1, r.key);
                     st.bind(2, r.chain);
                     st.bind(3, r.from);
                     st.bind(4, r.to);
                     st.bind(5, r.value);
                     st.bind(6, static_cast<std::int64_t>(r.gas));
                     st.bind(7, r.legacy);
                     st.bind(8, now);
                 });
    if (!s) return s;
    return true;
}

Result<std::vector<TransferRecord>> TransferJournal::select(const char* where, const std::string& arg) {
    const std::string sql =
        std::string("SELECT key, chain, sender, recipient, value, gas, legacy, nonce, sent_block, state,"
                    " mined_hash, detail, created, updated FROM transfers WHERE ") + where + " ORDER BY created, key";
    Statement st;
    std::string error;
    if (!st.prepare(db_.handle(), sql, error)) return Status::failure(db_.describe("transfer journal: " + error));
    if (!arg.empty()) st.bind(1, std::string_view(arg));
    std::vector<TransferRecord> out;
    std::map<std::string, std::size_t> byKey;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        TransferRecord t;
        t.request.key = st.text(0);
        t.request.chain = st.text(1);
        t.request.from = st.text(2);
        t.request.to = st.text(3);
        t.request.value = st.text(4);
        t.request.gas = static_cast<std::uint64_t>(st.int64(5));
        t.request.legacy = st.int64(6) != 0;
        if (!st.isNull(7)) t.nonce = static_cast<std::uint64_t>(st.int64(7));
        if (!st.isNull(8)) t.sentBlock = static_cast<std::uint64_t>(st.int64(8));
        const auto state = parseTransferState(st.textView(9));
        if (!state)
            return Status::failure(db_.path() + ": transfers row '" + t.request.key + "': unknown state '" +
                                   st.text(9) + "'");
        t.state = *state;
        t.minedHash = st.text(10);
        t.detail = st.text(11);
        t.created = st.int64(12);
        t.updated = st.int64(13);
        byKey[t.request.key] = out.size();
        out.push_back(std::move(t));
    }
    if (rc != SQLITE_DONE) return Status::failure(db_.describe("transfer journal: reading transfers"));

    Statement sends;
    if (!sends.prepare(db_.handle(),
                       "SELECT attempt, ts, max_fee, tip, gas_price, tx_hash, outcome FROM transfer_sends"
                       " WHERE key = ?1 ORDER BY attempt",
                       error))
        return Status::failure(db_.describe("transfer journal: " + error));
    for (auto& t : out) {
        sends.bind(1, std::string_view(t.request.key));
        while ((rc = sends.step()) == SQLITE_ROW) {
            SendAttempt a;
            a.attempt = static_cast<int>(sends.int64(0));
            a.ts = sends.int64(1);
            a.fees.legacy = t.request.legacy;
            a.fees.maxFeePerGas = static_cast<std::uint64_t>(sends.int64(2));
            a.fees.maxPriorityFeePerGas = static_cast<std::uint64_t>(sends.int64(3));
            a.fees.gasPrice = static_cast<std::uint64_t>(sends.int64(4));
            a.txHash = sends.text(5);
            a.outcome = sends.text(6);
            t.sends.push_back(std::move(a));
        }
        if (rc != SQLITE_DONE) return Status::failure(db_.describe("transfer journal: reading transfer_sends"));
        sends.reset();
    }
    return out;
}

Result<std::optional<TransferRecord>> TransferJournal::find(const std::string& key) {
    auto rows = select("key = ?1", key);
    if (!rows) return Status::failure(rows.error());
    if (rows->empty()) return std::optional<TransferRecord>();
    return std::optional<TransferRecord>(std::move(rows->front()));
}

Result<std::vector<TransferRecord>> TransferJournal::open() {
    return select("state IN ('planned', 'sending', 'pending')", "");
}

Status TransferJournal::fixNonce(const std::string& key, std::uint64_t nonce, std::uint64_t sentBlock,
                                 TimestampMs now) {
    // "nonce IS NULL": a nonce, once fixed, is never changed for this key.
    return run("UPDATE transfers SET nonce = ?2, sent_block = ?3, updated = ?4 WHERE key = ?1 AND nonce IS NULL",
               [&](Statement& st) {
                   st.bind(1, std::string_view(key));
                   st.bind(2, static_cast<std::int64_t>(nonce));
                   st.bind(3, static_cast<std::int64_t>(sentBlock));
                   st.bind(4, now);
               });
}

Status TransferJournal::beginSend(const std::string& key, int attempt, const TxFees& fees, TimestampMs now) {
    if (auto s = db_.exec("BEGIN IMMEDIATE"); !s) return s;
    auto s = run("INSERT INTO transfer_sends(key, attempt, ts, max_fee, tip, gas_price, outcome)"
                 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'sending')",
                 [&](Statement& st) {
                     st.bind(1, std::string_view(key));
                     st.bind(2, attempt);
                     st.bind(3, now);
                     st.bind(4, static_cast<std::int64_t>(fees.maxFeePerGas));
                     st.bind(5, static_cast<std::int64_t>(fees.maxPriorityFeePerGas));
                     st.bind(6, static_cast<std::int64_t>(fees.gasPrice));
                 });
    if (s) s = setState(key, TransferState::Sending, "", "", now);
    if (!s) {
        db_.exec("ROLLBACK");
        return s;
    }
    return db_.exec("COMMIT");
}

Status TransferJournal::finishSend(const std::string& key, int attempt, const std::string& txHash,
                                   std::string_view outcome, TransferState state, const std::string& detail,
                                   TimestampMs now) {
    if (auto s = db_.exec("BEGIN IMMEDIATE"); !s) return s;
    auto s = run("UPDATE transfer_sends SET tx_hash = ?3, outcome = ?4 WHERE key = ?1 AND attempt = ?2",
                 [&](Statement& st) {
                     st.bind(1, std::string_view(key));
                     st.bind(2, attempt);
                     st.bind(3, std::string_view(txHash));
                     st.bind(4, outcome);
                 });
    if (s) s = setState(key, state, "", detail, now);
    if (!s) {
        db_.exec("ROLLBACK");
        return s;
    }
    return db_.exec("COMMIT");
}

Status TransferJournal::setSendHash(const std::string& key, int attempt, const std::string& txHash) {
    return run("UPDATE transfer_sends SET tx_hash = ?3 WHERE key = ?1 AND attempt = ?2", [&](Statement& st) {
        st.bind(1, std::string_view(key));
        st.bind(2, attempt);
        st.bind(3, std::string_view(txHash));
    });
}

Status TransferJournal::setState(const std::string& key, TransferState state, const std::string& minedHash,
                                 const std::string& detail, TimestampMs now) {
    return run("UPDATE transfers SET state = ?2, mined_hash = ?3, detail = ?4, updated = ?5 WHERE key = ?1",
               [&](Statement& st) {
                   st.bind(1, std::string_view(key));
                   st.bind(2, transferStateName(state));
                   st.bind(3, std::string_view(minedHash));
                   st.bind(4, std::string_view(detail));
                   st.bind(5, now);
               });
}

}  // namespace vigil::remedy
