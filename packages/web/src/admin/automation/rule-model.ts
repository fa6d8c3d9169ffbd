import { allOf } from '../../api/contract';
import { CHANNELS, PRIORITIES, STATUSES, TIERS } from '../../api/types';
import type { Action, ActionType, Cond, CondOp, Rule, RuleBody, RuleKind } from './automation-types';

// What the rule editor offers, as data: the events a trigger runs on, the fields a condition can test
// (each with the operators that make sense for it and the kind of value it takes), the actions, and the
// translation between the editor's form values and the rule JSON of the contract.

export const TRIGGER_EVENTS = ['ticket.created', 'ticket.updated', 'status_changed', 'assigned', 'reply.added', 'note.added', 'sla.warning', 'sla.breached', 'ticket.chased', 'csat.received'] as const;

export const SLA_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export const HOURS_SINCE = ['created', 'updated', 'status', 'pending', 'resolved', 'assigned', 'sla_breached'] as const;
export const NOTIFY_ROLES = ['assignee', 'team_supervisors', 'supervisors', 'admins', 'requester'] as const;
export const NOTIFY_CHANNELS = ['in_app', 'email', 'sms'] as const;
export const SET_FIELDS = ['status', 'priority', 'category', 'type', 'team'] as const;
export const PLACEHOLDERS = ['{{ticket.number}}', '{{ticket.title}}', '{{requester.name}}', '{{team.name}}', '{{sla.due}}'] as const;

/** The kind of value a field takes, which decides its operators and its value control. */
export type ValueKind = 'status' | 'priority' | 'channel' | 'tier' | 'sla' | 'category' | 'type' | 'team' | 'person' | 'organization' | 'tags' | 'text' | 'count' | 'hours' | 'bool';

export const FIELD_KINDS: Record<string, ValueKind> = {
  status: 'status',
  priority: 'priority',
  category: 'category',
  type: 'type',
  team: 'team',
  assignee: 'person',
  channel: 'channel',
  tags: 'tags',
  title: 'text',
  description: 'text',
  'requester.tier': 'tier',
  organization: 'organization',
  'sla.state': 'sla',
  chase_count: 'count',
  ...Object.fromEntries(HOURS_SINCE.map((h) => [`hours_since.${h}`, 'hours' as ValueKind])),
  business_hours: 'bool',
};
export const CONDITION_FIELDS = Object.keys(FIELD_KINDS);

/** A field's kind; custom.<key> fields are text. */
export const kindOf = (field: string | undefined): ValueKind | undefined => (!field ? undefined : field.startsWith('custom.') ? 'text' : FIELD_KINDS[field]);

const CHOICE_OPS: CondOp[] = ['is', 'is_not', 'in', 'not_in'];
const CHANGE_OPS: CondOp[] = ['changed', 'changed_to', 'changed_from'];

/** The operators that make sense for a field; "changed …" only for triggers (a time rule sees no change). */
export function operatorsFor(field: string | undefined, ruleKind: RuleKind): CondOp[] {
  const kind = kindOf(field);
  switch (kind) {
    case undefined:
      return [];
    case 'tags':
      return ['contains', 'not_contains'];
    case 'text':
      return field?.startsWith('custom.') ? ['is', 'is_not', 'contains', 'not_contains'] : ['contains', 'not_contains'];
    case 'count':
    case 'hours':
      return ['gte', 'lte'];
    case 'bool':
      return ['is_true', 'is_false'];
    case 'tier':
    case 'organization':
    case 'channel':
      return CHOICE_OPS;
    default:
      return ruleKind === 'trigger' ? [...CHOICE_OPS, ...CHANGE_OPS] : CHOICE_OPS;
  }
}

/** What value an operator takes: none, one, several, or a number. */
export function valueShape(op: string | undefined): 'none' | 'one' | 'many' | 'number' {
  if (!op || op === 'changed' || op === 'is_true' || op === 'is_false') return 'none';
  if (op === 'in' || op === 'not_in') return 'many';
  if (op === 'gte' || op === 'lte') return 'number';
  return 'one';
}

/** The choices of an enumerated field (status, priority …), as the i18n key prefix and the values. */
export function choicesOf(kind: ValueKind | undefined): { prefix: string; values: readonly string[] } | null {
  switch (kind) {
    case 'status':
      return { prefix: 'status', values: STATUSES };
    case 'priority':
      return { prefix: 'priority', values: PRIORITIES };
    case 'channel':
      return { prefix: 'channel', values: CHANNELS };
    case 'tier':
      return { prefix: 'tier', values: TIERS };
    case 'sla':
      return { prefix: 'automation.slaState', values: SLA_STATES };
    default:
      return null;
  }
}

// ---- form values ⇄ rule JSON

/**
 * An action as the form holds it while it is edited: its type, the values its controls hold (not checked
 * yet: a new row has none) and the editor's own choice keys. actionJson turns it into the contract's action.
 */
export type ActionValues = { type: ActionType; to?: 'user' | 'team' | 'dispatch'; mode?: 'template' | 'text'; [key: string]: unknown };

export interface RuleValues {
  name: string;
  description?: string;
  kind: RuleKind;
  events: string[];
  all: Cond[];
  any: Cond[];
  actions: ActionValues[];
  active: boolean;
}

export const emptyRule = (kind: RuleKind): RuleValues => ({ name: '', description: '', kind, events: kind === 'trigger' ? ['ticket.created'] : [], all: [], any: [], actions: [], active: false });

