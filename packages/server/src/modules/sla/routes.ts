import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, DateParam, noContent, ok, Uuid } from '../../platform/http/schemas';
import { getTicketSla } from './clocks/get-ticket-sla';
import { deletePolicy, listPolicies, reorderPolicies } from './policies/manage-policies';
import { getSlaSettings, putSlaSettings } from './policies/manage-settings';
import { savePolicy } from './policies/save-policy';
import { PolicyBody, ReorderBody, SettingsBody, SlaPolicyList, SlaPolicySchema, SlaRecomputeSchema, SlaSettingsSchema } from './policies/schemas';
import { getRecomputeStatus } from './recompute/get-recompute-status';
import { getSlaReport, REPORT_GROUPS } from './report/get-sla-report';
import { SLA_METRICS, SLA_STATES } from './rules/sla-types';

const Iso = z.string().describe('ISO-8601 date-time');
const TicketSlaSchema = z
  .object({
    policy: z.object({ id: Uuid, name: z.string() }).nullable(),
    clocks: z.array(
      z.object({
        metric: z.enum(SLA_METRICS),
        targetMinutes: z.number().int(),
        business: z.boolean(),
        calendarName: z.string().nullable(),
        cycle: z.number().int().describe('next_response: the n-th wait for an answer'),
        startedAt: Iso,
        dueAt: Iso.nullable().describe('null while paused'),
        warnAt: Iso.nullable(),
        pausedSince: Iso.nullable(),
        pausedMinutes: z.number().int(),
        warnedAt: Iso.nullable(),
        breachedAt: Iso.nullable(),
        achievedAt: Iso.nullable(),
        escalationLevel: z.number().int().describe('升级: the level an escalate action raised this warned or breached clock to (0: none)'),
        state: z.enum(SLA_STATES),
      }),
    ),
  })
  .meta({ id: 'TicketSla' });
const ReportQuery = z.strictObject({
  from: DateParam,
  to: DateParam,
  groupBy: z.enum(REPORT_GROUPS).default('metric'),
});
const ReportSchema = z
  .object({
    rows: z.array(z.object({ key: z.string(), label: z.string(), total: z.number().int(), achieved: z.number().int(), breached: z.number().int(), open: z.number().int(), attainment: z.number().nullable() })),
    truncated: z.boolean().describe('more clocks started in the period than one report counts'),
  })
  .meta({ id: 'SlaReport' });
const IdParams = z.strictObject({ id: Uuid });
const TicketRefParams = z.strictObject({ id: z.string().max(40).describe('ticket id or number') });

/** SLA policies 策略 (ordered), settings 暂停计时, a ticket's clocks and the attainment report 达成率. */
export function slaRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sla'];
  r.get('/api/v1/sla/policies', {
    schema: { tags, summary: 'SLA policies in order: the first active one whose conditions match applies (admins and supervisors)', response: ok(SlaPolicyList) },
    handler: async (req) => listPolicies(deps, actorOf(req)),
  });
  r.post('/api/v1/sla/policies', {
    schema: { tags, summary: 'Add an SLA policy, placed last (admins)', body: PolicyBody, response: created(SlaPolicySchema) },
    handler: async (req, reply) => reply.status(201).send(await savePolicy(deps, actorOf(req), null, req.body)),
  });
  r.post('/api/v1/sla/policies/reorder', {
    schema: { tags, summary: 'Put the SLA policies in a new order: every policy once (admins)', body: ReorderBody, response: ok(SlaPolicyList) },
    handler: async (req) => reorderPolicies(deps, actorOf(req), req.body.ids),
  });
  r.put('/api/v1/sla/policies/:id', {
    schema: { tags, summary: 'Replace an SLA policy (admins); the open tickets’ clocks are recomputed under it in the background (GET /sla/recompute)', params: IdParams, body: PolicyBody, response: ok(SlaPolicySchema) },
    handler: async (req) => savePolicy(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/sla/policies/:id', {
    schema: { tags, summary: 'Delete an SLA policy (admins)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deletePolicy(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.get('/api/v1/sla/settings', {
    schema: { tags, summary: 'The statuses that pause the clocks (admins and supervisors)', response: ok(SlaSettingsSchema) },
    handler: async (req) => getSlaSettings(deps, actorOf(req)),
  });
  r.put('/api/v1/sla/settings', {
    schema: { tags, summary: 'Set the statuses that pause the clocks: pending (待客户反馈), on_hold (挂起) (admins)', body: SettingsBody, response: ok(SlaSettingsSchema) },
    handler: async (req) => putSlaSettings(deps, actorOf(req), req.body),
  });
  r.get('/api/v1/sla/recompute', {
    schema: { tags, summary: 'The bulk recomputation of the open tickets’ clocks after a policy, settings or calendar change: running or idle, how far (admins and supervisors)', response: ok(SlaRecomputeSchema) },
    handler: async (req) => getRecomputeStatus(deps, actorOf(req)),
  });
  r.get('/api/v1/sla/report', {
    schema: { tags, summary: 'SLA attainment (达成率) of the clocks started in [from, to), by team, priority, category, metric, day, week or month (admins and supervisors)', querystring: ReportQuery, response: ok(ReportSchema) },
    handler: async (req) => getSlaReport(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/tickets/:id/sla', {
    schema: { tags, summary: 'A ticket’s SLA: the policy applied and each clock with its state (staff who may see the ticket)', params: TicketRefParams, response: ok(TicketSlaSchema) },
    handler: async (req) => getTicketSla(deps, actorOf(req), req.params.id),
  });
}
