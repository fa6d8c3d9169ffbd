import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { toTsQuery } from '../../platform/text/segment';
import { categorySubtree } from '../catalog';
import type { Actor } from '../identity';
import { SLA_DUE_KEY, SORT_COLUMNS, ticketRepository, type SortKey, type TicketFilter, type TicketRow } from './ticket-repository';
import { toTicketView, type TicketView } from './ticket-view';
import { visibilityOf } from './visibility';

export interface ListTicketsInput extends Omit<TicketFilter, 'categoryIds' | 'text' | 'assigneeId' | 'teams' | 'slaStates'> {
  /** SLA summary states: ok, warning, breached, paused, achieved */
  sla?: string[];
  q?: string;
  categoryId?: string;
  /** a user id, 'me' or 'none' */
  assignee?: string;
  /** team ids and/or 'none' */
  team?: string[];
  /** a sort key, '-' in front for descending (default -updated_at) */
  sort?: string;
  cursor?: string;
  limit?: number;
}

function keyOf(row: TicketRow & { priority_rank?: number }, sort: SortKey): unknown[] {
  const value: Record<string, unknown> = {
    't.created_at': row.created_at.toISOString(),
    't.updated_at': row.updated_at.toISOString(),
    't.id': row.id,
    't.number': Number(row.number),
    't.priority_rank': row.priority_rank,
    [SLA_DUE_KEY]: row.sla_due_at ? row.sla_due_at.toISOString() : 'infinity',
  };
  return SORT_COLUMNS[sort].map((c) => value[c]);
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortKey): unknown[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === SORT_COLUMNS[sort].length && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  throw invalid('cursor', 'The cursor is not valid for this sort; start again without a cursor', 'invalid_cursor');
}

export function parseSort(sort = '-updated_at'): { key: SortKey; desc: boolean } {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as SortKey;
  if (!(key in SORT_COLUMNS)) throw invalid('sort', `Sort by one of: ${Object.keys(SORT_COLUMNS).join(', ')} (prefix - for descending)`, 'invalid_sort');
  return { key, desc };
}

async function buildFilter(q: Queryable, actor: Actor, input: ListTicketsInput, text: string | undefined): Promise<TicketFilter> {
  const { q: _q, categoryId, assignee, team, sla, sort: _s, cursor: _c, limit: _l, ...rest } = input;
  const filter: TicketFilter = { ...rest, text: text || undefined };
  if (sla?.length) filter.slaStates = sla;
  if (categoryId) filter.categoryIds = await categorySubtree(q, categoryId);
  if (assignee) filter.assigneeId = assignee === 'me' ? actor.id : assignee === 'none' ? null : assignee;
  if (team?.length) filter.teams = { ids: [...new Set(team.filter((x) => x !== 'none'))], withoutTeam: team.includes('none') };
  return filter;
}

/** A page of the tickets the actor may see, filtered, sorted and paged by keyset. */
export async function listTickets(deps: Deps, actor: Actor, input: ListTicketsInput): Promise<{ items: TicketView[]; nextCursor: string | null }> {
  const { key, desc } = parseSort(input.sort);
  const after = input.cursor ? decodeCursor(input.cursor, key) : undefined;
  const limit = input.limit ?? 25;
  const text = input.q ? toTsQuery(input.q) : undefined;
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (input.q && !text) return { items: [], nextCursor: null };
    const filter = await buildFilter(q, actor, input, text);
    const rows = await ticketRepository.list(q, { scope: visibilityOf(actor), filter, sort: key, desc, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(keyOf(page[page.length - 1], key)) : null;
    return { items: page.map((r) => toTicketView(r)), nextCursor };
  });
}

/**
 * How many tickets match (for view counts); the same filters and scope as the list. With `upTo`
 * counting stops at that number and `capped` says so (the console shows "10,000+").
 */
export async function countTickets(deps: Deps, actor: Actor, input: ListTicketsInput, upTo?: number): Promise<{ count: number; capped: boolean }> {
  const text = input.q ? toTsQuery(input.q) : undefined;
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (input.q && !text) return { count: 0, capped: false };
    const filter = await buildFilter(q, actor, input, text);
    // one row past the bound tells a queue of exactly `upTo` from a bigger one
    const n = await ticketRepository.count(q, { scope: visibilityOf(actor), filter, upTo: upTo === undefined ? undefined : upTo + 1 });
    return upTo !== undefined && n > upTo ? { count: upTo, capped: true } : { count: n, capped: false };
  });
}
