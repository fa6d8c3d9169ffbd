import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { createCategory } from './create-category';
import { createCustomField } from './create-custom-field';
import { createTicketType } from './create-ticket-type';
import { deleteCustomField } from './delete-custom-field';
import { getTicketType } from './get-ticket-type';
import { listCategories } from './list-categories';
import { listCustomFields } from './list-custom-fields';
import { listTicketTypes } from './list-ticket-types';
import {
  CategoryList,
  CategorySchema,
  CreateCategoryBody,
  CreateCustomFieldBody,
  CreateTicketTypeBody,
  CustomFieldList,
  CustomFieldSchema,
  ListCategoriesQuery,
  ListCustomFieldsQuery,
  ListTicketTypesQuery,
  TicketTypeDetail,
  TicketTypeList,
  TicketTypeSchema,
  UpdateCategoryBody,
  UpdateCustomFieldBody,
  UpdateTicketTypeBody,
} from './schemas';
import { updateCategory } from './update-category';
import { updateCustomField } from './update-custom-field';
import { updateTicketType } from './update-ticket-type';

export function catalogRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // categories
  r.post('/api/v1/categories', {
    schema: { tags: ['categories'], summary: 'Add a category, at the top or under a parent (admin; at most 5 levels)', body: CreateCategoryBody, response: created(CategorySchema) },
    handler: async (req, reply) => reply.status(201).send(await createCategory(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/categories', {
    schema: {
      tags: ['categories'],
      summary: 'The category tree: a flat list with parentId, or nested with tree=true; sorted by position, then name',
      querystring: ListCategoriesQuery,
      response: ok(CategoryList),
    },
    handler: async (req) => listCategories(deps, actorOf(req), req.query),
  });
  r.patch('/api/v1/categories/:id', {
    schema: {
      tags: ['categories'],
      summary: 'Rename, move (parentId; no cycles), reorder or deactivate a category (admin)',
      params: IdParams,
      body: UpdateCategoryBody,
      response: ok(CategorySchema),
    },
    handler: async (req) => updateCategory(deps, actorOf(req), req.params.id, req.body),
  });

  // ticket types
  r.post('/api/v1/ticket-types', {
    schema: { tags: ['ticket-types'], summary: 'Add a ticket type (admin); key is unique and fixed', body: CreateTicketTypeBody, response: created(TicketTypeSchema) },
    handler: async (req, reply) => reply.status(201).send(await createTicketType(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/ticket-types', {
    schema: { tags: ['ticket-types'], summary: 'Ticket types (customers: active ones)', querystring: ListTicketTypesQuery, response: ok(TicketTypeList) },
    handler: async (req) => listTicketTypes(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/ticket-types/:id', {
    schema: { tags: ['ticket-types'], summary: 'A ticket type with its custom fields (global and its own)', params: IdParams, response: ok(TicketTypeDetail) },
    handler: async (req) => getTicketType(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/ticket-types/:id', {
    schema: { tags: ['ticket-types'], summary: 'Rename or (de)activate a ticket type (admin)', params: IdParams, body: UpdateTicketTypeBody, response: ok(TicketTypeSchema) },
    handler: async (req) => updateTicketType(deps, actorOf(req), req.params.id, req.body),
  });

  // custom field definitions
  r.post('/api/v1/custom-fields', {
    schema: {
      tags: ['custom-fields'],
      summary: 'Define a custom field for every ticket or one ticket type (admin); key unique per type',
      body: CreateCustomFieldBody,
      response: created(CustomFieldSchema),
    },
    handler: async (req, reply) => reply.status(201).send(await createCustomField(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/custom-fields', {
    schema: { tags: ['custom-fields'], summary: 'Custom field definitions, optionally those of one ticket type', querystring: ListCustomFieldsQuery, response: ok(CustomFieldList) },
    handler: async (req) => listCustomFields(deps, actorOf(req), req.query),
  });
  r.patch('/api/v1/custom-fields/:id', {
    schema: {
      tags: ['custom-fields'],
      summary: 'Change labels, required, options or position (admin); key and kind are fixed',
      params: IdParams,
      body: UpdateCustomFieldBody,
      response: ok(CustomFieldSchema),
    },
    handler: async (req) => updateCustomField(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/custom-fields/:id', {
    schema: { tags: ['custom-fields'], summary: 'Remove a custom field definition (admin); stored values stay on tickets', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteCustomField(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
