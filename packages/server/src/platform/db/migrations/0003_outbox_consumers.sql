-- Per-consumer progress of the outbox: a consumer that succeeded is never run again for a message,
-- even when another consumer of the same message fails and the message is retried.
CREATE TABLE outbox_consumer_done (
  consumer text NOT NULL,
  outbox_id bigint NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  done_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (outbox_id, consumer)
);
