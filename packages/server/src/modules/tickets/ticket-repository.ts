import type { Queryable } from '../../platform/db/database';
import { isUuid } from '../../platform/ids';
import type { Actor } from '../identity';
import { eventInsert, eventOutbox } from './event-repository';
import { withNames } from './ticket-names';
import type { Priority, Status } from './ticket-rules';

export interface TicketRow {
  id: string;
  number: number;
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  channel: string;
  type_id: string | null;
  category_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  requester_id: string | null;
  organization_id: string | null;
  parent_id: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
  /** the ticket's id in the helpdesk it was imported from */
  external_id?: string | null;
  /** how it was resolved (解决说明); cleared when it is reopened */
  resolution?: string | null;
  /** where on-site work is (上门地址); both coordinates or neither */
  site_lat?: number | null;
  site_lng?: number | null;
  site_address?: string | null;
  /** the asset (设备) the ticket is about */
  asset_id?: string | null;
  /** the most urgent running SLA clock (kept by the SLA module through setSlaSummary) */
  sla_due_at?: Date | null;
  sla_state?: string | null;
  requester_name?: string | null;
  assignee_name?: string | null;
  team_name?: string | null;
}

export type TicketInsert = Omit<TicketRow, 'number' | 'external_id' | 'requester_name' | 'assignee_name' | 'team_name'> & { tenant_id: string; search_text: string };

/** A ticket to insert with its creation event: who created it, its event id, the event's snapshot. */
export type NewTicketRow = TicketInsert & {
  /** the requester's name when the caller knows it (the requester resolution read it): no lookup for it */
  requester_name?: string;
  event_id: string;
  /** who the creation event names: the actor, or the contact who wrote it (actor_type 'contact') */
  actor: { type: Actor['type'] | 'contact'; id: string | null; name: string };
  snapshot: Record<string, unknown>;
  /** what the intelligence stage filled in (field names), part of the creation event's data */
  intelligence?: { autoFilled: string[]; triage: boolean; given: string[] };
};

const COLUMNS = `t.id, t.number, t.title, t.description, t.status, t.priority, t.channel, t.type_id, t.category_id, t.team_id,
  t.assignee_id, t.requester_id, t.organization_id, t.parent_id, t.tags, t.custom_fields, t.created_by, t.created_at,
  t.updated_at, t.resolved_at, t.closed_at, t.external_id, t.resolution, t.site_lat, t.site_lng, t.site_address, t.sla_due_at, t.sla_state, t.asset_id`;

export interface VisibilityScope {
  /** all: no restriction; own: assigned to userId; team: the teams' tickets or own; requester: the contact's tickets */
  kind: 'all' | 'own' | 'team' | 'requester';
  userId?: string | null;
  teamIds?: string[];
  contactId?: string | null;
}

export interface TicketFilter {
  status?: Status[];
  priority?: Priority[];
  categoryIds?: string[];
  /** tickets of these teams; withoutTeam: also (or only, with no ids) tickets without a team */
  teams?: { ids: string[]; withoutTeam: boolean };
  assigneeId?: string | null;
  requesterId?: string;
  organizationId?: string;
  typeId?: string;
  channel?: string[];
  parentId?: string;
  tag?: string[];
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  text?: string;
  /** SLA summary states (ok, warning, breached, paused, achieved) */
  slaStates?: string[];
}

export type SortKey = 'created_at' | 'updated_at' | 'number' | 'priority' | 'sla_due_at';
/** due soonest first; tickets without a running SLA clock last */
export const SLA_DUE_KEY = "coalesce(t.sla_due_at, 'infinity'::timestamptz)";
/** The columns of each keyset, all sorted in one direction. */
export const SORT_COLUMNS: Record<SortKey, string[]> = {
  created_at: ['t.created_at', 't.id'],
  updated_at: ['t.updated_at', 't.id'],
  number: ['t.number'],
  priority: ['t.priority_rank', 't.updated_at', 't.id'],
  sla_due_at: [SLA_DUE_KEY, 't.id'],
};

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function scopeSql(s: VisibilityScope, p: Params): string | null {
  switch (s.kind) {
    case 'all':
      return null;
    case 'own':
      return `t.assignee_id = ${p.add(s.userId)}`;
    case 'team':
      return `(t.team_id = ANY(${p.add(s.teamIds ?? [])}::uuid[]) OR t.assignee_id = ${p.add(s.userId)})`;
    case 'requester':
      return `t.requester_id = ${p.add(s.contactId ?? '00000000-0000-0000-0000-000000000000')}`;
  }
}

