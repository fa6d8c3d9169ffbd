import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import { crudRoutes } from '../../platform/http/crud-routes';
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
  const categories = crudRoutes(app, deps, { path: '/api/v1/categories', tag: 'categories' });
  categories.create({ summary: 'Add a category, at the top or under a parent (admin; at most 5 levels)', body: CreateCategoryBody, response: CategorySchema, run: createCategory });
  categories.list({
    summary: 'The category tree: a flat list with parentId, or nested with tree=true; sorted by position, then name',
    query: ListCategoriesQuery,
    response: CategoryList,
    run: listCategories,
  });
  categories.update({ summary: 'Rename, move (parentId; no cycles), reorder or deactivate a category (admin)', body: UpdateCategoryBody, response: CategorySchema, run: updateCategory });

  const ticketTypes = crudRoutes(app, deps, { path: '/api/v1/ticket-types', tag: 'ticket-types' });
  ticketTypes.create({ summary: 'Add a ticket type (admin); key is unique and fixed', body: CreateTicketTypeBody, response: TicketTypeSchema, run: createTicketType });
  ticketTypes.list({ summary: 'Ticket types (customers: active ones)', query: ListTicketTypesQuery, response: TicketTypeList, run: listTicketTypes });
  ticketTypes.get({ summary: 'A ticket type with its custom fields (global and its own)', response: TicketTypeDetail, run: getTicketType });
  ticketTypes.update({ summary: 'Rename or (de)activate a ticket type (admin)', body: UpdateTicketTypeBody, response: TicketTypeSchema, run: updateTicketType });

  const customFields = crudRoutes(app, deps, { path: '/api/v1/custom-fields', tag: 'custom-fields' });
  customFields.create({
    summary: 'Define a custom field for every ticket or one ticket type (admin); key unique per type',
    body: CreateCustomFieldBody,
    response: CustomFieldSchema,
    run: createCustomField,
  });
  customFields.list({ summary: 'Custom field definitions, optionally those of one ticket type', query: ListCustomFieldsQuery, response: CustomFieldList, run: listCustomFields });
  customFields.update({
    summary: 'Change labels, required, options or position (admin); key and kind are fixed',
    body: UpdateCustomFieldBody,
    response: CustomFieldSchema,
    run: updateCustomField,
  });
  customFields.remove({ summary: 'Remove a custom field definition (admin); stored values stay on tickets', run: deleteCustomField });
}
