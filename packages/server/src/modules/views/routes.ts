import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { createView } from './create-view';
import { deleteView } from './delete-view';
import { getView } from './get-view';
import { listViews } from './list-views';
import { CreateViewBody, SavedViewList, SavedViewSchema, UpdateViewBody } from './schemas';
import { updateView } from './update-view';

export function viewRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/views', {
    schema: { tags: ['views'], summary: 'My saved ticket list views, then those shared with the tenant', response: ok(SavedViewList) },
    handler: async (req) => ({ items: await listViews(deps, actorOf(req)) }),
  });
  r.post('/api/v1/views', {
    schema: { tags: ['views'], summary: 'Save a ticket list view (filters, columns, sort); shared: true for admins and supervisors', body: CreateViewBody, response: created(SavedViewSchema) },
    handler: async (req, reply) => reply.status(201).send(await createView(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/views/:id', {
    schema: { tags: ['views'], summary: 'One saved view (mine or shared)', params: IdParams, response: ok(SavedViewSchema) },
    handler: async (req) => getView(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/views/:id', {
    schema: { tags: ['views'], summary: 'Change a view (my own; shared ones: admins and supervisors)', params: IdParams, body: UpdateViewBody, response: ok(SavedViewSchema) },
    handler: async (req) => updateView(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/views/:id', {
    schema: { tags: ['views'], summary: 'Delete a view (my own; shared ones: admins and supervisors)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteView(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