function filterSql(f: TicketFilter, p: Params): string[] {
  const w: string[] = [];
  if (f.status?.length) w.push(f.status.length === 1 ? `t.status = ${p.add(f.status[0])}` : `t.status = ANY(${p.add(f.status)}::text[])`);
  if (f.priority?.length) w.push(`t.priority = ANY(${p.add(f.priority)}::text[])`);
  if (f.categoryIds) w.push(`t.category_id = ANY(${p.add(f.categoryIds)}::uuid[])`);
  if (f.teams) {
    const { ids, withoutTeam } = f.teams;
    const byId = !ids.length ? null : ids.length === 1 ? `t.team_id = ${p.add(ids[0])}` : `t.team_id = ANY(${p.add(ids)}::uuid[])`;
    w.push(byId && withoutTeam ? `(${byId} OR t.team_id IS NULL)` : (byId ?? 't.team_id IS NULL'));
  }
  if (f.assigneeId !== undefined) w.push(f.assigneeId === null ? 't.assignee_id IS NULL' : `t.assignee_id = ${p.add(f.assigneeId)}`);
  if (f.requesterId) w.push(`t.requester_id = ${p.add(f.requesterId)}`);
  if (f.organizationId) w.push(`t.organization_id = ${p.add(f.organizationId)}`);
  if (f.typeId) w.push(`t.type_id = ${p.add(f.typeId)}`);
  if (f.channel?.length) w.push(`t.channel = ANY(${p.add(f.channel)}::text[])`);
  if (f.parentId) w.push(`t.parent_id = ${p.add(f.parentId)}`);
  if (f.tag?.length) w.push(`t.tags @> ${p.add(f.tag)}::text[]`);
  if (f.createdFrom) w.push(`t.created_at >= ${p.add(f.createdFrom)}`);
  if (f.createdTo) w.push(`t.created_at < ${p.add(f.createdTo)}`);
  if (f.updatedFrom) w.push(`t.updated_at >= ${p.add(f.updatedFrom)}`);
  if (f.updatedTo) w.push(`t.updated_at < ${p.add(f.updatedTo)}`);
  if (f.slaStates?.length) w.push(`t.sla_state = ANY(${p.add(f.slaStates)}::text[])`);
  if (f.text) w.push(`t.search @@ to_tsquery('simple', ${p.add(f.text)})`);
  return w;
}

