// The generator's SQL: bulk-load transactions, statements outside a transaction block, and the batched INSERT … unnest statements.
import pg from 'pg';
import type { Database, Queryable } from '../src/platform/db/database';
import type { PgliteDatabase } from '../src/platform/db/pglite-database';

/** Where the load runs: parallel pooled transactions on PostgreSQL, the one session on PGlite. */
export async function bulk<T>(db: Database, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return db.system(async (q) => {
    await q.query(`SET LOCAL session_replication_role = replica`);
    await q.query(`SET LOCAL synchronous_commit = off`);
    return fn(q);
  });
}

/** Runs a statement outside a transaction block as the owner (VACUUM). */
export async function outsideTx(db: Database, url: string | undefined, sql: string): Promise<void> {
  if (db.kind === 'postgres') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  } else {
    const p = (db as PgliteDatabase).pg;
    await p.exec('RESET ROLE');
    await p.exec(sql); // alone: several statements in one exec form one implicit transaction
    await p.exec('SET ROLE gongdan_app');
  }
}

// The batched INSERT … SELECT FROM unnest(…) statements of the tickets and their events (see generate.ts).
export const TICKET_SQL = `INSERT INTO tickets (id, tenant_id, number, title, description, status, priority, channel, category_id, team_id, assignee_id,
      requester_id, organization_id, tags, custom_fields, search, created_by, created_at, updated_at, resolved_at, closed_at)
    SELECT u.id, $1, u.number, ($2::text[])[u.ti], ($3::text[])[u.ti], u.status, u.priority, u.channel, u.category, u.team, u.assignee,
      u.requester, u.org, ($4::text[])[u.si]::text[], '{}', to_tsvector('simple', ($5::text[])[u.xi] || ' ' || u.number::text), $6,
      u.created, u.updated, u.resolved, u.closed
    FROM unnest($7::uuid[], $8::bigint[], $9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::uuid[], $16::uuid[],
      $17::uuid[], $18::uuid[], $19::uuid[], $20::timestamptz[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[])
      AS u(id, number, ti, si, xi, status, priority, channel, category, team, assignee, requester, org, created, updated, resolved, closed)`;

export const EVENT_SQL = `INSERT INTO ticket_events (id, tenant_id, ticket_id, kind, actor_type, actor_id, actor_name, channel, internal, data, created_at)
    SELECT u.id, $1, u.ticket, u.kind, 'user', u.actor, u.actor_name, u.channel, u.internal, u.data::jsonb, u.at
    FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::timestamptz[])
      AS u(id, ticket, kind, actor, actor_name, channel, internal, data, at)`;
