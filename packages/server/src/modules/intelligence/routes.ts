import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok } from '../../platform/http/schemas';
import { getInsights } from './get-insights';
import { getModels } from './get-models';
import { InsightsSchema, ModelsSchema, UpdateIntelligenceSettingsBody } from './schemas';
import { trainNow } from './train-now';
import { updateSettings } from './update-settings';

export function intelligenceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/intelligence/models', {
    schema: { tags: ['intelligence'], summary: "The tenant's category, team and priority models: accuracy on held-back tickets, when trained, on how many, confusion (admins, supervisors)", response: ok(ModelsSchema) },
    handler: async (req) => getModels(deps, actorOf(req)),
  });
  r.post('/api/v1/intelligence/models/train', {
    schema: { tags: ['intelligence'], summary: "Retrain the tenant's models from its tickets now (admins); answers when done", body: z.strictObject({}).nullish(), response: ok(ModelsSchema) },
    handler: async (req) => trainNow(deps, actorOf(req)),
  });
  r.patch('/api/v1/intelligence/settings', {
    schema: { tags: ['intelligence'], summary: 'Confidence threshold, auto-apply and cold-start keyword rules (admins)', body: UpdateIntelligenceSettingsBody, response: ok(ModelsSchema.shape.settings) },
    handler: async (req) => updateSettings(deps, actorOf(req), req.body),
  });
  r.get('/api/v1/tickets/:id/insights', {
    schema: { tags: ['intelligence'], summary: "A ticket's analysis: predictions with confidence and reasons, sentiment, extracted fields, likely duplicates (staff)", params: z.strictObject({ id: z.string().max(40) }), response: ok(InsightsSchema) },
    handler: async (req) => getInsights(deps, actorOf(req), req.params.id),
  });
}
