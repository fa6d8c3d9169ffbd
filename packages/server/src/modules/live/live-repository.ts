import type { Queryable } from '../../platform/db/database';

export const liveRepository = {
  /** A PostgreSQL notification, sent when the surrounding transaction commits. */
  async notify(q: Queryable, channel: string, payload: string): Promise<void> {
    await q.query('SELECT pg_notify($1, $2)', [channel, payload]);
  },
};
