-- XinDai store, schema version 2: firm search index, sync outbox, conflicts, audit log.
--
-- Firm search (see docs/store.md): an FTS5 trigram index on name and USCC answers queries of three
-- characters or more; enterprise_gram holds every name bigram (plus the last character alone) so that
-- one- and two-character Chinese queries are index lookups too. Both are keyed by enterprise.rowid and
-- kept in sync by triggers, except while a bulk load has set store_state 'search_index_deferred'
-- (the loader rebuilds both at the end; Database::open rebuilds them if a load was interrupted).

CREATE TABLE store_state (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL DEFAULT ''
);

-- 0 .. 199: one row per character position of a name (names are at most 200 characters).
CREATE TABLE gram_pos (n INTEGER PRIMARY KEY);
WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 199)
INSERT INTO gram_pos(n) SELECT n FROM seq;

CREATE TABLE enterprise_gram (
    gram TEXT NOT NULL,
    ent  INTEGER NOT NULL,
    PRIMARY KEY (gram, ent)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE enterprise_fts USING fts5(
    name, uscc, content = 'enterprise', content_rowid = 'rowid', tokenize = 'trigram');

INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO enterprise_gram(gram, ent)
    SELECT substr(e.name, p.n + 1, 2), e.rowid FROM enterprise e JOIN gram_pos p ON p.n < length(e.name);

CREATE TRIGGER enterprise_search_ai AFTER INSERT ON enterprise
WHEN NOT EXISTS (SELECT 1 FROM store_state WHERE key = 'search_index_deferred')
BEGIN
    INSERT INTO enterprise_fts(rowid, name, uscc) VALUES (new.rowid, new.name, new.uscc);
    INSERT OR IGNORE INTO enterprise_gram(gram, ent)
        SELECT substr(new.name, n + 1, 2), new.rowid FROM gram_pos WHERE n < length(new.name);
END;

CREATE TRIGGER enterprise_search_ad AFTER DELETE ON enterprise
WHEN NOT EXISTS (SELECT 1 FROM store_state WHERE key = 'search_index_deferred')
BEGIN
    INSERT INTO enterprise_fts(enterprise_fts, rowid, name, uscc) VALUES ('delete', old.rowid, old.name, old.uscc);
    DELETE FROM enterprise_gram WHERE ent = old.rowid
        AND gram IN (SELECT substr(old.name, n + 1, 2) FROM gram_pos WHERE n < length(old.name));
END;

CREATE TRIGGER enterprise_search_au AFTER UPDATE OF name, uscc ON enterprise
WHEN NOT EXISTS (SELECT 1 FROM store_state WHERE key = 'search_index_deferred')
BEGIN
    INSERT INTO enterprise_fts(enterprise_fts, rowid, name, uscc) VALUES ('delete', old.rowid, old.name, old.uscc);
    DELETE FROM enterprise_gram WHERE ent = old.rowid
        AND gram IN (SELECT substr(old.name, n + 1, 2) FROM gram_pos WHERE n < length(old.name));
    INSERT INTO enterprise_fts(rowid, name, uscc) VALUES (new.rowid, new.name, new.uscc);
    INSERT OR IGNORE INTO enterprise_gram(gram, ent)
        SELECT substr(new.name, n + 1, 2), new.rowid FROM gram_pos WHERE n < length(new.name);
END;

-- Local mutations waiting for the server (sync issue). op_id is the server's idempotency key.
CREATE TABLE outbox (
    op_id      TEXT PRIMARY KEY NOT NULL,
    seq        INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    kind       TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('upsert', 'delete')),
    payload    TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0 CONSTRAINT attempts CHECK (attempts >= 0)
);
CREATE UNIQUE INDEX outbox_seq_idx ON outbox(seq);

-- A field whose local and server values disagreed; never dropped silently, shown to the user.
CREATE TABLE conflict (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    field        TEXT NOT NULL,
    local_value  TEXT,
    server_value TEXT,
    detected_at  TEXT NOT NULL,
    resolved     INTEGER NOT NULL DEFAULT 0 CONSTRAINT resolved CHECK (resolved IN (0, 1))
);
CREATE INDEX conflict_open_idx ON conflict(resolved, entity, row_id);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    user_id TEXT,
    action  TEXT NOT NULL,
    entity  TEXT NOT NULL DEFAULT '',
    row_id  TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log(at);
CREATE INDEX audit_log_row_idx ON audit_log(entity, row_id);
