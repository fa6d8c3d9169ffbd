import type { Queryable } from '../../platform/db/database';
import { eventOutbox, eventParams, eventsFromParams, type NewEvent } from './event-repository';

export interface SlaSummaryRow {
  id: string;
  dueAt: Date | null;
  state: string | null;
}

export const slaEventRepository = {
  /**
   * The events (with their outbox messages) and ONE update of each ticket of `summaries`, in one
   * statement: updated_at moved to `at` (never back) and its SLA summary. Rows in id order (two
   * processes lock tickets in the same order); a row already right is not written.
   */
  async recordWithSummaries(q: Queryable, events: NewEvent[], summaries: SlaSummaryRow[], at: Date): Promise<void> {
    const { params } = eventParams(events);
    const sorted = [...summaries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const n = params.length;
    await q.query(
      `WITH ev AS (${eventsFromParams(1)}),
       ob AS (${eventOutbox('ORDER BY id')})
       UPDATE tickets t SET updated_at = greatest(t.updated_at, $${n + 4}), sla_due_at = v.due_at, sla_state = v.state
       FROM unnest($${n + 1}::uuid[], $${n + 2}::timestamptz[], $${n + 3}::text[]) AS v(id, due_at, state)
       WHERE t.id = v.id AND (t.updated_at < $${n + 4} OR t.sla_due_at IS DISTINCT FROM v.due_at OR t.sla_state IS DISTINCT FROM v.state)`,
      [...params, sorted.map((r) => r.id), sorted.map((r) => r.dueAt), sorted.map((r) => r.state), at],
    );
  },
};
