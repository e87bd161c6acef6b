-- A POS's reference is an order number, not an idempotency key: it may name many transactions (a
-- retry after a decline, split tender, a constant order number), and operators look it up without
-- knowing the merchant (tillgate journal list --reference). The reference therefore leads the index,
-- which still serves the gateway's own lookup (reference, merchant, newest first). What identifies
-- a message sent twice keeps its own index, transactions_by_request_reference.

DROP INDEX transactions_by_reference;
CREATE INDEX transactions_by_reference ON transactions (reference, merchant_id, created_at);
