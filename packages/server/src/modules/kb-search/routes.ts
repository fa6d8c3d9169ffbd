import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { ok } from '../../platform/http/schemas';
import { createSynonym, deleteSynonym, listSynonyms, updateSynonym } from './manage-synonyms';
import { KbSearchQuery, KbSearchResult, SynonymBody, SynonymList, SynonymSchema, UpdateSynonymBody } from './schemas';
import { searchKb } from './search-kb';

export function kbSearchRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/kb/search', {
    schema: { tags: ['kb'], summary: 'Search the knowledge base (staff): Chinese and English, synonyms, typo tolerance, highlighted snippets', querystring: KbSearchQuery, response: ok(KbSearchResult) },
    handler: async (req) => searchKb(deps, actorOf(req), req.query),
  });
  const synonyms = crudRoutes(app, deps, { path: '/api/v1/kb/synonyms', tag: 'kb' });
  synonyms.list({ summary: 'The tenant’s search synonyms (staff)', response: SynonymList, run: (deps, actor) => listSynonyms(deps, actor) });
  synonyms.create({ summary: 'Add a synonym rule: a query with term also finds the synonyms (admins)', body: SynonymBody, response: SynonymSchema, run: createSynonym });
  synonyms.update({ summary: 'Change a synonym rule (admins)', body: UpdateSynonymBody, response: SynonymSchema, run: updateSynonym });
  synonyms.remove({ summary: 'Delete a synonym rule (admins)', run: deleteSynonym });
}
