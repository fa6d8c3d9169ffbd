import { z } from 'zod';

// The shapes of an automation rule (the contract's rule JSON): conditions over ticket facts and the
// triggering event, actions run in order. Pure: validate-rule.ts turns their failures into AppErrors.

/** The occasions a trigger runs on; ticket.updated also gives status_changed and assigned. */
export const TRIGGER_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'reply.added',
  'note.added',
  'status_changed',
  'assigned',
  'sla.warning',
  'sla.breached',
  'ticket.chased',
  'csat.received',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const HOURS_SINCE = ['created', 'updated', 'status', 'pending', 'resolved', 'assigned', 'sla_breached'] as const;
export type HoursSince = (typeof HOURS_SINCE)[number];

export const PLAIN_FIELDS = [
  'status',
  'priority',
  'category',
  'type',
  'team',
  'assignee',
  'channel',
  'tags',
  'title',
  'description',
  'requester.tier',
  'organization',
  'sla.state',
  'chase_count',
  'business_hours',
] as const;

export const OPS = ['is', 'is_not', 'in', 'not_in', 'contains', 'not_contains', 'changed', 'changed_to', 'changed_from', 'gte', 'lte', 'is_true', 'is_false'] as const;
export type Op = (typeof OPS)[number];

// null as a nullable branch (not a bare z.null() branch): OpenAPI 3.0 has no type null, and a union
// marked nullable without a type is refused by validators of the published document
const Scalar = z.union([z.string().max(2000).nullable(), z.number(), z.boolean()]);
export const ConditionSchema = z
  .strictObject({
    field: z.string().min(1).max(100).describe('status, priority, category, type, team, assignee, channel, tags, title, description, requester.tier, organization, custom.<key>, sla.state, chase_count, hours_since.<created|updated|status|pending|resolved|assigned|sla_breached>, business_hours'),
    op: z.enum(OPS),
    value: z.union([Scalar, z.array(Scalar).max(200)]).optional(),
  })
  .meta({ id: 'AutomationCondition' });
export type Condition = z.infer<typeof ConditionSchema>;

export const ConditionsSchema = z
  .strictObject({ all: z.array(ConditionSchema).max(50).optional(), any: z.array(ConditionSchema).max(50).optional() })
  .meta({ id: 'AutomationConditions' });
export type Conditions = z.infer<typeof ConditionsSchema>;

export const NOTIFY_ROLES = ['assignee', 'team_supervisors', 'supervisors', 'admins', 'requester'] as const;
export type NotifyRole = (typeof NOTIFY_ROLES)[number];
const Id = z.uuid();
const Text = z.string().trim().min(1).max(5000);
const Tags = z.array(z.string().trim().min(1).max(50)).min(1).max(50);
export const SET_FIELDS = ['status', 'priority', 'category', 'type', 'team', 'assignee', 'tags'] as const;

export const ActionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('set_field'), field: z.enum(SET_FIELDS), value: z.union([z.string().max(200).nullable(), z.array(z.string().max(50)).max(50)]) }),
    z.strictObject({ type: z.literal('assign'), userId: Id.optional(), teamId: Id.optional(), dispatch: z.literal(true).optional() }),
    z.strictObject({ type: z.literal('add_tags'), tags: Tags }),
    z.strictObject({ type: z.literal('remove_tags'), tags: Tags }),
    z.strictObject({ type: z.literal('add_note'), text: Text }),
    z.strictObject({ type: z.literal('reply'), templateId: Id.optional(), text: Text.optional() }),
    z.strictObject({
      type: z.literal('notify'),
      userIds: z.array(Id).max(100).optional(),
      teamIds: z.array(Id).max(50).optional(),
      roles: z.array(z.enum(NOTIFY_ROLES)).max(5).optional(),
      channels: z.array(z.enum(['in_app', 'email', 'sms'])).max(3).optional(),
      text: Text.optional(),
    }),
    z.strictObject({ type: z.literal('notify_robot'), channelId: Id, text: Text }),
    z.strictObject({ type: z.literal('webhook'), webhookId: Id }),
    z.strictObject({ type: z.literal('create_subtask'), teamId: Id, title: z.string().trim().min(1).max(200) }),
    z.strictObject({
      type: z.literal('escalate'),
      level: z.number().int().min(1).max(5).optional(),
      priority: z.literal('raise').optional(),
      roles: z.array(z.enum(NOTIFY_ROLES)).max(5).optional(),
      text: Text.optional(),
    }),
    z.strictObject({ type: z.literal('close') }),
  ])
  .meta({ id: 'AutomationAction' });
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];

export interface RuleInput {
  name: string;
  description: string;
  kind: 'trigger' | 'time';
  events: TriggerEvent[];
  conditions: Conditions;
  actions: Action[];
  active: boolean;
}