/** A condition with the value its operator takes (none, a list, a number). */
export function condJson(c: Cond): Cond {
  const shape = valueShape(c.op);
  if (shape === 'none') return { field: c.field, op: c.op };
  if (shape === 'many') return { field: c.field, op: c.op, value: c.value === undefined || c.value === null || c.value === '' ? [] : Array.isArray(c.value) ? c.value : [c.value] };
  if (shape === 'number') return { field: c.field, op: c.op, value: c.value === '' || c.value === undefined || c.value === null ? c.value : Number(c.value) };
  return { field: c.field, op: c.op, value: typeof c.value === 'string' ? c.value.trim() : c.value };
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The contract's JSON of one action: the editor's choice keys resolved, empty optional keys left out. */
export function actionJson(a: ActionValues): Action {
  const { to, mode, ...rest } = a;
  const out: Record<string, unknown> = { type: a.type };
  switch (a.type) {
    case 'assign':
      if (to === 'dispatch') return { type: 'assign', dispatch: true };
      if (to === 'team') return { type: 'assign', teamId: text(rest.teamId) };
      return { type: 'assign', userId: text(rest.userId) };
    case 'reply':
      return mode === 'template' ? { type: 'reply', templateId: text(rest.templateId) } : { type: 'reply', text: text(rest.text) };
    case 'close':
      return { type: 'close' };
    case 'escalate':
      if (present(rest.level)) out.level = Number(rest.level);
      if (rest.priority === 'raise' || rest.priority === true) out.priority = 'raise';
      if (present(rest.roles)) out.roles = rest.roles;
      return out as Action;
    default:
      for (const [k, v] of Object.entries(rest)) if (k !== 'type' && present(v)) out[k] = typeof v === 'string' && k !== 'text' ? v.trim() : v;
      return out as Action;
  }
}

export function ruleJson(v: RuleValues): RuleBody {
  const conditions: RuleBody['conditions'] = {};
  if (v.all?.length) conditions.all = v.all.map(condJson);
  if (v.any?.length) conditions.any = v.any.map(condJson);
  const body: RuleBody = { name: (v.name ?? '').trim(), kind: v.kind, events: v.kind === 'trigger' ? (v.events ?? []) : [], conditions, actions: (v.actions ?? []).map(actionJson), active: !!v.active };
  if (v.description?.trim()) body.description = v.description.trim();
  return body;
}

/** The form values of a stored rule. */
export function ruleValues(r: Rule | RuleBody): RuleValues {
  return {
    name: r.name,
    description: r.description ?? '',
    kind: r.kind,
    events: r.events ?? [],
    all: r.conditions?.all ?? [],
    any: r.conditions?.any ?? [],
    actions: (r.actions ?? []).map((a) => {
      if (a.type === 'assign') return { ...a, to: a.dispatch ? 'dispatch' : a.teamId ? 'team' : 'user' };
      if (a.type === 'reply') return { ...a, mode: a.templateId ? 'template' : 'text' };
      if (a.type === 'escalate') return { ...a, priority: a.priority === 'raise' };
      return { ...a };
    }),
    active: r.active ?? false,
  };
}

/** A new action row of a type, with the defaults its controls start from. */
export function newAction(type: ActionType): ActionValues {
  switch (type) {
    case 'assign':
      return { type, to: 'dispatch' };
    case 'reply':
      return { type, mode: 'text', text: '' };
    case 'notify':
      return { type, roles: ['assignee'], channels: ['in_app'] };
    case 'escalate':
      return { type, level: 1, roles: ['team_supervisors'] };
    default:
      return { type };
  }
}

export const ACTION_TYPES = allOf<ActionType>()(['set_field', 'assign', 'add_tags', 'remove_tags', 'add_note', 'reply', 'notify', 'notify_robot', 'webhook', 'create_subtask', 'escalate', 'close']);

/** A new condition row for a field: its first operator and an empty value of the right shape. */
export function newCond(field: string, ruleKind: RuleKind): Cond {
  const op = operatorsFor(field, ruleKind)[0];
  const shape = valueShape(op);
  return shape === 'none' ? { field, op } : { field, op, value: shape === 'many' ? [] : undefined };
}

/**
 * The form field an error path of the rule JSON belongs to: conditions.all.2.value → all.2.value (the
 * form keeps the groups at top level); a row as a whole → its first control; an assign / reply action's
 * keys → the control that holds them.
 */
export function formPath(field: string, v: Partial<RuleValues>): (string | number)[] | null {
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'conditions' && (parts[1] === 'all' || parts[1] === 'any') && typeof parts[2] === 'number') {
    const key = parts[3] === 'op' || parts[3] === 'value' ? parts[3] : 'field';
    return [parts[1], parts[2], key];
  }
  if (parts[0] === 'conditions') return ['all'];
  if (parts[0] === 'actions' && typeof parts[1] === 'number') {
    const action = v.actions?.[parts[1]];
    const key = typeof parts[2] === 'string' ? parts[2] : 'type';
    if (action && key !== 'type' && !(key in action)) return ['actions', parts[1], 'type'];
    return ['actions', parts[1], key];
  }
  if (parts[0] === 'actions') return null;
  if (['name', 'description', 'events'].includes(String(parts[0]))) return [parts[0]];
  return null;
}
