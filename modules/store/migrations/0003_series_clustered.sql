-- XinDai store, schema version 3: the monthly series table clustered by firm.
--
-- monthly_value is most of a store (24 months × 6 series per firm: 14.4 million rows at 100,000
-- firms). Up to schema 2 it was a rowid table with two indexes (the id primary key and
-- (enterprise_id, kind, month)), so every row was stored three times and a bulk load had to sort a
-- 14-million-entry index at the end. From schema 3 the table itself is the B-tree on its natural key
-- (enterprise_id, kind, month), WITHOUT ROWID: a firm profile is one range scan, a bulk load sorted
-- by firm appends, and there is no other index. The sync id stays a UUID column, but it is not
-- indexed: series rows are saved (and will be synced) by their natural key, see docs/store.md.
--
-- Older files may hold two rows for the same firm, kind and month (schema 1 did not forbid it).
-- The most recently updated one is kept; every other one is recorded in the conflict table (field
-- "value": its value against the kept one) so that nothing disappears silently.

CREATE TABLE monthly_value_v3 (
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    kind          TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('tax_paid', 'social_insurance_headcount',
                      'housing_fund', 'electricity', 'bank_inflow', 'bank_outflow')),
    month         TEXT NOT NULL CONSTRAINT month CHECK (length(month) = 10 AND substr(month, 9, 2) = '01'),
    id            TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT,
    deleted       INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    value         INTEGER NOT NULL DEFAULT 0 CONSTRAINT value CHECK (value >= 0),
    PRIMARY KEY (enterprise_id, kind, month)
) WITHOUT ROWID;

-- The row kept for each (firm, kind, month): latest updated_at, then highest rowid.
CREATE TEMP TABLE monthly_value_keep AS
    SELECT enterprise_id, kind, month, rowid AS kept FROM (
        SELECT enterprise_id, kind, month, rowid,
               row_number() OVER (PARTITION BY enterprise_id, kind, month
                                  ORDER BY updated_at DESC, rowid DESC) AS pos
        FROM monthly_value)
    WHERE pos = 1;

INSERT INTO conflict (entity, row_id, field, local_value, server_value, detected_at, resolved)
    SELECT 'monthly_value', m.id, 'value', CAST(m.value AS TEXT), CAST(k.value AS TEXT),
           strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0
    FROM monthly_value m
    JOIN monthly_value_keep s ON s.enterprise_id = m.enterprise_id AND s.kind = m.kind AND s.month = m.month
    JOIN monthly_value k ON k.rowid = s.kept
    WHERE m.rowid <> s.kept;

INSERT INTO monthly_value_v3 (enterprise_id, kind, month, id, version, updated_at, deleted, value)
    SELECT m.enterprise_id, m.kind, m.month, m.id, m.version, m.updated_at, m.deleted, m.value
    FROM monthly_value_keep s JOIN monthly_value m ON m.rowid = s.kept
    ORDER BY s.enterprise_id, s.kind, s.month;

DROP TABLE monthly_value_keep;
DROP TABLE monthly_value;
ALTER TABLE monthly_value_v3 RENAME TO monthly_value;