export const ticketRepository = {
  /**
   * Inserts tickets, each with the next number of its tenant, and in the same statement their creation
   * events (whose `after` snapshot receives the number) and outbox rows. Rows come back in input order.
   */
  /**
   * For each (requester, words, since): how many of the requester's tickets created since then and not
   * resolved or closed match the words (a tsquery; counted up to 10), in order, one statement for all.
   */
  async repeatCounts(q: Queryable, list: { requesterId: string; words: string; since: Date }[]): Promise<number[]> {
    if (!list.length) return [];
    const rows = await q.query<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM tickets x
           WHERE x.requester_id = u.requester_id AND x.status NOT IN ('resolved', 'closed') AND x.created_at >= u.since
             AND x.search @@ to_tsquery('simple', u.words) LIMIT 10) y) AS n
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS u(requester_id, words, since, i)
       ORDER BY u.i`,
      [list.map((l) => l.requesterId), list.map((l) => l.words), list.map((l) => l.since)],
    );
    return rows.map((r) => r.n);
  },

  async insertMany(q: Queryable, tenantId: string, list: NewTicketRow[]): Promise<TicketRow[]> {
    if (!list.length) return [];
    const col = <K extends keyof NewTicketRow>(k: K, f: (v: NewTicketRow[K]) => unknown = (v) => v) => list.map((t) => f(t[k]));
    const json = (v: unknown) => JSON.stringify(v);
    const rows = await q.query<TicketRow>(
      `WITH input AS (
         SELECT u.*, next_ticket_number() AS number
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::uuid[],
           $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[], $15::jsonb[], $16::jsonb[], $17::uuid[], $18::timestamptz[], $19::text[],
           $20::jsonb[], $21::uuid[], $22::text[], $23::uuid[], $24::text[], $25::float8[], $26::float8[], $27::text[], $28::uuid[])
           AS u(id, title, description, status, priority, channel, type_id, category_id, team_id, assignee_id, requester_id,
             organization_id, parent_id, tags, custom_fields, created_by, created_at, search_text, snapshot, event_id, actor_type,
             actor_id, actor_name, site_lat, site_lng, site_address, asset_id)),
       t AS (
         INSERT INTO tickets AS t (id, tenant_id, number, title, description, status, priority, channel, type_id, category_id, team_id,
           assignee_id, requester_id, organization_id, parent_id, tags, custom_fields, created_by, created_at, updated_at, search,
           site_lat, site_lng, site_address, asset_id)
         SELECT id, $1::uuid, number, title, description, status, priority, channel, type_id, category_id, team_id, assignee_id,
           requester_id, organization_id, parent_id, ARRAY(SELECT jsonb_array_elements_text(tags)), custom_fields, created_by,
           created_at, created_at, to_tsvector('simple', search_text || ' ' || number::text), site_lat, site_lng, site_address, asset_id
         FROM input
         RETURNING ${COLUMNS}),
       ev AS (${eventInsert(`SELECT i.event_id, $1::uuid, t.id, 'ticket.created', i.actor_type, i.actor_id, i.actor_name, t.channel, false,
           jsonb_set(i.snapshot, '{after,number}', to_jsonb(t.number)), t.created_at
         FROM t JOIN input i ON i.id = t.id`)}),
       ob AS (${eventOutbox()})
       SELECT * FROM t`,
      [
        tenantId,
        col('id'),
        col('title'),
        col('description'),
        col('status'),
        col('priority'),
        col('channel'),
        col('type_id'),
        col('category_id'),
        col('team_id'),
        col('assignee_id'),
        col('requester_id'),
        col('organization_id'),
        col('parent_id'),
        col('tags', json),
        col('custom_fields', json),
        col('created_by'),
        col('created_at'),
        col('search_text'),
        list.map((t) => json(t.intelligence ? { after: t.snapshot, intelligence: t.intelligence } : { after: t.snapshot })),
        col('event_id'),
        list.map((t) => t.actor.type),
        list.map((t) => t.actor.id),
        list.map((t) => t.actor.name),
        list.map((t) => t.site_lat ?? null),
        list.map((t) => t.site_lng ?? null),
        list.map((t) => t.site_address ?? null),
        list.map((t) => t.asset_id ?? null),
      ],
    );
    const known = new Map(list.filter((t) => t.requester_name !== undefined).map((t) => [t.id, t.requester_name]));
    for (const r of rows) if (known.has(r.id)) r.requester_name = known.get(r.id);
    const byId = new Map((await withNames(q, rows)).map((r) => [r.id, r]));
    return list.map((t) => byId.get(t.id)!);
  },

  /**
   * A ticket with the names of its requester, assignee and team (looked up from their owners), unless
   * locked for update or asked `names: false` (a visibility check needs none).
   */
  async byId(q: Queryable, id: string, opts: { forUpdate?: boolean; names?: boolean } = {}): Promise<TicketRow | undefined> {
    const [row] = await q.query<TicketRow>(`SELECT ${COLUMNS} FROM tickets t WHERE t.id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row && !opts.forUpdate && opts.names !== false ? (await withNames(q, [row]))[0] : row;
  },

  async byNumber(q: Queryable, number: number, opts: { names?: boolean } = {}): Promise<TicketRow | undefined> {
    const [row] = await q.query<TicketRow>(`SELECT ${COLUMNS} FROM tickets t WHERE t.tenant_id = current_tenant_id() AND t.number = $1`, [number]);
    return row && opts.names !== false ? (await withNames(q, [row]))[0] : row;
  },

  /** A ticket by its id or its number (as the console's addresses give it); undefined for anything else. */
  async byRef(q: Queryable, idOrNumber: string, opts: { names?: boolean } = {}): Promise<TicketRow | undefined> {
    if (isUuid(idOrNumber)) return this.byId(q, idOrNumber, opts);
    return /^\d{1,15}$/.test(idOrNumber) ? this.byNumber(q, Number(idOrNumber), opts) : undefined;
  },

  /** A page of tickets in keyset order: rows strictly after `after` (the sort values of the last row seen). */
  async list(
    q: Queryable,
    o: { scope: VisibilityScope; filter: TicketFilter; sort: SortKey; desc: boolean; after?: unknown[]; limit: number },
  ): Promise<TicketRow[]> {
    const p = new Params();
    const where = ['t.tenant_id = current_tenant_id()'];
    const scope = scopeSql(o.scope, p);
    if (scope) where.push(scope);
    where.push(...filterSql(o.filter, p));
    const cols = SORT_COLUMNS[o.sort];
    if (o.after) where.push(`(${cols.join(', ')}) ${o.desc ? '<' : '>'} (${o.after.map((v) => p.add(v)).join(', ')})`);
    const order = cols.map((c) => `${c} ${o.desc ? 'DESC' : 'ASC'}`).join(', ');
    const rows = await q.query<TicketRow>(
      `SELECT ${COLUMNS}, t.priority_rank FROM tickets t WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p.add(o.limit)}`,
      p.values,
    );
    return withNames(q, rows);
  },

  /** Matching tickets; with `upTo`, counting stops there (a queue of a million need not be read to say "10,000+"). */
  async count(q: Queryable, o: { scope: VisibilityScope; filter: TicketFilter; upTo?: number }): Promise<number> {
    const p = new Params();
    const where = ['t.tenant_id = current_tenant_id()'];
    const scope = scopeSql(o.scope, p);
    if (scope) where.push(scope);
    where.push(...filterSql(o.filter, p));
    const sql = o.upTo
      ? `SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t WHERE ${where.join(' AND ')} LIMIT ${p.add(o.upTo)}) x`
      : `SELECT count(*)::int AS n FROM tickets t WHERE ${where.join(' AND ')}`;
    const [r] = await q.query<{ n: number }>(sql, p.values);
    return r.n;
  },

  async update(q: Queryable, id: string, set: Record<string, unknown>, searchText: string | null): Promise<TicketRow> {
    const p = new Params();
    const idParam = p.add(id);
    const assignments = Object.entries(set).map(([col, v]) => `${col} = ${p.add(col === 'custom_fields' ? JSON.stringify(v) : v)}`);
    if (searchText !== null) assignments.push(`search = to_tsvector('simple', ${p.add(searchText)} || ' ' || number::text)`);
    const [row] = await q.query<TicketRow>(`UPDATE tickets t SET ${assignments.join(', ')} WHERE t.id = ${idParam} RETURNING ${COLUMNS}`, p.values);
    return row;
  },

  /** Progress of a parent's sub-tasks. */
  /** Marks tickets changed (something was added to them outside their own columns, e.g. repeated alarms). */
  /** The SLA summaries (sla_due_at, sla_state) of many tickets, in id order; rows already right are not written. */
  async setSlaSummaries(q: Queryable, list: { id: string; dueAt: Date | null; state: string | null }[]): Promise<void> {
    if (!list.length) return;
    const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await q.query(
      `UPDATE tickets t SET sla_due_at = v.due_at, sla_state = v.state
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS v(id, due_at, state)
       WHERE t.id = v.id AND (t.sla_due_at IS DISTINCT FROM v.due_at OR t.sla_state IS DISTINCT FROM v.state)`,
      [sorted.map((r) => r.id), sorted.map((r) => r.dueAt), sorted.map((r) => r.state)],
    );
  },
  async touchMany(q: Queryable, ids: string[], at: Date): Promise<void> {
    if (ids.length) await q.query('UPDATE tickets SET updated_at = greatest(updated_at, $2) WHERE id = ANY($1::uuid[])', [ids, at]);
  },
  async childProgress(q: Queryable, parentId: string): Promise<{ total: number; done: number }> {
    const [r] = await q.query<{ total: number; done: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('resolved','closed'))::int AS done
       FROM tickets WHERE tenant_id = current_tenant_id() AND parent_id = $1`,
      [parentId],
    );
    return r;
  },

  /** The parent, grandparent … of a ticket (to refuse cycles), at most 50 levels. */
  async ancestorIds(q: Queryable, id: string): Promise<string[]> {
    const rows = await q.query<{ id: string }>(
      `WITH RECURSIVE up AS (SELECT parent_id AS id, 1 AS depth FROM tickets WHERE id = $1
         UNION ALL SELECT t.parent_id, up.depth + 1 FROM tickets t JOIN up ON t.id = up.id WHERE up.depth < 50)
       SELECT id FROM up WHERE id IS NOT NULL`,
      [id],
    );
    return rows.map((r) => r.id);
  },

  /** Re-points the tickets one contact asked to another; tickets without an organization take the given one. */
  async moveRequester(
    q: Queryable,
    fromId: string,
    toId: string,
    organizationId: string | null,
    at: Date,
  ): Promise<{ id: string; channel: string; old_organization_id: string | null; organization_id: string | null }[]> {
    return q.query(
      `WITH old AS (SELECT id, organization_id FROM tickets WHERE requester_id = $1 FOR UPDATE)
       UPDATE tickets t SET requester_id = $2, organization_id = coalesce(t.organization_id, $3::uuid), updated_at = $4
       FROM old WHERE t.id = old.id
       RETURNING t.id, t.channel, old.organization_id AS old_organization_id, t.organization_id`,
      [fromId, toId, organizationId, at],
    );
  },
  /** System transaction: the number of tickets of each tenant that has any. */
  async countsByTenant(q: Queryable): Promise<{ tenant_id: string; n: number }[]> {
    return q.query('SELECT tenant_id, count(*)::int AS n FROM tickets GROUP BY tenant_id');
  },
  async any(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM tickets) AS found');
    return row.found;
  },
  async countsByStatus(q: Queryable): Promise<{ status: string; n: number }[]> {
    return q.query('SELECT status, count(*)::int AS n FROM tickets GROUP BY status ORDER BY status');
  },
};
