import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok } from '../../platform/http/schemas';
import { getKbStats } from './get-kb-stats';
import { getSuggestions } from './get-suggestions';
import { recordReaction } from './record-reaction';
import { KbStatsSchema, RatedBody, ReactionSchema, StatsQuery, SuggestionParams, SuggestionsSchema, TicketParams, UsedBody } from './schemas';

export function assistRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/:id/suggestions', {
    schema: { tags: ['assist'], summary: '知识推荐: the best articles and similar solved tickets (with how they were solved) for a ticket; each item is recorded as shown (staff)', params: TicketParams, response: ok(SuggestionsSchema) },
    handler: async (req) => getSuggestions(deps, actorOf(req), req.params.id),
  });
  r.post('/api/v1/tickets/:id/suggestions/:sid/used', {
    schema: { tags: ['assist'], summary: 'The agent inserted a suggestion into a reply (recorded once per suggestion)', params: SuggestionParams, body: UsedBody, response: ok(ReactionSchema) },
    handler: async (req) => recordReaction(deps, actorOf(req), req.params.id, req.params.sid, { kind: 'used', mode: req.body.mode }),
  });
  r.post('/api/v1/tickets/:id/suggestions/:sid/rated', {
    schema: { tags: ['assist'], summary: 'The agent rated a suggestion helpful or not (one rating per suggestion; a new one replaces it)', params: SuggestionParams, body: RatedBody, response: ok(ReactionSchema) },
    handler: async (req) => recordReaction(deps, actorOf(req), req.params.id, req.params.sid, { kind: 'rated', helpful: req.body.helpful }),
  });
  r.get('/api/v1/kb/stats', {
    schema: { tags: ['assist'], summary: 'Knowledge measures of a period: suggestion hit rate (overall, per category), helpful rate, portal searches and deflection (supervisors, admins)', querystring: StatsQuery, response: ok(KbStatsSchema) },
    handler: async (req) => getKbStats(deps, actorOf(req), req.query),
  });
}
