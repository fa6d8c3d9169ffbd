-- 催单 in the order they were recorded: seq 1, 2, 3 … per ticket. "The count as of a chase" is its seq,
-- whatever the order of the messages' event ids (a message written earlier in another process may
-- commit, and be recorded, after a later one). Existing chases are numbered by their time.
ALTER TABLE ticket_chases ADD COLUMN seq integer;
UPDATE ticket_chases c SET seq = n.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY ticket_id ORDER BY created_at, event_id)::int AS seq FROM ticket_chases) n
 WHERE n.id = c.id;
ALTER TABLE ticket_chases ALTER COLUMN seq SET NOT NULL;
ALTER TABLE ticket_chases ADD CONSTRAINT ticket_chases_seq UNIQUE (ticket_id, seq);
