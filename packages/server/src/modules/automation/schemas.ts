import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';
import { ActionSchema, ConditionsSchema, TRIGGER_EVENTS } from './rule-schema';

// Request bodies take conditions and actions as given: validate-rule.ts checks them and answers with
// AUTOMATION_CONDITION_INVALID / AUTOMATION_ACTION_INVALID naming the path and what to fix. The document
// still publishes their exact shapes: the items of these lists are AutomationCondition and AutomationAction
// (their request variants, …Input), so clients get the real types.
const Loose = z.record(z.string(), z.unknown());
const checkedList = (component: 'AutomationConditionInput' | 'AutomationActionInput', max: number) =>
  z.array(Loose).max(max).meta({ items: { $ref: `#/components/schemas/${component}` } });
export const RuleBody = z
  .strictObject({
    name: z.string().max(200),
    description: z.string().max(2000).optional(),
    kind: z.enum(['trigger', 'time']),
    events: z.array(z.string().max(40)).max(20).optional().describe(`trigger: ${TRIGGER_EVENTS.join(', ')}; time rule: empty`),
    conditions: z.strictObject({ all: checkedList('AutomationConditionInput', 50).optional(), any: checkedList('AutomationConditionInput', 50).optional() }).optional().describe('{all: [AutomationCondition], any: [AutomationCondition]}'),
    actions: checkedList('AutomationActionInput', 20).describe('[AutomationAction], run in order'),
    active: z.boolean().optional(),
  });

export const ListRulesQuery = z.strictObject({ kind: z.enum(['trigger', 'time']).optional() });
export const ReorderBody = z.strictObject({ kind: z.enum(['trigger', 'time']), ids: z.array(Uuid).max(500) });
export const DryRunBody = z.strictObject({ rule: RuleBody });
export const ListRunsQuery = z.strictObject({ ruleId: Uuid.optional(), ticketId: Uuid.optional(), limit: Limit(500, 100) });

const Iso = z.string().describe('ISO-8601 date-time');
export const RuleSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string(),
    kind: z.enum(['trigger', 'time']),
    position: z.number().int(),
    active: z.boolean(),
    events: z.array(z.string()),
    conditions: ConditionsSchema,
    actions: z.array(ActionSchema),
    builtin: z.string().nullable().describe('the shipped default it was created from, null for the tenant’s own'),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'AutomationRule' });
export const RuleList = z.object({ items: z.array(RuleSchema) });
export const DryRunSchema = z
  .object({
    matched: z.array(z.object({ ticketId: Uuid, number: z.number().int(), title: z.string() })).describe('the first 100 matches'),
    total: z.number().int().describe('how many of the checked tickets match'),
    checked: z.number().int().describe('open tickets checked (at most 5,000)'),
  })
  .meta({ id: 'AutomationDryRun' });
export const RunSchema = z
  .object({
    ruleId: Uuid,
    ruleName: z.string().nullable(),
    ticketId: Uuid,
    runKey: z.string().describe('the occasion: the event id of a trigger, the condition instance of a time rule'),
    outcome: z.enum(['applied', 'dropped', 'failed']),
    detail: z.record(z.string(), z.unknown()).describe('applied: actions [{type, summary}]; dropped / failed: reason'),
    createdAt: Iso,
  })
  .meta({ id: 'AutomationRun' });
export const RunList = z.object({ items: z.array(RunSchema) });
