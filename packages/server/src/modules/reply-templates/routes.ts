import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { crudRoutes } from '../../platform/http/crud-routes';
import { createTemplate } from './create-template';
import { deleteTemplate } from './delete-template';
import { getTemplate } from './get-template';
import { listTemplates } from './list-templates';
import { CreateTemplateBody, ListTemplatesQuery, ReplyTemplateList, ReplyTemplateSchema, UpdateTemplateBody } from './schemas';
import { updateTemplate } from './update-template';

export function replyTemplateRoutes(app: FastifyInstance, deps: Deps) {
  const templates = crudRoutes(app, deps, { path: '/api/v1/reply-templates', tag: 'reply-templates' });
  templates.list({
    summary: 'Reply templates by name (staff); q searches the name',
    query: ListTemplatesQuery,
    response: ReplyTemplateList,
    run: async (deps, actor, query) => ({ items: await listTemplates(deps, actor, query) }),
  });
  templates.create({ summary: 'Add a reply template (admins and supervisors)', body: CreateTemplateBody, response: ReplyTemplateSchema, run: createTemplate });
  templates.get({ summary: 'One reply template (staff)', response: ReplyTemplateSchema, run: getTemplate });
  templates.update({ summary: 'Change a reply template (admins and supervisors)', body: UpdateTemplateBody, response: ReplyTemplateSchema, run: updateTemplate });
  templates.remove({ summary: 'Delete a reply template (admins and supervisors)', run: deleteTemplate });
}
