import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok } from '../../platform/http/schemas';
import { importTickets } from './import-tickets';
import { ImportResultSchema, ImportTicketsBody, MAX_IMPORT_ITEMS } from './schemas';

const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export function importRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/imports/tickets', {
    // 500 tickets with their descriptions outgrow the default body limit
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['imports'],
      summary: `Import historical tickets from another helpdesk (admins; up to ${MAX_IMPORT_ITEMS} per request): times, status and labels kept, no intelligence stage; each item created, already there (same externalId) or failed on its own`,
      body: ImportTicketsBody,
      response: ok(ImportResultSchema),
    },
    handler: async (req) => importTickets(deps, actorOf(req), req.body.tickets),
  });
}
