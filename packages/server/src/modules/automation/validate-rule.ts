import { z } from 'zod';
import { AppError, type ErrorCode } from '../../platform/errors';
import { ActionSchema, ConditionSchema, HOURS_SINCE, PLAIN_FIELDS, TRIGGER_EVENTS, type Action, type Condition, type Op, type RuleInput } from './rule-schema';

// Rule validation (pure): a rule an administrator writes is checked before it is stored, and every
// failure names the field path (conditions.all.0.op) and says what to fix.

const fail = (code: ErrorCode, field: string, message: string) => new AppError(code, message, { field, details: [{ field, code: 'invalid', message }] });

const CHANGE_FIELDS = new Set(['status', 'priority', 'category', 'type', 'team', 'assignee', 'tags', 'title']);
const TEXT_FIELDS = new Set(['title', 'description', 'tags']);
const NUMBER_FIELDS = new Set(['chase_count']);

/** The ops a field accepts (custom.<key> accepts all but the change ops). */
export function opsOf(field: string): Op[] | null {
  if (field.startsWith('hours_since.')) return HOURS_SINCE.includes(field.slice(12) as never) ? ['gte', 'lte'] : null;
  if (field.startsWith('custom.')) return field.length > 7 ? ['is', 'is_not', 'in', 'not_in', 'contains', 'not_contains', 'gte', 'lte', 'is_true', 'is_false'] : null;
  if (!PLAIN_FIELDS.includes(field as never)) return null;
  if (field === 'business_hours') return ['is_true', 'is_false'];
  const ops: Op[] = ['is', 'is_not', 'in', 'not_in'];
  if (TEXT_FIELDS.has(field)) ops.push('contains', 'not_contains');
  if (CHANGE_FIELDS.has(field)) ops.push('changed', 'changed_to', 'changed_from');
  if (NUMBER_FIELDS.has(field)) ops.push('gte', 'lte');
  return ops;
}

/** What is wrong with one condition, or null. */
export function conditionProblem(c: Condition): string | null {
  const ops = opsOf(c.field);
  if (!ops) return `Unknown field "${c.field}": use status, priority, category, type, team, assignee, channel, tags, title, description, requester.tier, organization, custom.<key>, sla.state, chase_count, hours_since.<${HOURS_SINCE.join('|')}> or business_hours`;
  if (!ops.includes(c.op)) return `"${c.op}" does not apply to ${c.field}; use one of ${ops.join(', ')}`;
  const v = c.value;
  if (['changed', 'is_true', 'is_false'].includes(c.op)) return v === undefined ? null : `"${c.op}" takes no value; remove it`;
  if (c.op === 'in' || c.op === 'not_in') return Array.isArray(v) && v.length ? null : `"${c.op}" needs a list of values, e.g. ["new", "open"]`;
  if (c.op === 'gte' || c.op === 'lte') return typeof v === 'number' && Number.isFinite(v) ? null : `"${c.op}" needs a number, e.g. 72`;
  if (v === undefined || Array.isArray(v)) return `"${c.op}" needs one value`;
  if ((c.op === 'contains' || c.op === 'not_contains') && (typeof v !== 'string' || !v.trim())) return `"${c.op}" needs some text to look for`;
  return null;
}

function issuePath(issue: z.core.$ZodIssue, prefix: string): string {
  return [prefix, ...issue.path.map(String)].join('.');
}

function parseCondition(raw: unknown, path: string): Condition {
  const parsed = ConditionSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw fail('AUTOMATION_CONDITION_INVALID', issuePath(i, path), `Condition ${path}: ${i.message}${i.path.length ? ` (at ${i.path.join('.')})` : ''}; a condition is {field, op, value?}`);
  }
  const problem = conditionProblem(parsed.data);
  if (problem) throw fail('AUTOMATION_CONDITION_INVALID', `${path}.${problem.startsWith('Unknown field') ? 'field' : problem.includes('value') || problem.includes('needs') ? 'value' : 'op'}`, problem);
  return parsed.data;
}

