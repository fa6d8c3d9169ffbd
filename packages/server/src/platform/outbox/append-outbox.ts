import type { Queryable } from '../db/database';

// The one writer of the outbox: every message a module announces (a ticket event, a notification…)
// is appended here, in the transaction of the change it announces. A repository that writes a batch
// of changes in one statement embeds `outboxInsert` as a CTE of that statement, so a batch stays one
// round trip; anything else calls `appendOutbox`.

/** A message to announce once its transaction commits. */
export interface NewOutboxMessage {
  tenantId: string;
  /** the row the message is about (an event id, a notification id): consumers deduplicate on it */
  eventId: string;
  topic: string;
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * The SQL that appends the messages `select` yields, for a CTE of a repository's statement. `select`
 * is a SELECT (or VALUES) with the columns tenant_id, event_id, topic, payload, created_at in that
 * order (names do not matter; a trailing ORDER BY sets the order of the log).
 */
export function outboxInsert(select: string): string {
  return `INSERT INTO outbox (tenant_id, event_id, topic, payload, created_at) ${select}`;
}

/** Appends messages in one statement, in the given order. */
export async function appendOutbox(q: Queryable, messages: NewOutboxMessage[]): Promise<void> {
  if (!messages.length) return;
  await q.query(
    outboxInsert(
      `SELECT tenant_id, event_id, topic, payload, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[]) WITH ORDINALITY
         AS m(tenant_id, event_id, topic, payload, created_at, n) ORDER BY n`,
    ),
    [
      messages.map((m) => m.tenantId),
      messages.map((m) => m.eventId),
      messages.map((m) => m.topic),
      messages.map((m) => JSON.stringify(m.payload)),
      messages.map((m) => m.at),
    ],
  );
}
