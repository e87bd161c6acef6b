-- Who changed a transaction by hand (an operator resolving an UNKNOWN one) is the authenticated
-- account, kept apart from the note so that it can never be typed: admin:alice from the admin
-- console or API, cli:bob from `tillgate journal resolve`. NULL for the gateway's own progress.
ALTER TABLE transaction_events ADD COLUMN actor TEXT;
