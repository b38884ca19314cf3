-- XinDai store, schema version 5: what the sync client needs (docs/sync-protocol.md).
--
-- outbox.base_version: the server version the edit started from (0 = a new row); the server merges
-- field by field against it. outbox.last_error: why the last push attempt failed (network, server).
-- reference_doc: reference documents that flow down from the server like the other reference data
-- (the holiday calendar, scoring models). sync_rejection: operations the server refused, with its
-- reason, shown next to the record until the user dismisses them. The pull cursor lives in
-- store_state under 'sync_cursor'.

ALTER TABLE outbox ADD COLUMN base_version INTEGER NOT NULL DEFAULT 0 CONSTRAINT base_version CHECK (base_version >= 0);
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';

CREATE TABLE reference_doc (
    id         TEXT PRIMARY KEY NOT NULL,
    version    INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    kind       TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('holiday_calendar', 'scoring_model')),
    name       TEXT NOT NULL CONSTRAINT name CHECK (length(name) > 0),
    content    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE sync_rejection (
    op_id       TEXT PRIMARY KEY NOT NULL,
    entity      TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    dismissed   INTEGER NOT NULL DEFAULT 0 CONSTRAINT dismissed CHECK (dismissed IN (0, 1))
);
CREATE INDEX sync_rejection_row_idx ON sync_rejection(entity, row_id);
