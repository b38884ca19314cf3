-- XinDai store, schema version 4: the log of generated credit reports (modules/report): number, what
-- each covers and the content hash its printed verification code is checked against. Not synced: a report
-- is a local artefact.
CREATE TABLE report_log (
    number TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    file_sha256 TEXT NOT NULL DEFAULT '',
    generated_by TEXT NOT NULL DEFAULT '',
    generated_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX report_log_firm_idx ON report_log(enterprise_id, generated_at);