function parseAction(raw: unknown, path: string): Action {
  const parsed = ActionSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const type = (raw as { type?: unknown } | null)?.type;
    const hint = typeof type === 'string' ? '' : '; set "type" to set_field, assign, add_tags, remove_tags, add_note, reply, notify, notify_robot, webhook, create_subtask, escalate or close';
    throw fail('AUTOMATION_ACTION_INVALID', issuePath(i, path), `Action ${path}: ${i.message}${i.path.length ? ` (at ${i.path.join('.')})` : ''}${hint}`);
  }
  const a = parsed.data;
  if (a.type === 'assign' && [a.userId, a.teamId, a.dispatch].filter((x) => x !== undefined).length === 0)
    throw fail('AUTOMATION_ACTION_INVALID', path, `Action ${path}: assign needs userId, teamId or dispatch: true`);
  if (a.type === 'assign' && a.dispatch && (a.userId || a.teamId)) throw fail('AUTOMATION_ACTION_INVALID', path, `Action ${path}: assign with dispatch: true leaves the choice to dispatch; remove userId / teamId`);
  if (a.type === 'reply' && !a.templateId === !a.text) throw fail('AUTOMATION_ACTION_INVALID', `${path}.text`, `Action ${path}: reply needs either templateId or text (one of them)`);
  if (a.type === 'notify' && !a.userIds?.length && !a.teamIds?.length && !a.roles?.length)
    throw fail('AUTOMATION_ACTION_INVALID', `${path}.roles`, `Action ${path}: notify needs someone to tell: userIds, teamIds or roles`);
  if (a.type === 'set_field') {
    const listy = a.field === 'tags';
    if (listy !== Array.isArray(a.value)) throw fail('AUTOMATION_ACTION_INVALID', `${path}.value`, listy ? `Action ${path}: tags take a list of tags` : `Action ${path}: ${a.field} takes one value`);
    if ((a.field === 'status' || a.field === 'priority') && typeof a.value !== 'string') throw fail('AUTOMATION_ACTION_INVALID', `${path}.value`, `Action ${path}: ${a.field} cannot be emptied`);
  }
  return a;
}

const Head = z.strictObject({
  name: z.string().trim().min(1, 'The rule needs a name').max(200),
  description: z.string().max(2000).optional(),
  kind: z.enum(['trigger', 'time']),
  events: z.array(z.string()).max(20).optional(),
  conditions: z.unknown().optional(),
  actions: z.array(z.unknown()).max(20),
  active: z.boolean().optional(),
});

/** A rule as stored, or an AppError naming the path and what to change (AUTOMATION_RULE_INVALID / _CONDITION_ / _ACTION_). */
export function validateRule(raw: unknown): RuleInput {
  const head = Head.safeParse(raw);
  if (!head.success) {
    const i = head.error.issues[0];
    throw fail('AUTOMATION_RULE_INVALID', i.path.map(String).join('.') || 'rule', `${i.path.join('.') || 'rule'}: ${i.message}`);
  }
  const r = head.data;
  const events = [...new Set(r.events ?? [])];
  events.forEach((e, i) => {
    if (!TRIGGER_EVENTS.includes(e as never)) throw fail('AUTOMATION_RULE_INVALID', `events.${i}`, `Unknown event "${e}"; use ${TRIGGER_EVENTS.join(', ')}`);
  });
  if (r.kind === 'trigger' && !events.length) throw fail('AUTOMATION_RULE_INVALID', 'events', 'A trigger needs at least one event to run on (e.g. ticket.created)');
  if (r.kind === 'time' && events.length) throw fail('AUTOMATION_RULE_INVALID', 'events', 'A time rule runs on time, not on events; leave events empty');
  const c = (r.conditions ?? {}) as Record<string, unknown>;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw fail('AUTOMATION_CONDITION_INVALID', 'conditions', 'conditions must be {"all": [...], "any": [...]}');
  const extra = Object.keys(c).find((k) => k !== 'all' && k !== 'any');
  if (extra) throw fail('AUTOMATION_CONDITION_INVALID', `conditions.${extra}`, `Unknown group "${extra}"; conditions have "all" (every one) and "any" (at least one)`);
  const group = (g: 'all' | 'any') => {
    const list = c[g];
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || list.length > 50) throw fail('AUTOMATION_CONDITION_INVALID', `conditions.${g}`, `conditions.${g} must be a list of at most 50 conditions`);
    return list.map((x, i) => parseCondition(x, `conditions.${g}.${i}`));
  };
  const all = group('all');
  const any = group('any');
  if (r.kind === 'time' && !all?.some((x) => x.field.startsWith('hours_since.') && x.op === 'gte'))
    throw fail('AUTOMATION_CONDITION_INVALID', 'conditions.all', 'A time rule needs an "hours_since.<…>" gte condition in "all" (e.g. hours_since.pending gte 72), which says when it runs');
  if (!r.actions.length) throw fail('AUTOMATION_ACTION_INVALID', 'actions', 'The rule needs at least one action');
  const actions = r.actions.map((a, i) => parseAction(a, `actions.${i}`));
  return {
    name: r.name,
    description: r.description?.trim() ?? '',
    kind: r.kind,
    events: events as RuleInput['events'],
    conditions: { ...(all ? { all } : {}), ...(any ? { any } : {}) },
    actions,
    active: r.active ?? true,
  };
}
