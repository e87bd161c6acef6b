-- The transaction journal. Plain SQL that SQLite and PostgreSQL both accept: one schema for both.
-- Instants are epoch microseconds (BIGINT): the same on both databases, exact to PostgreSQL's
-- timestamp precision, and ordered by plain integer comparison. Ids and currencies are VARCHAR, not
-- CHAR, because PostgreSQL compares CHAR with a text parameter by casting the column, which skips
-- the index.

CREATE TABLE transactions (
    id                      VARCHAR(32) NOT NULL PRIMARY KEY,
    merchant_id             TEXT        NOT NULL,
    terminal_id             TEXT        NOT NULL,
    protocol                TEXT        NOT NULL,
    request_reference       TEXT,
    kind                    TEXT        NOT NULL,
    amount_minor            BIGINT      NOT NULL,
    currency                VARCHAR(3)  NOT NULL,
    reference               TEXT,
    original_transaction_id VARCHAR(32),
    subject                 TEXT,
    captured                BOOLEAN     NOT NULL,
    signature_on_receipt    BOOLEAN     NOT NULL,
    state                   TEXT        NOT NULL,
    -- The terminal's outcome, flattened; all NULL until there is one.
    result                  TEXT,
    reason                  TEXT,
    approved_amount_minor   BIGINT,
    approved_currency       VARCHAR(3),
    masked_pan              TEXT,
    scheme                  TEXT,
    entry_mode              TEXT,
    verification            TEXT,
    authorisation_code      TEXT,
    terminal_reference      TEXT,
    acquirer_reference      TEXT,
    merchant_receipt        TEXT,
    customer_receipt        TEXT,
    raw_result_codes        TEXT,
    created_at              BIGINT      NOT NULL,
    updated_at              BIGINT      NOT NULL
);

CREATE INDEX transactions_by_reference ON transactions (merchant_id, reference, created_at);
CREATE INDEX transactions_by_request_reference
    ON transactions (merchant_id, protocol, request_reference, created_at);
CREATE INDEX transactions_by_original ON transactions (original_transaction_id);
CREATE INDEX transactions_by_state ON transactions (state, created_at);
CREATE INDEX transactions_by_created_at ON transactions (created_at);

-- Every state a transaction entered, numbered from 1; the primary key also serves lookups by
-- transaction.
CREATE TABLE transaction_events (
    transaction_id          VARCHAR(32) NOT NULL REFERENCES transactions (id),
    seq                     INTEGER     NOT NULL,
    state                   TEXT        NOT NULL,
    at                      BIGINT      NOT NULL,
    note                    TEXT,
    PRIMARY KEY (transaction_id, seq)
);

