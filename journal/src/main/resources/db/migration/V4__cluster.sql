-- Several gateway nodes on one PostgreSQL journal (docs/cluster.md). The tables exist on SQLite too,
-- so that both databases keep one schema, but only PostgreSQL nodes use them.

-- Every node that runs on this journal, and when it last said it is alive. Instants are epoch
-- microseconds of the database server's clock, so nodes with skewed clocks agree on who is alive.
CREATE TABLE cluster_nodes (
    node_id      TEXT   NOT NULL PRIMARY KEY,
    address      TEXT,
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);

-- Which node drives each terminal, until when. The epoch grows every time another node takes the
-- terminal: it is the fencing token every journal write about the terminal's transactions carries.
CREATE TABLE terminal_leases (
    terminal_id TEXT   NOT NULL PRIMARY KEY,
    holder      TEXT   NOT NULL,
    epoch       BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

-- What makes a request the same on every node: a message identity or a POS reference, claimed by
-- the one transaction that runs with it (or whose outcome is unknown), in the same database
-- transaction that records it. The primary key lets one node win; the claim goes when the
-- transaction reaches a final state.
CREATE TABLE transaction_claims (
    merchant_id    TEXT        NOT NULL,
    claim          TEXT        NOT NULL,
    transaction_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (merchant_id, claim)
);
CREATE INDEX transaction_claims_by_transaction ON transaction_claims (transaction_id);

-- Which node wrote each step, under which lease epoch; NULL for a single gateway and for operators.
ALTER TABLE transaction_events ADD COLUMN node_id TEXT;
ALTER TABLE transaction_events ADD COLUMN epoch BIGINT;
