import type { Deps } from '../deps';
import type { TransactionCoalescer } from './coalesced-transactions';
import type { Database, Queryable } from './database';

/**
 * The dependencies of other modules' use cases bound to the caller's transaction: their
 * `deps.db.tenant(…)` and `deps.writes` run on `q`, so what a consumer does through them commits (or
 * rolls back) with its own claim — an automation's actions with its run row, a survey's message with the
 * survey — which is what makes it happen exactly once.
 */
export function depsInTransaction(deps: Deps, q: Queryable): Deps {
  const db: Database = {
    kind: deps.db.kind,
    query: (sql, params) => q.query(sql, params),
    tenant: (_tenantId, fn) => fn(q),
    system: () => Promise.reject(new Error('this runs in its tenant transaction only')),
    owner: () => Promise.reject(new Error('this runs in its tenant transaction only')),
    close: () => Promise.resolve(),
  };
  const writes = {
    run: (_tenantId: string, fn: (q: Queryable) => Promise<unknown>) => fn(q),
    async write(_tenantId: string, writer: { many(q: Queryable, inputs: unknown[]): Promise<({ ok: true; value: unknown } | { ok: false; error?: unknown; alone?: true })[]> }, input: unknown) {
      const [outcome] = await writer.many(q, [input]);
      if (outcome.ok) return outcome.value;
      throw 'error' in outcome ? outcome.error : new Error('the write could not run in this transaction');
    },
  } as unknown as TransactionCoalescer;
  return { ...deps, db, writes };
}
