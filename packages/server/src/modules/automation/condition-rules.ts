import { indexTokens, queryTokens } from '../../platform/text/segment';
import type { Condition, Conditions, HoursSince } from './rule-schema';

// Condition evaluation (pure): a rule's conditions over a ticket's facts, the event that triggered it
// (none for a time rule) and the injected moment.

export interface TicketFacts {
  id: string;
  number: number;
  title: string;
  /** plain text of the description */
  description: string;
  status: string;
  priority: string;
  channel: string;
  typeId: string | null;
  categoryId: string | null;
  teamId: string | null;
  teamName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  requesterId: string | null;
  requesterName: string | null;
  requesterTier: string | null;
  organizationId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  slaState: string | null;
  slaDueAt: Date | null;
  /** 催单 recorded in ticket_chases (on a ticket.chased event: up to that chase) */
  chaseCount: number;
  /** when each hours_since.<…> starts; null: never (not pending, never assigned …) */
  since: Record<HoursSince, Date | null>;
}

export interface TriggeringEvent {
  id: string;
  kind: string;
  data: Record<string, unknown>;
}

export interface EvalContext {
  now: Date;
  event?: TriggeringEvent | null;
  /** the tenant's working time (its default business calendar); 7×24 when not given */
  isWorkingTime?: (at: Date) => boolean;
}

/** The event's change key for a condition field (ticket.updated data.changes). */
const CHANGE_KEY: Record<string, string> = { status: 'status', priority: 'priority', category: 'categoryId', type: 'typeId', team: 'teamId', assignee: 'assigneeId', tags: 'tags', title: 'title' };

/** The fact a field names: ids and their names both count for team and assignee. */
function valuesOf(f: TicketFacts, field: string, ctx: EvalContext): unknown[] {
  switch (field) {
    case 'status': return [f.status];
    case 'priority': return [f.priority];
    case 'category': return [f.categoryId];
    case 'type': return [f.typeId];
    case 'team': return [f.teamId, f.teamName].filter((x, i) => i === 0 || x !== null);
    case 'assignee': return [f.assigneeId, f.assigneeName].filter((x, i) => i === 0 || x !== null);
    case 'channel': return [f.channel];
    case 'tags': return f.tags;
    case 'title': return [f.title];
    case 'description': return [f.description];
    case 'requester.tier': return [f.requesterTier];
    case 'organization': return [f.organizationId];
    case 'sla.state': return [f.slaState];
    case 'chase_count': return [f.chaseCount];
    default:
      if (field.startsWith('custom.')) {
        const v = f.custom[field.slice(7)];
        return Array.isArray(v) ? v : [v ?? null];
      }
      return [];
  }
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));

/** Text contains a phrase: every jieba word of the phrase is among the text's words (search mode, sub-words too), or the raw text has it. */
export function textContains(text: string, phrase: string): boolean {
  const p = phrase.trim().toLowerCase();
  if (!p) return false;
  if (text.toLowerCase().includes(p)) return true;
  const words = new Set(indexTokens(text));
  const wanted = queryTokens(p);
  return wanted.length > 0 && wanted.every((w) => words.has(w));
}

export function hoursSince(since: Date | null, now: Date): number | null {
  return since ? (now.getTime() - since.getTime()) / 3_600_000 : null;
}

function change(ctx: EvalContext, field: string): { from: unknown; to: unknown } | undefined {
  if (ctx.event?.kind !== 'ticket.updated') return undefined;
  const changes = (ctx.event.data.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const key = CHANGE_KEY[field];
  return key ? changes[key] : undefined;
}

/** One condition. */
export function conditionHolds(c: Condition, f: TicketFacts, ctx: EvalContext): boolean {
  if (c.field === 'business_hours') {
    const working = ctx.isWorkingTime ? ctx.isWorkingTime(ctx.now) : true;
    return c.op === 'is_true' ? working : c.op === 'is_false' ? !working : false;
  }
  if (c.field.startsWith('hours_since.')) {
    const h = hoursSince(f.since[c.field.slice(12) as HoursSince] ?? null, ctx.now);
    if (h === null || typeof c.value !== 'number') return false;
    return c.op === 'gte' ? h >= c.value : c.op === 'lte' ? h <= c.value : false;
  }
  const vs = valuesOf(f, c.field, ctx);
  const v = c.value;
  const list = Array.isArray(v) ? v : [v];
  switch (c.op) {
    case 'is': return c.field === 'tags' ? vs.some((x) => same(x, v)) : vs.some((x) => same(x, v));
    case 'is_not': return !vs.some((x) => same(x, v));
    case 'in': return vs.some((x) => list.some((y) => same(x, y)));
    case 'not_in': return !vs.some((x) => list.some((y) => same(x, y)));
    case 'contains': return typeof v === 'string' && vs.some((x) => (c.field === 'tags' ? same(x, v) : typeof x === 'string' && textContains(x, v)));
    case 'not_contains': return typeof v === 'string' && !vs.some((x) => (c.field === 'tags' ? same(x, v) : typeof x === 'string' && textContains(x, v)));
    case 'gte': return typeof v === 'number' && vs.some((x) => x !== null && x !== '' && Number(x) >= v);
    case 'lte': return typeof v === 'number' && vs.some((x) => x !== null && x !== '' && Number(x) <= v);
    case 'is_true': return vs.some((x) => x === true || x === 'true');
    case 'is_false': return !vs.some((x) => x === true || x === 'true');
    case 'changed': return change(ctx, c.field) !== undefined;
    case 'changed_to': {
      const ch = change(ctx, c.field);
      if (!ch) return false;
      return Array.isArray(ch.to) ? ch.to.some((x) => same(x, v)) && !(Array.isArray(ch.from) && ch.from.some((x) => same(x, v))) : same(ch.to, v);
    }
    case 'changed_from': {
      const ch = change(ctx, c.field);
      if (!ch) return false;
      return Array.isArray(ch.from) ? ch.from.some((x) => same(x, v)) && !(Array.isArray(ch.to) && ch.to.some((x) => same(x, v))) : same(ch.from, v);
    }
  }
  return false;
}

/** Every condition of `all` and, when `any` has some, at least one of them. */
export function conditionsHold(conds: Conditions, f: TicketFacts, ctx: EvalContext): boolean {
  if (conds.all && !conds.all.every((c) => conditionHolds(c, f, ctx))) return false;
  if (conds.any?.length && !conds.any.some((c) => conditionHolds(c, f, ctx))) return false;
  return true;
}
