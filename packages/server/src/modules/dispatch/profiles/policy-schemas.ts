import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import type { PolicyRow } from './policy-repository';
import { DailyLimit } from './profile-schemas';

export const MODES = ['manual', 'round_robin', 'least_loaded', 'skills', 'scored', 'batch'] as const;
export const TARGETS = ['person', 'outlet'] as const;
export const SCOPES = ['tenant', 'team', 'category'] as const;
export const WEIGHT_KEYS = ['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'] as const;

const Weight = z.number().min(0, 'a weight is 0 to 10').max(10, 'a weight is 0 to 10');
const GivenWeight = Weight.nullable().optional();
export const Weights = z
  .strictObject(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, GivenWeight])) as Record<(typeof WEIGHT_KEYS)[number], typeof GivenWeight>)
  .describe("Merged with the stored weights: a term left out keeps its weight, null returns it to the engine's default; 0 switches a term off (a scored or batch policy keeps at least one above 0)");
const Amount = z.number().int().min(0, 'a capacity is 0 to 200').max(200, 'a capacity is 0 to 200');

/** Fields left out keep the stored policy's value (a new policy: the defaults); null clears those that may be empty. */
export const POLICY_DEFAULTS = {
  target: 'person',
  batchWindowS: 30,
  acceptTimeoutS: null,
  overflowTeamId: null,
  overflowThreshold: null,
  speedKmh: 30,
  positionStaleMin: 30,
  defaultCapacity: { ticket: 8, chat: 2, field: 5 },
  autoImprove: false,
} as const;

export const PolicyBody = z
  .strictObject({
    scope: z.enum(SCOPES),
    scopeId: Uuid.nullable().default(null).describe('the team or category; null for the tenant'),
    mode: z.enum(MODES).optional().describe('required for a scope without a policy'),
    target: z.enum(TARGETS).optional().describe('派单对象: person (anyone eligible; the default) or outlet (the nearest 服务网点 that can do it, then its best person)'),
    weights: Weights.optional(),
    batchWindowS: z.number().int().min(1).max(3600).optional().describe('default 30'),
    acceptTimeoutS: z.number().int().min(10).max(86400).nullable().optional().describe('null: no acceptance step (the default)'),
    overflowTeamId: Uuid.nullable().optional().describe('null: no overflow (the default)'),
    overflowThreshold: z.number().int().min(0).max(100_000).nullable().optional(),
    speedKmh: z.number().min(1).max(300).optional().describe('default 30'),
    positionStaleMin: z.number().int().min(1).max(1440).optional().describe('default 30'),
    defaultCapacity: z
      .strictObject({ ticket: Amount.optional(), chat: Amount.optional(), field: Amount.optional() })
      .optional()
      .describe('per kind, merged with the stored one; default ticket 8, chat 2, field 5'),
    defaultDailyLimit: DailyLimit.optional().describe('每日上限 of the people without their own, per kind (e.g. {"field": 6}: six on-site visits a day); merged with the stored one, null removes a kind (no daily limit, the default)'),
    autoImprove: z.boolean().optional().describe('日内优化 by itself: every 15 minutes the dispatch sweep moves jobs not started (decided automatically, not booked with the customer) to whoever is nearer, never making them later; false (the default): dispatchers ask for the suggestions'),
  })
  .describe("Sets a scope's policy. Merges with the stored one: a field left out keeps its value (a new policy takes the defaults), weights, defaultCapacity and defaultDailyLimit merge per key, null clears");
export type PolicyInput = z.output<typeof PolicyBody>;
export const PolicyScopeQuery = z.strictObject({ scope: z.enum(SCOPES), scopeId: Uuid.optional() });

export const PolicySchema = z
  .object({
    id: Uuid,
    scope: z.enum(SCOPES),
    scopeId: Uuid.nullable(),
    mode: z.enum(MODES),
    target: z.enum(TARGETS),
    weights: z.record(z.string(), z.number()),
    batchWindowS: z.number(),
    acceptTimeoutS: z.number().nullable(),
    overflowTeamId: Uuid.nullable(),
    overflowThreshold: z.number().nullable(),
    speedKmh: z.number(),
    positionStaleMin: z.number(),
    defaultCapacity: z.object({ ticket: z.number(), chat: z.number(), field: z.number() }),
    defaultDailyLimit: z.object({ ticket: z.number().optional(), chat: z.number().optional(), field: z.number().optional() }).describe('每日上限 per kind; a kind absent: none'),
    autoImprove: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DispatchPolicy' });
export const PolicyList = z.object({ items: z.array(PolicySchema) });

export const toPolicyView = (p: PolicyRow) => ({
  id: p.id,
  scope: p.scope,
  scopeId: p.scope_id,
  mode: p.mode,
  target: p.target,
  weights: p.weights,
  batchWindowS: p.batch_window_s,
  acceptTimeoutS: p.accept_timeout_s,
  overflowTeamId: p.overflow_team_id,
  overflowThreshold: p.overflow_threshold,
  speedKmh: p.speed_kmh,
  positionStaleMin: p.position_stale_min,
  defaultCapacity: p.default_capacity,
  defaultDailyLimit: p.default_daily_limit ?? {},
  autoImprove: p.auto_improve,
  updatedAt: p.updated_at.toISOString(),
});
export type PolicyView = ReturnType<typeof toPolicyView>;
