-- xindai-server, schema version 1: the central store (docs/server.md).
-- One portable set for SQLite and PostgreSQL: TEXT, BIGINT, INTEGER only, no AUTOINCREMENT/SERIAL
-- (ids are UUID text; versions come from sync_clock). Every synced table has the client store's
-- columns (modules/store/migrations) plus field_versions: {"field": version that last changed it}.
-- Field values are checked by Sync::EntityCatalog before they reach SQL, so the tables keep only
-- NOT NULL, defaults, keys and references. "authorization" is a reserved word in PostgreSQL, hence
-- the quotes. Statements end with a semicolon at the end of a line (the runner splits there).

CREATE TABLE sync_clock (
    id  INTEGER PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL
);
INSERT INTO sync_clock (id, seq) VALUES (1, 0);

CREATE TABLE park (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    code           TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL,
    region_code    TEXT NOT NULL DEFAULT '',
    level          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX park_version_idx ON park(version);

CREATE TABLE institution (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    code           TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL,
    type           TEXT NOT NULL,
    region_code    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX institution_version_idx ON institution(version);

CREATE TABLE product (
    id                      TEXT PRIMARY KEY NOT NULL,
    version                 BIGINT NOT NULL DEFAULT 0,
    updated_at              TEXT,
    deleted                 INTEGER NOT NULL DEFAULT 0,
    field_versions          TEXT NOT NULL DEFAULT '{}',
    institution_id          TEXT NOT NULL REFERENCES institution(id),
    code                    TEXT NOT NULL DEFAULT '',
    name                    TEXT NOT NULL,
    collateral              TEXT NOT NULL DEFAULT '',
    min_amount              BIGINT NOT NULL DEFAULT 0,
    max_amount              BIGINT NOT NULL DEFAULT 0,
    min_term_months         BIGINT NOT NULL DEFAULT 1,
    max_term_months         BIGINT NOT NULL DEFAULT 12,
    rate_min_bp             BIGINT NOT NULL DEFAULT 0,
    rate_max_bp             BIGINT NOT NULL DEFAULT 0,
    fee_bp                  BIGINT NOT NULL DEFAULT 0,
    zones                   TEXT NOT NULL DEFAULT '[]',
    eligibility_rule        TEXT NOT NULL DEFAULT '',
    required_documents      TEXT NOT NULL DEFAULT '[]',
    platform_exclusive      INTEGER NOT NULL DEFAULT 0,
    approval_rate_permille  BIGINT NOT NULL DEFAULT 0,
    avg_days_to_decision    BIGINT NOT NULL DEFAULT 0,
    service_rating_permille BIGINT NOT NULL DEFAULT 0,
    description             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX product_version_idx ON product(version);
CREATE INDEX product_institution_idx ON product(institution_id);

CREATE TABLE policy (
    id                 TEXT PRIMARY KEY NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    updated_at         TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0,
    field_versions     TEXT NOT NULL DEFAULT '{}',
    code               TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL,
    type               TEXT NOT NULL,
    authority          TEXT NOT NULL DEFAULT '',
    region_code        TEXT NOT NULL DEFAULT '',
    eligibility_rule   TEXT NOT NULL DEFAULT '',
    benefit_rule       TEXT NOT NULL DEFAULT '',
    benefit_cap        BIGINT NOT NULL DEFAULT 0,
    window_start       TEXT,
    window_end         TEXT,
    required_materials TEXT NOT NULL DEFAULT '[]',
    summary            TEXT NOT NULL DEFAULT '',
    rule_version       BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX policy_version_idx ON policy(version);

CREATE TABLE reference_doc (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    content        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX reference_doc_version_idx ON reference_doc(version);

CREATE TABLE enterprise (
    id                 TEXT PRIMARY KEY NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    updated_at         TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0,
    field_versions     TEXT NOT NULL DEFAULT '{}',
    uscc               TEXT NOT NULL,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    legal_rep          TEXT NOT NULL DEFAULT '',
    legal_rep_id       TEXT NOT NULL DEFAULT '',
    established        TEXT,
    registered_capital BIGINT NOT NULL DEFAULT 0,
    industry_code      TEXT NOT NULL DEFAULT '',
    region_code        TEXT NOT NULL DEFAULT '',
    park_id            TEXT REFERENCES park(id),
    employees          BIGINT NOT NULL DEFAULT 0,
    annual_revenue     BIGINT NOT NULL DEFAULT 0,
    total_assets       BIGINT NOT NULL DEFAULT 0,
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX enterprise_version_idx ON enterprise(version);
CREATE UNIQUE INDEX enterprise_uscc_idx ON enterprise(uscc);
CREATE INDEX enterprise_park_idx ON enterprise(park_id);

CREATE TABLE monthly_value (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    enterprise_id  TEXT NOT NULL REFERENCES enterprise(id),
    kind           TEXT NOT NULL,
    month          TEXT NOT NULL,
    value          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX monthly_value_version_idx ON monthly_value(version);
CREATE UNIQUE INDEX monthly_value_key_idx ON monthly_value(enterprise_id, kind, month);

CREATE TABLE credit_record (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    enterprise_id  TEXT NOT NULL REFERENCES enterprise(id),
    kind           TEXT NOT NULL,
    date           TEXT NOT NULL,
    valid_to       TEXT,
    title          TEXT NOT NULL DEFAULT '',
    authority      TEXT NOT NULL DEFAULT '',
    amount         BIGINT NOT NULL DEFAULT 0,
    detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_record_version_idx ON credit_record(version);
CREATE INDEX credit_record_enterprise_idx ON credit_record(enterprise_id);

CREATE TABLE app_user (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    login          TEXT NOT NULL,
    display_name   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL,
    park_id        TEXT REFERENCES park(id),
    institution_id TEXT REFERENCES institution(id),
    password_hash  TEXT NOT NULL DEFAULT '',
    disabled       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX app_user_version_idx ON app_user(version);
CREATE UNIQUE INDEX app_user_login_idx ON app_user(login);

CREATE TABLE "authorization" (
    id              TEXT PRIMARY KEY NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    updated_at      TEXT,
    deleted         INTEGER NOT NULL DEFAULT 0,
    field_versions  TEXT NOT NULL DEFAULT '{}',
    enterprise_id   TEXT NOT NULL REFERENCES enterprise(id),
    institution_ids TEXT NOT NULL DEFAULT '[]',
    purpose         TEXT NOT NULL DEFAULT '',
    valid_from      TEXT,
    valid_to        TEXT,
    revoked         INTEGER NOT NULL DEFAULT 0,
    revoked_at      TEXT,
    scan_sha256     TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT REFERENCES app_user(id)
);
CREATE INDEX authorization_version_idx ON "authorization"(version);
CREATE INDEX authorization_enterprise_idx ON "authorization"(enterprise_id);

CREATE TABLE application (
    id                   TEXT PRIMARY KEY NOT NULL,
    version              BIGINT NOT NULL DEFAULT 0,
    updated_at           TEXT,
    deleted              INTEGER NOT NULL DEFAULT 0,
    field_versions       TEXT NOT NULL DEFAULT '{}',
    number               TEXT NOT NULL DEFAULT '',
    enterprise_id        TEXT NOT NULL REFERENCES enterprise(id),
    product_id           TEXT REFERENCES product(id),
    institution_id       TEXT REFERENCES institution(id),
    park_id              TEXT REFERENCES park(id),
    amount               BIGINT NOT NULL DEFAULT 0,
    term_months          BIGINT NOT NULL DEFAULT 12,
    purpose              TEXT NOT NULL DEFAULT '',
    collateral           TEXT NOT NULL DEFAULT '',
    state                TEXT NOT NULL,
    created_at           TEXT,
    submitted_at         TEXT,
    accepted_at          TEXT,
    decided_at           TEXT,
    disbursed_at         TEXT,
    settled_at           TEXT,
    approved_amount      BIGINT NOT NULL DEFAULT 0,
    approved_rate_bp     BIGINT NOT NULL DEFAULT 0,
    approved_term_months BIGINT NOT NULL DEFAULT 0,
    reject_reason        TEXT NOT NULL DEFAULT '',
    created_by           TEXT REFERENCES app_user(id)
);
CREATE INDEX application_version_idx ON application(version);
CREATE INDEX application_enterprise_idx ON application(enterprise_id);
CREATE INDEX application_park_idx ON application(park_id, state);
CREATE INDEX application_institution_idx ON application(institution_id, state);

CREATE TABLE document (
    id             TEXT PRIMARY KEY NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    field_versions TEXT NOT NULL DEFAULT '{}',
    enterprise_id  TEXT NOT NULL REFERENCES enterprise(id),
    application_id TEXT REFERENCES application(id),
    doc_type       TEXT NOT NULL DEFAULT '',
    file_name      TEXT NOT NULL DEFAULT '',
    mime_type      TEXT NOT NULL DEFAULT '',
    size_bytes     BIGINT NOT NULL DEFAULT 0,
    sha256         TEXT NOT NULL DEFAULT '',
    added_at       TEXT
);
CREATE INDEX document_version_idx ON document(version);
CREATE INDEX document_enterprise_idx ON document(enterprise_id);

-- Server-only tables (never synced); constraints exactly as docs/server.md lists them.
CREATE TABLE applied_op (
    op_id      TEXT PRIMARY KEY NOT NULL,
    client_id  TEXT,
    user_id    TEXT,
    result     TEXT,
    applied_at TEXT
);

CREATE TABLE session_token (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT,
    created_at   TEXT,
    expires_at   TEXT,
    revoked      INTEGER NOT NULL DEFAULT 0,
    last_seen_at TEXT
);
CREATE INDEX session_token_user_idx ON session_token(user_id);

CREATE TABLE login_failure (
    login            TEXT PRIMARY KEY NOT NULL,
    failures         INTEGER NOT NULL,
    first_failure_at TEXT,
    locked_until     TEXT
);

CREATE TABLE audit_log (
    id      TEXT PRIMARY KEY NOT NULL,
    at      TEXT,
    user_id TEXT,
    login   TEXT,
    action  TEXT,
    entity  TEXT,
    row_id  TEXT,
    detail  TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log(at);
CREATE INDEX audit_log_user_idx ON audit_log(user_id, at);
