-- The outbox becomes an append-only log read by each consumer from its own cursor: delivering a
-- message writes nothing per message (no lease or "processed" updates, no per-consumer rows).
-- Rows are ordered by the id of the transaction that wrote them (tx) and their id. A consumer reads
-- only rows whose transaction is older than every transaction still running (pg_snapshot_xmin), so
-- a row that commits later can never land behind its cursor.
DELETE FROM outbox WHERE processed_at IS NOT NULL;
DROP TABLE outbox_consumer_done;
DROP INDEX outbox_pending;
ALTER TABLE outbox
  ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
  DROP COLUMN available_at,
  DROP COLUMN attempts,
  DROP COLUMN last_error,
  DROP COLUMN processed_at;
CREATE INDEX outbox_log ON outbox (tx, id);
CREATE INDEX outbox_created ON outbox (created_at);

-- Where each consumer is in the log; a lease lets one process at a time advance it.
CREATE TABLE outbox_cursors (
  consumer text PRIMARY KEY,
  tx xid8 NOT NULL DEFAULT '0',
  id bigint NOT NULL DEFAULT 0,
  leased_until timestamptz,
  lease_owner text
);

-- Messages a consumer failed on: retried with backoff while the cursor moves on.
CREATE TABLE outbox_retries (
  consumer text NOT NULL,
  outbox_id bigint NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  attempts int NOT NULL,
  available_at timestamptz NOT NULL,
  last_error text NOT NULL,
  PRIMARY KEY (consumer, outbox_id)
);
CREATE INDEX outbox_retries_due ON outbox_retries (consumer, available_at);
