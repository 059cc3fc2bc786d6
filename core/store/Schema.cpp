#include "store/Schema.h"

#include <array>

namespace vigil::store {

namespace {

// Version 1: the initial tables. Enums are stored by their wire names (readable
// with the sqlite3 shell, immune to enum reordering). Events keep typed columns
// for filtering plus the exact NDJSON line (docs/storage.md explains why).
constexpr const char* kV1 = R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE series(
  id     INTEGER PRIMARY KEY,
  series TEXT NOT NULL,
  target TEXT NOT NULL,
  UNIQUE(series, target)
);

CREATE TABLE metrics(
  ts        INTEGER NOT NULL,
  series_id INTEGER NOT NULL REFERENCES series(id),
  value     REAL NOT NULL
);

CREATE TABLE events(
  seq     INTEGER PRIMARY KEY,
  ts      INTEGER NOT NULL,
  kind    TEXT NOT NULL CHECK(kind IN ('task', 'tx', 'log')),
  agent   TEXT NOT NULL,
  subject TEXT NOT NULL,
  state   TEXT NOT NULL,
  body    TEXT NOT NULL
);

CREATE TABLE anomalies(
  id            TEXT PRIMARY KEY,
  ts            INTEGER NOT NULL,
  detector      TEXT NOT NULL,
  series        TEXT NOT NULL,
  target        TEXT NOT NULL,
  score         REAL NOT NULL,
  observed      REAL NOT NULL,
  expected_low  REAL NOT NULL,
  expected_high REAL NOT NULL,
  explanation   TEXT NOT NULL
);

CREATE TABLE incidents(
  id            TEXT PRIMARY KEY,
  ts            INTEGER NOT NULL,
  state         TEXT NOT NULL,
  severity      TEXT NOT NULL,
  opened        INTEGER NOT NULL,
  cause         TEXT NOT NULL,
  narrative     TEXT NOT NULL,
  anomaly_count INTEGER NOT NULL
);

CREATE TABLE incident_targets(
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  pos         INTEGER NOT NULL,
  target      TEXT NOT NULL,
  PRIMARY KEY(incident_id, pos)
) WITHOUT ROWID;

CREATE TABLE actions(
  id          TEXT PRIMARY KEY,
  ts          INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  kind        TEXT NOT NULL,
  target      TEXT NOT NULL,
  params      TEXT NOT NULL,
  status      TEXT NOT NULL,
  critical    INTEGER NOT NULL
);

CREATE TABLE approvals(
  seq       INTEGER PRIMARY KEY,
  ts        INTEGER NOT NULL,
  id        TEXT NOT NULL,
  action_id TEXT NOT NULL,
  requester TEXT NOT NULL,
  approver  TEXT NOT NULL,
  decision  TEXT NOT NULL,
  expires   INTEGER NOT NULL,
  reason    TEXT NOT NULL
);

CREATE TABLE outcomes(
  seq       INTEGER PRIMARY KEY,
  ts        INTEGER NOT NULL,
  action_id TEXT NOT NULL,
  success   INTEGER NOT NULL,
  detail    TEXT NOT NULL
);

CREATE TABLE audit(
  seq       INTEGER PRIMARY KEY,
  ts        INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  subject   TEXT NOT NULL,
  body      TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
)sql";

// Version 2: read paths. Metric rows are found through metric_blocks, a
// block-range index: the writer inserts each transaction's metrics grouped by
// series, so one series' rows of one transaction are a contiguous rowid range,
// described by one block row (series, rowid range, time range). That replaces a
// per-row (series_id, ts) index, which costs more than the row insert itself
// (docs/storage.md, "Performance"). Rows from version 1 get one block per series
// spanning all its rows: a wider range, still correct, because readers filter
// by series_id and ts inside a block. Also: event, anomaly and approval
// indexes, and the number of updates folded into an incident's latest state
// (unknown for version-1 rows, which start at 1).
constexpr const char* kV2 = R"sql(
CREATE TABLE metric_blocks(
  series_id INTEGER NOT NULL REFERENCES series(id),
  max_ts    INTEGER NOT NULL,
  first_row INTEGER NOT NULL,
  last_row  INTEGER NOT NULL,
  min_ts    INTEGER NOT NULL,
  rows      INTEGER NOT NULL,
  PRIMARY KEY(series_id, max_ts, first_row)
) WITHOUT ROWID;
INSERT INTO metric_blocks(series_id, max_ts, first_row, last_row, min_ts, rows)
  SELECT series_id, max(ts), min(rowid), max(rowid), min(ts), count(*) FROM metrics GROUP BY series_id;
CREATE INDEX events_by_kind_ts ON events(kind, ts);
CREATE INDEX anomalies_by_ts ON anomalies(ts);
CREATE INDEX approvals_by_action ON approvals(action_id, seq);
ALTER TABLE incidents ADD COLUMN updates INTEGER NOT NULL DEFAULT 1;
)sql";

// Version 3: one row per imported log file, written in the import's own
// transaction (an import is all or nothing). The content hash is UNIQUE: the
// same bytes imported twice would double every metric and event.
constexpr const char* kV3 = R"sql(
CREATE TABLE imports(
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE,
  path        TEXT NOT NULL,
  bytes       INTEGER NOT NULL,
  modified    INTEGER NOT NULL,
  records     INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL
);
)sql";

