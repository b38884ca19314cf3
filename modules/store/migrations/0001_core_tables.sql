-- XinDai store, schema version 1: the domain tables.
-- Conventions: every synced table has id (UUID text), version (server sequence, 0 = never synced),
-- updated_at (ISO-8601 UTC), deleted (tombstone). Money is integer fen, dates ISO-8601 text, enums
-- stable lower_snake text (modules/store/enumcodes.cpp). CHECK constraints are named after the
-- column they guard so that an error can name the field.

PRAGMA application_id = 1481196644;

CREATE TABLE park (
    id          TEXT PRIMARY KEY NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL CONSTRAINT name CHECK (length(name) > 0),
    region_code TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX park_code_idx ON park(code);

CREATE TABLE institution (
    id          TEXT PRIMARY KEY NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL CONSTRAINT name CHECK (length(name) > 0),
    type        TEXT NOT NULL CONSTRAINT type CHECK (type IN ('bank', 'insurer', 'guarantor', 'leasing',
                    'factoring', 'microcredit', 'equity_investor')),
    region_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX institution_code_idx ON institution(code);

CREATE TABLE product (
    id                      TEXT PRIMARY KEY NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 0,
    updated_at              TEXT,
    deleted                 INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    institution_id          TEXT NOT NULL REFERENCES institution(id),
    code                    TEXT NOT NULL DEFAULT '',
    name                    TEXT NOT NULL CONSTRAINT name CHECK (length(name) > 0),
    collateral              TEXT NOT NULL DEFAULT '',
    min_amount              INTEGER NOT NULL DEFAULT 0 CONSTRAINT min_amount CHECK (min_amount >= 0),
    max_amount              INTEGER NOT NULL DEFAULT 0 CONSTRAINT max_amount CHECK (max_amount >= min_amount),
    min_term_months         INTEGER NOT NULL DEFAULT 1 CONSTRAINT min_term_months CHECK (min_term_months >= 0),
    max_term_months         INTEGER NOT NULL DEFAULT 12
                                CONSTRAINT max_term_months CHECK (max_term_months >= min_term_months),
    rate_min_bp             INTEGER NOT NULL DEFAULT 0 CONSTRAINT rate_min_bp CHECK (rate_min_bp >= 0),
    rate_max_bp             INTEGER NOT NULL DEFAULT 0 CONSTRAINT rate_max_bp CHECK (rate_max_bp >= rate_min_bp),
    fee_bp                  INTEGER NOT NULL DEFAULT 0 CONSTRAINT fee_bp CHECK (fee_bp >= 0),
    zones                   TEXT NOT NULL DEFAULT '[]',
    eligibility_rule        TEXT NOT NULL DEFAULT '',
    required_documents      TEXT NOT NULL DEFAULT '[]',
    platform_exclusive      INTEGER NOT NULL DEFAULT 0,
    approval_rate_permille  INTEGER NOT NULL DEFAULT 0,
    avg_days_to_decision    INTEGER NOT NULL DEFAULT 0,
    service_rating_permille INTEGER NOT NULL DEFAULT 0,
    description             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX product_institution_idx ON product(institution_id);

CREATE TABLE policy (
    id                 TEXT PRIMARY KEY NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    code               TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL CONSTRAINT title CHECK (length(title) > 0),
    type               TEXT NOT NULL CONSTRAINT type CHECK (type IN ('interest_subsidy', 'risk_compensation',
                           'guarantee_fee_subsidy', 'first_loan', 'qualification_award')),
    authority          TEXT NOT NULL DEFAULT '',
    region_code        TEXT NOT NULL DEFAULT '',
    eligibility_rule   TEXT NOT NULL DEFAULT '',
    benefit_rule       TEXT NOT NULL DEFAULT '',
    benefit_cap        INTEGER NOT NULL DEFAULT 0 CONSTRAINT benefit_cap CHECK (benefit_cap >= 0),
    window_start       TEXT,
    window_end         TEXT,
    required_materials TEXT NOT NULL DEFAULT '[]',
    summary            TEXT NOT NULL DEFAULT '',
    rule_version       INTEGER NOT NULL DEFAULT 1 CONSTRAINT rule_version CHECK (rule_version >= 1)
);

CREATE TABLE enterprise (
    id                 TEXT PRIMARY KEY NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    uscc               TEXT NOT NULL CONSTRAINT uscc CHECK (length(uscc) = 18),
    name               TEXT NOT NULL CONSTRAINT name CHECK (length(name) BETWEEN 1 AND 200),
    kind               TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('company', 'individual_business')),
    legal_rep          TEXT NOT NULL DEFAULT '',
    legal_rep_id       TEXT NOT NULL DEFAULT '',
    established        TEXT,
    registered_capital INTEGER NOT NULL DEFAULT 0 CONSTRAINT registered_capital CHECK (registered_capital >= 0),
    industry_code      TEXT NOT NULL DEFAULT '',
    region_code        TEXT NOT NULL DEFAULT '',
    park_id            TEXT REFERENCES park(id),
    employees          INTEGER NOT NULL DEFAULT 0 CONSTRAINT employees CHECK (employees >= 0),
    annual_revenue     INTEGER NOT NULL DEFAULT 0 CONSTRAINT annual_revenue CHECK (annual_revenue >= 0),
    total_assets       INTEGER NOT NULL DEFAULT 0 CONSTRAINT total_assets CHECK (total_assets >= 0),
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX enterprise_uscc_idx ON enterprise(uscc);
CREATE INDEX enterprise_park_idx ON enterprise(park_id, name, uscc, deleted);
CREATE INDEX enterprise_name_idx ON enterprise(name, uscc, deleted);

CREATE TABLE monthly_value (
    id            TEXT PRIMARY KEY NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT,
    deleted       INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    kind          TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('tax_paid', 'social_insurance_headcount',
                      'housing_fund', 'electricity', 'bank_inflow', 'bank_outflow')),
    month         TEXT NOT NULL CONSTRAINT month CHECK (length(month) = 10 AND substr(month, 9, 2) = '01'),
    value         INTEGER NOT NULL DEFAULT 0 CONSTRAINT value CHECK (value >= 0)
);
CREATE INDEX monthly_value_enterprise_idx ON monthly_value(enterprise_id, kind, month);

CREATE TABLE credit_record (
    id            TEXT PRIMARY KEY NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT,
    deleted       INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    kind          TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('tax_grade', 'penalty', 'dishonest_debtor',
                      'procurement', 'public_resource_contract', 'subsidy', 'qualification', 'patent')),
    date          TEXT NOT NULL CONSTRAINT date CHECK (length(date) = 10),
    valid_to      TEXT,
    title         TEXT NOT NULL DEFAULT '',
    authority     TEXT NOT NULL DEFAULT '',
    amount        INTEGER NOT NULL DEFAULT 0 CONSTRAINT amount CHECK (amount >= 0),
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credit_record_enterprise_idx ON credit_record(enterprise_id, date);

CREATE TABLE app_user (
    id             TEXT PRIMARY KEY NOT NULL,
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    login          TEXT NOT NULL CONSTRAINT login CHECK (length(login) > 0),
    display_name   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL CONSTRAINT role CHECK (role IN ('window_staff', 'park_manager', 'bank_officer',
                       'admin')),
    park_id        TEXT REFERENCES park(id),
    institution_id TEXT REFERENCES institution(id),
    password_hash  TEXT NOT NULL DEFAULT '',
    disabled       INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_login_idx ON app_user(login);

CREATE TABLE authorization (
    id              TEXT PRIMARY KEY NOT NULL,
    version         INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT,
    deleted         INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    enterprise_id   TEXT NOT NULL REFERENCES enterprise(id),
    institution_ids TEXT NOT NULL DEFAULT '[]',
    purpose         TEXT NOT NULL DEFAULT '',
    valid_from      TEXT,
    valid_to        TEXT CONSTRAINT valid_to CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    revoked         INTEGER NOT NULL DEFAULT 0,
    revoked_at      TEXT,
    scan_sha256     TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT REFERENCES app_user(id)
);
CREATE INDEX authorization_enterprise_idx ON authorization(enterprise_id);

CREATE TABLE application (
    id                   TEXT PRIMARY KEY NOT NULL,
    version              INTEGER NOT NULL DEFAULT 0,
    updated_at           TEXT,
    deleted              INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    number               TEXT NOT NULL DEFAULT '',
    enterprise_id        TEXT NOT NULL REFERENCES enterprise(id),
    product_id           TEXT REFERENCES product(id),
    institution_id       TEXT REFERENCES institution(id),
    park_id              TEXT REFERENCES park(id),
    amount               INTEGER NOT NULL DEFAULT 0 CONSTRAINT amount CHECK (amount >= 0),
    term_months          INTEGER NOT NULL DEFAULT 12 CONSTRAINT term_months CHECK (term_months >= 0),
    purpose              TEXT NOT NULL DEFAULT '',
    collateral           TEXT NOT NULL DEFAULT '',
    state                TEXT NOT NULL CONSTRAINT state CHECK (state IN ('draft', 'submitted', 'accepted',
                             'approved', 'rejected', 'disbursed', 'settled', 'withdrawn')),
    created_at           TEXT,
    submitted_at         TEXT,
    accepted_at          TEXT,
    decided_at           TEXT,
    disbursed_at         TEXT,
    settled_at           TEXT,
    approved_amount      INTEGER NOT NULL DEFAULT 0 CONSTRAINT approved_amount CHECK (approved_amount >= 0),
    approved_rate_bp     INTEGER NOT NULL DEFAULT 0 CONSTRAINT approved_rate_bp CHECK (approved_rate_bp >= 0),
    approved_term_months INTEGER NOT NULL DEFAULT 0
                             CONSTRAINT approved_term_months CHECK (approved_term_months >= 0),
    reject_reason        TEXT NOT NULL DEFAULT '',
    created_by           TEXT REFERENCES app_user(id)
);
CREATE INDEX application_enterprise_idx ON application(enterprise_id);
CREATE INDEX application_park_idx ON application(park_id, state);
CREATE INDEX application_institution_idx ON application(institution_id, state);

CREATE TABLE document (
    id             TEXT PRIMARY KEY NOT NULL,
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0 CONSTRAINT deleted CHECK (deleted IN (0, 1)),
    enterprise_id  TEXT NOT NULL REFERENCES enterprise(id),
    application_id TEXT REFERENCES application(id),
    doc_type       TEXT NOT NULL DEFAULT '',
    file_name      TEXT NOT NULL DEFAULT '',
    mime_type      TEXT NOT NULL DEFAULT '',
    size_bytes     INTEGER NOT NULL DEFAULT 0 CONSTRAINT size_bytes CHECK (size_bytes >= 0),
    sha256         TEXT NOT NULL DEFAULT '',
    added_at       TEXT
);
CREATE INDEX document_enterprise_idx ON document(enterprise_id);
CREATE INDEX document_application_idx ON document(application_id);
