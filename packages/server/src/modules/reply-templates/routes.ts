import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { createTemplate } from './create-template';
import { deleteTemplate } from './delete-template';
import { getTemplate } from './get-template';
import { listTemplates } from './list-templates';
import { CreateTemplateBody, ListTemplatesQuery, ReplyTemplateList, ReplyTemplateSchema, UpdateTemplateBody } from './schemas';
import { updateTemplate } from './update-template';

export function replyTemplateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reply-templates', {
    schema: { tags: ['reply-templates'], summary: 'Reply templates by name (staff); q searches the name', querystring: ListTemplatesQuery, response: ok(ReplyTemplateList) },
    handler: async (req) => ({ items: await listTemplates(deps, actorOf(req), req.query) }),
  });
  r.post('/api/v1/reply-templates', {
    schema: { tags: ['reply-templates'], summary: 'Add a reply template (admins and supervisors)', body: CreateTemplateBody, response: created(ReplyTemplateSchema) },
    handler: async (req, reply) => reply.status(201).send(await createTemplate(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/reply-templates/:id', {
    schema: { tags: ['reply-templates'], summary: 'One reply template (staff)', params: IdParams, response: ok(ReplyTemplateSchema) },
    handler: async (req) => getTemplate(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/reply-templates/:id', {
    schema: { tags: ['reply-templates'], summary: 'Change a reply template (admins and supervisors)', params: IdParams, body: UpdateTemplateBody, response: ok(ReplyTemplateSchema) },
    handler: async (req) => updateTemplate(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/reply-templates/:id', {
    schema: { tags: ['reply-templates'], summary: 'Delete a reply template (admins and supervisors)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteTemplate(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
