import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { created, IdParams, ok } from '../../platform/http/schemas';
import { approveArticle } from './approve-article';
import { diffVersions, getVersion, listVersions } from './article-history';
import { createArticle } from './create-article';
import { draftArticleFromTicket } from './draft-from-ticket';
import { knowledgeFileRoutes } from './file-routes';
import { getArticle } from './get-article';
import { getKbSettings, updateKbSettings } from './kb-settings';
import { listArticles } from './list-articles';
import { listGaps } from './list-gaps';
import { createKbCategory, deleteKbCategory, getKbCategory, listKbCategoriesForStaff, updateKbCategory } from './manage-categories';
import { rejectArticle } from './reject-article';
import { retireArticle } from './retire-article';
import {
  ArticleListSchema,
  ArticleSchema,
  CategoryBody,
  CategoryList,
  CategorySchema,
  CreateArticleBody,
  DiffQuery,
  DiffSchema,
  GapList,
  GapsQuery,
  ListArticlesQuery,
  RateBody,
  RatingList,
  RatingTotals,
  RejectBody,
  ReviewBody,
  SettingsBody,
  SettingsSchema,
  SubmitBody,
  UpdateArticleBody,
  VersionList,
  VersionParams,
  VersionSchema,
} from './schemas';
import { listRatings, rateArticleAsStaff } from './staff-ratings';
import { submitArticle } from './submit-article';
import { updateArticle } from './update-article';

// The knowledge base's routes (staff): articles and their workflow, history, ratings and files,
// categories, settings, gaps, and "turn this solved ticket into an article".
export function knowledgeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];

  const categories = crudRoutes(app, deps, { path: '/api/v1/kb/categories', tag: 'knowledge' });
  categories.list({ summary: 'Knowledge categories in order, with their published article counts (staff)', response: CategoryList, run: (deps, actor) => listKbCategoriesForStaff(deps, actor) });
  categories.create({ summary: 'Add a knowledge category (admins and supervisors)', body: CategoryBody, response: CategorySchema, run: createKbCategory });
  categories.get({ summary: 'One knowledge category (staff)', response: CategorySchema, run: getKbCategory });
  categories.update({ summary: 'Change a knowledge category (admins and supervisors)', body: CategoryBody.partial(), response: CategorySchema, run: updateKbCategory });
  categories.remove({ summary: 'Delete a knowledge category; its articles keep no category (admins and supervisors)', run: deleteKbCategory });

  const articles = crudRoutes(app, deps, { path: '/api/v1/kb/articles', tag: 'knowledge' });
  articles.list({ summary: 'Articles, newest change first, filtered by state, category, audience, due for review, reviewer or author (staff)', query: ListArticlesQuery, response: ArticleListSchema, run: listArticles });
  articles.create({ summary: 'Write a new draft article (agents, supervisors, admins)', body: CreateArticleBody, response: ArticleSchema, run: createArticle });
  articles.get({ summary: 'One article in any state, with its files and linked tickets (staff)', response: ArticleSchema, run: getArticle });
  articles.update({ summary: 'Change an article: a new version; a published one is re-indexed (author or managers; published: managers)', body: UpdateArticleBody, response: ArticleSchema, run: updateArticle });

  const step = (path: string, summary: string, body: typeof SubmitBody | typeof ReviewBody | typeof RejectBody, run: (deps: Deps, actor: ReturnType<typeof actorOf>, id: string, body: never) => Promise<unknown>) =>
    r.post(`/api/v1/kb/articles/:id/${path}`, {
      schema: { tags, summary, params: IdParams, body, response: ok(ArticleSchema) },
      handler: async (req) => run(deps, actorOf(req), req.params.id, req.body as never),
    });
  step('submit', 'Send a draft for review to named reviewers (draft → in_review)', SubmitBody, submitArticle);
  step('approve', 'Publish an article in review (a named reviewer or an admin; in_review → published)', ReviewBody, approveArticle);
  step('reject', 'Send an article in review back to its author with a comment (in_review → draft)', RejectBody, rejectArticle);
  step('retire', 'Retire an article (author, supervisor or admin; → retired, out of search)', ReviewBody, retireArticle);

  r.get('/api/v1/kb/articles/:id/versions', {
    schema: { tags, summary: 'Every saved change of an article, newest first (staff)', params: IdParams, response: ok(VersionList) },
    handler: async (req) => listVersions(deps, actorOf(req), req.params.id),
  });
  r.get('/api/v1/kb/articles/:id/versions/:version', {
    schema: { tags, summary: 'One version of an article with its body (staff)', params: VersionParams, response: ok(VersionSchema) },
    handler: async (req) => getVersion(deps, actorOf(req), req.params.id, req.params.version),
  });
  r.get('/api/v1/kb/articles/:id/diff', {
    schema: { tags, summary: 'What changed between two versions: the title and the text, word by word and line by line (staff)', params: IdParams, querystring: DiffQuery, response: ok(DiffSchema) },
    handler: async (req) => diffVersions(deps, actorOf(req), req.params.id, req.query.from, req.query.to),
  });

  r.post('/api/v1/kb/articles/:id/ratings', {
    schema: { tags, summary: 'Rate a published article helpful or not, with an optional comment (staff)', params: IdParams, body: RateBody, response: created(RatingTotals) },
    handler: async (req, reply) => reply.status(201).send(await rateArticleAsStaff(deps, actorOf(req), req.params.id, req.body)),
  });
  r.get('/api/v1/kb/articles/:id/ratings', {
    schema: { tags, summary: 'The newest ratings of an article with their comments (staff)', params: IdParams, response: ok(RatingList) },
    handler: async (req) => listRatings(deps, actorOf(req), req.params.id),
  });

  r.get('/api/v1/kb/settings', {
    schema: { tags, summary: 'Knowledge base settings (staff)', response: ok(SettingsSchema) },
    handler: async (req) => getKbSettings(deps, actorOf(req)),
  });
  r.put('/api/v1/kb/settings', {
    schema: { tags, summary: 'Change the knowledge base settings (admins and supervisors)', body: SettingsBody, response: ok(SettingsSchema) },
    handler: async (req) => updateKbSettings(deps, actorOf(req), req.body),
  });
  r.get('/api/v1/kb/gaps', {
    schema: { tags, summary: 'Frequent solved problems of the period without a published article: groups of resolved tickets by category and shared words (staff)', querystring: GapsQuery, response: ok(GapList) },
    handler: async (req) => listGaps(deps, actorOf(req), req.query),
  });
  r.post('/api/v1/tickets/:id/article-draft', {
    schema: { tags, summary: 'Turn a resolved ticket into a draft article linked to it (agents, supervisors, admins)', params: IdParams, response: created(ArticleSchema) },
    handler: async (req, reply) => reply.status(201).send(await draftArticleFromTicket(deps, actorOf(req), req.params.id)),
  });

  knowledgeFileRoutes(app, deps);
}
