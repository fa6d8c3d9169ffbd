import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import { CUSTOMER_TIERS } from '../../customers';
import { ChannelSchema, PrioritySchema, StatusSchema } from '../../tickets';
import { FIRST_RESPONSE_ON } from '../rules/sla-types';

const Iso = z.string().describe('ISO-8601 date-time');
export const TargetSchema = z.strictObject({
  minutes: z.number().int('whole minutes').min(1, 'at least 1 minute').max(525_600, 'at most a year (525600 minutes)'),
  business: z.boolean().describe('true: working minutes of the policy’s calendar; false: calendar time (7×24)'),
});
const MetricTargets = z.strictObject({
  first_response: TargetSchema.optional().describe('首次响应'),
  next_response: TargetSchema.optional().describe('下次响应'),
  resolution: TargetSchema.optional().describe('解决时限'),
  on_site: TargetSchema.optional().describe('上门时限 (tickets with a site)'),
});
export const TargetsSchema = z
  .strictObject({ low: MetricTargets.optional(), normal: MetricTargets.optional(), high: MetricTargets.optional(), urgent: MetricTargets.optional() })
  .describe('priority → metric → {minutes, business}');
const ids = z.array(Uuid).max(500);
export const ConditionsSchema = z
  .strictObject({
    priorities: z.array(PrioritySchema).max(4).optional(),
    categoryIds: ids.optional(),
    typeIds: ids.optional(),
    tiers: z.array(z.enum(CUSTOMER_TIERS)).max(CUSTOMER_TIERS.length).optional(),
    organizationIds: ids.optional(),
    channels: z.array(ChannelSchema).max(20).optional(),
    teamIds: ids.optional(),
  })
  .describe('every given list must match; empty or absent: any');

export const FirstResponseOnSchema = z
  .enum(FIRST_RESPONSE_ON, { error: "must be 'reply' (the first public staff reply) or 'accept' (受理即响应: also the ticket taken, its first status out of new)" })
  .describe("what achieves the first response: 'reply' the first public staff reply; 'accept' (受理即响应) also the ticket taken — its first status out of new (接单), or created in another status");

export const PolicyBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).default(''),
  active: z.boolean().default(true),
  conditions: ConditionsSchema.default({}),
  calendarId: Uuid.nullable().default(null).describe('null: the tenant’s default calendar (7×24 when it has none)'),
  targets: TargetsSchema,
  warnRemaining: z.number().gt(0, 'more than 0').lt(1, 'less than 1').default(0.3).describe('warn when this share of the target is left (0.3 = 30% left)'),
  firstResponseOn: FirstResponseOnSchema.default('reply'),
});
export const ReorderBody = z.strictObject({ ids: z.array(Uuid).min(1).max(500).describe('every policy of the tenant, in the new order') });
export const SettingsBody = z.strictObject({ pauseStatuses: z.array(StatusSchema).max(6).describe('statuses that stop the clocks (default: pending, on_hold)') });

export const SlaPolicySchema = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string(),
    position: z.number().int(),
    active: z.boolean(),
    conditions: ConditionsSchema,
    calendarId: Uuid.nullable(),
    targets: TargetsSchema,
    warnRemaining: z.number(),
    firstResponseOn: FirstResponseOnSchema,
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'SlaPolicy' });
export const SlaPolicyList = z.object({ items: z.array(SlaPolicySchema) });
export const SlaSettingsSchema = z.object({ pauseStatuses: z.array(z.string()) }).meta({ id: 'SlaSettings' });
const IsoOrNull = z.string().nullable().describe('ISO-8601 date-time, or null');
export const SlaRecomputeSchema = z
  .object({
    state: z.enum(['idle', 'running']).describe('running: open tickets are being recomputed under the policies and settings in force'),
    generation: z.number().int().describe('bumped by every policy, settings or calendar change; 0: never requested'),
    requestedAt: IsoOrNull,
    startedAt: IsoOrNull.describe('the first chunk of the current pass'),
    finishedAt: IsoOrNull.describe('null while running'),
    ticketsDone: z.number().int().describe('tickets recomputed in the current pass'),
    ticketsTotal: z.number().int().describe('while running: the tickets that are not closed; idle: 0'),
  })
  .meta({ id: 'SlaRecompute' });
