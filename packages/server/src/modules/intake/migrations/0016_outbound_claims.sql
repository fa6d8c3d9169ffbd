-- A reply is sent outside any transaction (a slow relay or platform API must not hold a database
-- session, the only one on PGlite): the sender claims its delivery row for a while instead of locking it.
ALTER TABLE outbound_messages ADD COLUMN claimed_until timestamptz;
