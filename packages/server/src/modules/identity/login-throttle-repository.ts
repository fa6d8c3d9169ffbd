import type { Queryable } from '../../platform/db/database';

// Used inside system transactions: sign-in happens before the tenant is known.
export const loginThrottleRepository = {
  async recentFailures(q: Queryable, email: string, since: Date): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE email = $1 AND at > $2', [email, since]);
    return r.n;
  },
  async recordFailure(q: Queryable, email: string, at: Date): Promise<void> {
    await q.query('INSERT INTO login_failures (email, at) VALUES ($1, $2)', [email, at]);
  },
  async clear(q: Queryable, email: string, olderThan: Date): Promise<void> {
    await q.query('DELETE FROM login_failures WHERE email = $1 OR at < $2', [email, olderThan]);
  },
};