// Version 4: approval requests with their evidence (issue #9). One row per
// request; its decisions stay rows of `approvals` (requested, approved,
// rejected, expired; reason = the person's comment). content is the canonical
// JSON of exactly what would be sent and content_sha256 its hash: an approval
// is valid only for that content. Amounts are decimal wei text (exact).
constexpr const char* kV4 = R"sql(
CREATE TABLE approval_requests(
  id               TEXT PRIMARY KEY,
  action_id        TEXT NOT NULL,
  action_kind      TEXT NOT NULL,
  target           TEXT NOT NULL,
  incident_id      TEXT NOT NULL,
  narrative        TEXT NOT NULL,
  metric_window    TEXT NOT NULL,
  content          TEXT NOT NULL,
  content_sha256   TEXT NOT NULL,
  rule             TEXT NOT NULL,
  requester        TEXT NOT NULL,
  value_wei        TEXT NOT NULL,
  approvers_needed INTEGER NOT NULL CHECK(approvers_needed IN (1, 2)),
  created          INTEGER NOT NULL,
  expires          INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK(state IN ('pending', 'approved', 'rejected', 'expired', 'executed')),
  updated          INTEGER NOT NULL
);
CREATE INDEX approval_requests_by_state ON approval_requests(state, expires);
CREATE INDEX approvals_by_id ON approvals(id, seq);
)sql";

// Version 5: the saga journal (core/remedy/SagaJournal): multi-step workflows
// recorded step by step, each step with its compensation, so a workflow failing
// part-way is undone in reverse order, also after a restart. States are wire
// names, as everywhere in the schema.
constexpr const char* kV5 = R"sql(
CREATE TABLE sagas(
  id      TEXT PRIMARY KEY,
  kind    TEXT NOT NULL,
  state   TEXT NOT NULL CHECK(state IN ('running', 'compensating', 'completed', 'compensated', 'stuck')),
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  error   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE saga_steps(
  saga_id      TEXT NOT NULL REFERENCES sagas(id),
  pos          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  params       TEXT NOT NULL,
  compensation TEXT NOT NULL,
  state        TEXT NOT NULL CHECK(state IN ('pending', 'started', 'done', 'failed', 'compensating', 'compensated')),
  updated      INTEGER NOT NULL,
  detail       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(saga_id, pos)
) WITHOUT ROWID;
CREATE INDEX sagas_by_state ON sagas(state);
)sql";

// Version 6: the transfer journal (core/remedy/chain/TransferJournal). One row
// per logical transfer, keyed by its idempotency key, with the nonce fixed
// before the first send and never changed; one row per send attempt, written
// before the send ('sending') and completed with the node's answer, so a crash
// between the two is visible on restart and reconciled against the chain.
// Fees are wei per gas (fit in 63 bits); value is a hex quantity (may not).
constexpr const char* kV6 = R"sql(
CREATE TABLE transfers(
  key        TEXT PRIMARY KEY,
  chain      TEXT NOT NULL,
  sender     TEXT NOT NULL,
  recipient  TEXT NOT NULL,
  value      TEXT NOT NULL,
  gas        INTEGER NOT NULL,
  legacy     INTEGER NOT NULL,
  nonce      INTEGER,
  sent_block INTEGER,
  state      TEXT NOT NULL,
  mined_hash TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT '',
  created    INTEGER NOT NULL,
  updated    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX transfers_by_state ON transfers(state);
CREATE TABLE transfer_sends(
  key       TEXT NOT NULL REFERENCES transfers(key),
  attempt   INTEGER NOT NULL,
  ts        INTEGER NOT NULL,
  max_fee   INTEGER NOT NULL,
  tip       INTEGER NOT NULL,
  gas_price INTEGER NOT NULL,
  tx_hash   TEXT NOT NULL DEFAULT '',
  outcome   TEXT NOT NULL,
  PRIMARY KEY(key, attempt)
) WITHOUT ROWID;
)sql";

