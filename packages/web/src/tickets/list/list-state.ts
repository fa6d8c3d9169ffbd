import { TRIAGE_TAG } from '../../api/intelligence-types';
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES, type Me, type SavedView, type TicketFilters } from '../../api/types';
import { SLA_FILTER_STATES } from '../../sla/sla-types';

// The state of the ticket list — view, filters, sort, columns — and its round trip through the
// URL, so a filtered list can be reloaded, bookmarked and shared.

export const COLUMNS = ['number', 'title', 'status', 'priority', 'sla', 'requester', 'assignee', 'team', 'category', 'channel', 'tags', 'createdAt', 'updatedAt'] as const;
export type Column = (typeof COLUMNS)[number];
// the SLA countdown is offered in the column chooser: the default columns fit a 1440 px screen without it
export const DEFAULT_COLUMNS: Column[] = ['number', 'title', 'status', 'priority', 'requester', 'assignee', 'team', 'updatedAt'];
/** sla_due_at: 最先到期 (the most urgent running SLA clock first; tickets without SLA last). */
export const SORTS = ['-updated_at', 'updated_at', '-created_at', 'created_at', '-priority', '-number', 'sla_due_at'] as const;
export const DEFAULT_SORT = '-updated_at';

export interface ListState {
  /** A built-in view key or a saved view id; only highlights the view the filters came from. */
  view: string;
  filters: TicketFilters;
  sort: string;
  columns: Column[];
}

const LIST_KEYS = ['status', 'priority', 'channel', 'tag', 'team', 'sla'] as const;
const SCALAR_KEYS = ['q', 'categoryId', 'typeId', 'assignee', 'requesterId', 'organizationId', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const;
const ALLOWED: Partial<Record<(typeof LIST_KEYS)[number], readonly string[]>> = { status: STATUSES, priority: PRIORITIES, channel: CHANNELS, sla: SLA_FILTER_STATES };

export type BuiltinViewKey = 'mine' | 'unassigned' | 'myTeam' | 'triage' | 'all' | 'recent';
export const BUILTIN_VIEWS: BuiltinViewKey[] = ['mine', 'unassigned', 'myTeam', 'triage', 'all', 'recent'];

/** The filters and sort of a built-in view for this user; null when it does not apply (no team). 我的团队 covers all the user's teams. */
export function builtinView(key: BuiltinViewKey, me: Pick<Me, 'teamIds'>): { filters: TicketFilters; sort: string } | null {
  switch (key) {
    case 'mine':
      return { filters: { assignee: 'me', status: [...OPEN_STATUSES] }, sort: '-updated_at' };
    case 'unassigned':
      return { filters: { assignee: 'none', status: [...OPEN_STATUSES] }, sort: 'created_at' };
    case 'myTeam':
      return me.teamIds.length ? { filters: { team: [...me.teamIds], status: [...OPEN_STATUSES] }, sort: '-updated_at' } : null;
    case 'triage':
      // tickets the classifiers were unsure of; oldest first, as they wait for a person
      return { filters: { tag: [TRIAGE_TAG], status: [...OPEN_STATUSES] }, sort: 'created_at' };
    case 'all':
      return { filters: {}, sort: '-created_at' };
    case 'recent':
      return { filters: {}, sort: '-updated_at' };
  }
}

export const isBuiltin = (view: string): view is BuiltinViewKey => (BUILTIN_VIEWS as string[]).includes(view);

/**
 * Where the queue opens when 我的待办 is empty, so nobody lands on an empty list while work waits:
 * admins and supervisors see what nobody has taken (未分配); agents and engineers their teams' open
 * tickets (我的团队), or 未分配 when they are in no team.
 */
export function landingView(me: Pick<Me, 'role' | 'teamIds'>): BuiltinViewKey {
  if (me.role === 'admin' || me.role === 'supervisor') return 'unassigned';
  return me.teamIds.length ? 'myTeam' : 'unassigned';
}

/** Whether the address names no view and no filter: the queue opened bare, as from the menu. */
export const isBareQueue = (params: URLSearchParams) => [...params.keys()].every((k) => k === 'sort' || k === 'cols');

/** Drops empty values so equal filters compare (and serialise) equally. */
export function cleanFilters(f: TicketFilters): TicketFilters {
  const out: Record<string, unknown> = {};
  for (const k of LIST_KEYS) {
    const v: unknown = f[k];
    // a list, or one value as a string (a view saved before the server took several teams)
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
    const values = list.map((x) => String(x).trim()).filter(Boolean);
    if (values.length) out[k] = values;
  }
  for (const k of SCALAR_KEYS) {
    const v = f[k]?.trim();
    if (v) out[k] = v;
  }
  return out as TicketFilters;
}

export function parseListState(params: URLSearchParams, me: Pick<Me, 'teamIds'>): ListState {
  const view = params.get('view') ?? '';
  const hasFilters = [...LIST_KEYS, ...SCALAR_KEYS].some((k) => params.has(k));
  const f: Record<string, unknown> = {};
  for (const k of LIST_KEYS) {
    const raw = params.get(k);
    if (!raw) continue;
    const allowed = ALLOWED[k];
    const values = raw.split(',').map((s) => s.trim()).filter((s) => s && (!allowed || allowed.includes(s)));
    if (values.length) f[k] = values;
  }
  for (const k of SCALAR_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  const cols = (params.get('cols') ?? '').split(',').filter((c): c is Column => (COLUMNS as readonly string[]).includes(c));
  const sortParam = params.get('sort');
  const sort = sortParam && (SORTS as readonly string[]).includes(sortParam) ? sortParam : null;
  // a bare built-in view (?view=mine, or no parameters at all) takes the view's own filters
  if (!hasFilters && (isBuiltin(view) || !view)) {
    const key: BuiltinViewKey = isBuiltin(view) ? view : 'mine';
    const b = builtinView(key, me) ?? builtinView('all', me)!;
    return { view: key, filters: b.filters, sort: sort ?? b.sort, columns: cols.length ? cols : DEFAULT_COLUMNS };
  }
  return { view, filters: cleanFilters(f as TicketFilters), sort: sort ?? DEFAULT_SORT, columns: cols.length ? cols : DEFAULT_COLUMNS };
}

export function toSearchParams(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view) p.set('view', s.view);
  const f = cleanFilters(s.filters);
  for (const k of LIST_KEYS) if (f[k]) p.set(k, f[k]!.join(','));
  for (const k of SCALAR_KEYS) if (f[k]) p.set(k, f[k]!);
  if (s.sort !== DEFAULT_SORT) p.set('sort', s.sort);
  if (s.columns.join(',') !== DEFAULT_COLUMNS.join(',')) p.set('cols', s.columns.join(','));
  return p;
}

/** The list state a saved view opens with. */
export function savedViewState(v: SavedView): ListState {
  const cols = v.columns.filter((c): c is Column => (COLUMNS as readonly string[]).includes(c));
  return { view: v.id, filters: cleanFilters(v.filters), sort: v.sort || DEFAULT_SORT, columns: cols.length ? cols : DEFAULT_COLUMNS };
}

export function builtinViewState(key: BuiltinViewKey, me: Pick<Me, 'teamIds'>, columns: Column[]): ListState | null {
  const b = builtinView(key, me);
  return b ? { view: key, filters: b.filters, sort: b.sort, columns } : null;
}
