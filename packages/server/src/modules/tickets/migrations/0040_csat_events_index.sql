-- The satisfaction report reads a period's ratings (csat.received events) without scanning the log.
CREATE INDEX ticket_events_csat ON ticket_events (tenant_id, created_at) WHERE kind = 'csat.received';