// Version 7: continuous learning (core/learn, docs/learning.md). Operators'
// feedback on incidents and actions, and every learned change with its reason
// and evidence; a revert stamps the change (it is never deleted), so the model
// in force is the fold of the changes not reverted, in id order.
constexpr const char* kV7 = R"sql(
CREATE TABLE feedback(
  seq         INTEGER PRIMARY KEY,
  ts          INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK(verdict IN ('false_alarm', 'real', 'action_helped', 'action_useless')),
  action_id   TEXT NOT NULL DEFAULT '',
  user        TEXT NOT NULL,
  comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_by_incident ON feedback(incident_id, seq);
CREATE TABLE learn_changes(
  id           INTEGER PRIMARY KEY,
  ts           INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK(kind IN ('series_cut', 'playbook_order')),
  series       TEXT NOT NULL DEFAULT '',
  target       TEXT NOT NULL DEFAULT '',
  cut_before   REAL NOT NULL DEFAULT 0,
  cut_after    REAL NOT NULL DEFAULT 0,
  rule         TEXT NOT NULL DEFAULT '',
  order_before TEXT NOT NULL DEFAULT '',
  order_after  TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL,
  evidence     TEXT NOT NULL DEFAULT '',
  made_by      TEXT NOT NULL,
  reverted_ts  INTEGER NOT NULL DEFAULT 0,
  reverted_by  TEXT NOT NULL DEFAULT ''
);
)sql";

// Version 8: silences (core/silence, docs/operations.md "Silences"): matchers
// (target glob, labels as "key=value" lines, policy incident kind), the window
// [starts, ends) in ms, who set it and why; expiring early moves `ends` to the
// moment of expiry and keeps who did it. Rows are never deleted (audit).
constexpr const char* kV8 = R"sql(
CREATE TABLE silences(
  id         INTEGER PRIMARY KEY,
  target     TEXT NOT NULL DEFAULT '',
  labels     TEXT NOT NULL DEFAULT '',
  kind       TEXT NOT NULL DEFAULT '',
  starts     INTEGER NOT NULL,
  ends       INTEGER NOT NULL CHECK(ends >= starts),
  reason     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created    INTEGER NOT NULL,
  expired_by TEXT NOT NULL DEFAULT '',
  expired_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX silences_by_end ON silences(ends);
)sql";

// Version 9: what a front end needs to show stored incidents and anomalies as
// the engine made them. The narrative and the explanation as message ids with
// arguments (record/NarrativeJson.h; '' = none, as in rows from before: the
// reader then shows the stored English text), and a prediction's expected time
// to breach (NULL on every other anomaly and on older rows).
constexpr const char* kV9 = R"sql(
ALTER TABLE incidents ADD COLUMN story TEXT NOT NULL DEFAULT '';
ALTER TABLE anomalies ADD COLUMN explanation_msgs TEXT NOT NULL DEFAULT '';
ALTER TABLE anomalies ADD COLUMN time_to_breach_ms INTEGER;
)sql";

constexpr std::array<Migration, kSchemaVersion> kMigrations{{
    {1, "initial tables", kV1},
    {2, "metric blocks, read-path indexes, incidents.updates", kV2},
    {3, "imports: one row per imported log file", kV3},
    {4, "approval requests with evidence", kV4},
    {5, "saga journal: sagas, saga_steps", kV5},
    {6, "transfer journal (transfers, transfer_sends)", kV6},
    {7, "continuous learning: feedback, learn_changes", kV7},
    {8, "silences", kV8},
    {9, "message ids of narratives and explanations, anomalies.time_to_breach_ms", kV9},
}};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace vigil::store
