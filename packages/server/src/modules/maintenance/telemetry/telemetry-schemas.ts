import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import { PRIORITIES } from '../../tickets';
import type { IncidentRow } from './incident-repository';
import type { TelemetryRuleRow } from './telemetry-repository';

const Iso = z.string().describe('ISO-8601 date-time');
const Op = z.enum(['above', 'below']);
const Positive = z.number().positive().max(1e9);
export const RuleParamsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('threshold'), op: Op, limit: z.number().finite() }),
  z.strictObject({ kind: z.literal('rate'), op: Op, perHour: Positive, windowMinutes: z.number().int().min(1).max(7 * 24 * 60) }),
  z.strictObject({ kind: z.literal('n_of_m'), op: Op, limit: z.number().finite(), n: z.number().int().min(1).max(1000), m: z.number().int().min(1).max(1000) }).refine((p) => p.n <= p.m, { message: 'n must not exceed m', path: ['n'] }),
  z.strictObject({
    kind: z.literal('trend'),
    op: Op,
    limit: z.number().finite(),
    windowHours: z.number().positive().max(24 * 90),
    horizonHours: z.number().positive().max(24 * 365),
    minPoints: z.number().int().min(3).max(100_000).optional(),
    minR2: z.number().min(0).max(1).optional(),
  }),
]);
export const TelemetryRuleBody = z.strictObject({
  model: z.string().trim().min(1).max(200).nullable().describe('The device model it applies to; null: every model'),
  metric: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  problem: z.string().trim().min(1).max(200).describe('One open work order per asset and problem, e.g. 电机过热'),
  params: RuleParamsSchema,
  priority: z.enum(PRIORITIES).optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const TelemetryRuleSchema = z
  .object({ id: Uuid, model: z.string().nullable(), metric: z.string(), problem: z.string(), params: z.looseObject({ kind: z.string() }), priority: z.string(), active: z.boolean(), position: z.number(), createdAt: Iso, updatedAt: Iso })
  .meta({ id: 'TelemetryRule' });
export const TelemetryIncidentSchema = z
  .object({
    id: Uuid,
    assetId: Uuid,
    problem: z.string(),
    ruleId: Uuid.nullable(),
    ticketId: Uuid.nullable(),
    state: z.enum(['open', 'closed']),
    firing: z.object({ metric: z.string(), reason: z.string(), forecastAt: Iso.nullable(), readings: z.array(z.object({ at: Iso, value: z.number() })) }),
    openedAt: Iso,
    closedAt: Iso.nullable(),
  })
  .meta({ id: 'TelemetryIncident' });
export const IngestAnswer = z.object({ readings: z.number().describe('Readings stored'), workOrders: z.array(Uuid).describe('Work orders this message opened') });

export const ruleView = (r: TelemetryRuleRow) => ({ id: r.id, model: r.model, metric: r.metric, problem: r.problem, params: r.params, priority: r.priority, active: r.active, position: r.position, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });
export const incidentView = (i: IncidentRow) => ({
  id: i.id,
  assetId: i.asset_id,
  problem: i.problem,
  ruleId: i.rule_id,
  ticketId: i.ticket_id,
  state: i.state,
  firing: i.firing as z.infer<typeof TelemetryIncidentSchema>['firing'],
  openedAt: i.opened_at.toISOString(),
  closedAt: i.closed_at?.toISOString() ?? null,
});
