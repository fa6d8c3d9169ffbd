import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { actorOf } from '../../../platform/http/auth';
import { created, errorResponses, IdParams, Limit, noContent, ok, Uuid } from '../../../platform/http/schemas';
import { listTelemetryIncidents } from './list-incidents';
import { createTelemetryRule, deleteTelemetryRule, listTelemetryRules, setTelemetryRetention, telemetryRetention, updateTelemetryRule } from './manage-telemetry-rules';
import { receiveHttpTelemetry } from './receive-telemetry';
import { MAX_TELEMETRY_BYTES, TelemetryBody } from './telemetry-payload';
import { IngestAnswer, incidentView, ruleView, TelemetryIncidentSchema, TelemetryRuleBody, TelemetryRuleSchema } from './telemetry-schemas';

const bearer = (h: string | undefined) => (h?.startsWith('Bearer ') ? h.slice(7).trim() : null);
const SerialParams = z.strictObject({ serial: z.string().trim().min(1).max(128).regex(/^[^/+#\s\u0000]+$/, 'must not contain "/", "+", "#" or spaces') });

/** Telemetry from devices (HTTP; MQTT goes through intake's broker), its rules, incidents and retention. */
export function telemetryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['maintenance'];

  r.post('/api/v1/devices/:serial/telemetry', {
    config: { public: true },
    bodyLimit: MAX_TELEMETRY_BYTES,
    schema: {
      tags,
      summary: 'A device sends readings (device key as bearer token): {ts?, metrics: {temperature: 71.2}} or {readings: [...]}; stored before 202, its model\'s rules evaluated',
      security: [{ bearer: [] }],
      params: SerialParams,
      body: TelemetryBody,
      response: { 202: IngestAnswer, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(202).send(await receiveHttpTelemetry(deps, bearer(req.headers.authorization), req.params.serial, req.body)),
  });

  r.get('/api/v1/telemetry/rules', {
    schema: { tags, summary: 'Telemetry rules per device model, in evaluation order (staff)', response: ok(z.object({ items: z.array(TelemetryRuleSchema) })) },
    handler: async (req) => ({ items: (await listTelemetryRules(deps, actorOf(req))).map(ruleView) }),
  });
  r.post('/api/v1/telemetry/rules', {
    schema: { tags, summary: 'Add a telemetry rule: threshold, rate of change, N of the last M readings, or trend forecast (admins)', body: TelemetryRuleBody, response: created(TelemetryRuleSchema) },
    handler: async (req, reply) => reply.status(201).send(ruleView(await createTelemetryRule(deps, actorOf(req), req.body))),
  });
  r.put('/api/v1/telemetry/rules/:id', {
    schema: { tags, summary: 'Replace a telemetry rule (admins)', params: IdParams, body: TelemetryRuleBody, response: ok(TelemetryRuleSchema) },
    handler: async (req) => ruleView(await updateTelemetryRule(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/telemetry/rules/:id', {
    schema: { tags, summary: 'Delete a telemetry rule (admins)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteTelemetryRule(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.get('/api/v1/telemetry/incidents', {
    schema: {
      tags,
      summary: 'Predictive incidents (a rule that fired, with its readings and work order), newest first (staff)',
      querystring: z.strictObject({ assetId: Uuid.optional(), state: z.enum(['open', 'closed']).optional(), limit: Limit(500, 100) }),
      response: ok(z.object({ items: z.array(TelemetryIncidentSchema) })),
    },
    handler: async (req) => ({ items: (await listTelemetryIncidents(deps, actorOf(req), req.query)).map(incidentView) }),
  });
  const Settings = z.object({ retentionDays: z.number().int().min(1).max(3650).describe('Readings older than this are deleted') }).meta({ id: 'TelemetrySettings' });
  r.get('/api/v1/telemetry/settings', {
    schema: { tags, summary: 'Telemetry retention (staff)', response: ok(Settings) },
    handler: async (req) => ({ retentionDays: await telemetryRetention(deps, actorOf(req)) }),
  });
  r.put('/api/v1/telemetry/settings', {
    schema: { tags, summary: 'Set the telemetry retention (admins)', body: z.strictObject({ retentionDays: z.number().int().min(1).max(3650) }), response: ok(Settings) },
    handler: async (req) => ({ retentionDays: await setTelemetryRetention(deps, actorOf(req), req.body.retentionDays) }),
  });
}
