import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { addContactIdentity } from './add-contact-identity';
import { createContact } from './create-contact';
import { createOrganization } from './create-organization';
import { getContact } from './get-contact';
import { getOrganization } from './get-organization';
import { listContacts } from './list-contacts';
import { listOrganizations } from './list-organizations';
import { lookupContact } from './lookup-contact';
import { mergeContacts } from './merge-contacts';
import { removeContactIdentity } from './remove-contact-identity';
import {
  ContactPage,
  ContactSchema,
  CreateContactBody,
  CreateOrganizationBody,
  IdentityBody,
  IdentityQuery,
  ListContactsQuery,
  ListOrganizationsQuery,
  LookupQuery,
  MergeBody,
  MergeResult,
  OrganizationPage,
  OrganizationSchema,
  UpdateContactBody,
  UpdateOrganizationBody,
} from './schemas';
import { updateContact } from './update-contact';
import { updateOrganization } from './update-organization';

export function customerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const organizations = crudRoutes(app, deps, { path: '/api/v1/organizations', tag: 'organizations' });
  organizations.create({ summary: 'Create a customer organization (admin, supervisor, agent)', body: CreateOrganizationBody, response: OrganizationSchema, run: createOrganization });
  organizations.list({ summary: 'List organizations by name or domain, optionally of one tier', query: ListOrganizationsQuery, response: OrganizationPage, run: listOrganizations });
  organizations.get({ summary: 'One organization', response: OrganizationSchema, run: getOrganization });
  organizations.update({ summary: 'Change name, tier, domain or notes', body: UpdateOrganizationBody, response: OrganizationSchema, run: updateOrganization });

  const contacts = crudRoutes(app, deps, { path: '/api/v1/contacts', tag: 'contacts' });
  contacts.create({
    summary: 'Create a contact with identities (email, phone, WeChat…); an identity of another contact answers 409',
    body: CreateContactBody,
    response: ContactSchema,
    run: createContact,
  });
  contacts.list({ summary: 'List contacts by part of a name or of any identity', query: ListContactsQuery, response: ContactPage, run: listContacts });
  r.get('/api/v1/contacts/lookup', {
    schema: {
      tags: ['contacts'],
      summary: 'Find the caller: the contact with this phone, email or identity (kind + value), or 404',
      querystring: LookupQuery,
      response: ok(ContactSchema),
    },
    handler: async (req) => lookupContact(deps, actorOf(req), req.query),
  });
  contacts.get({ summary: 'One contact with identities and organization', response: ContactSchema, run: getContact });
  contacts.update({ summary: 'Change name, organization, tier or notes', body: UpdateContactBody, response: ContactSchema, run: updateContact });
  r.post('/api/v1/contacts/:id/identities', {
    schema: { tags: ['contacts'], summary: 'Add an identity to a contact', params: IdParams, body: IdentityBody, response: created(ContactSchema) },
    handler: async (req, reply) => reply.status(201).send(await addContactIdentity(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/contacts/:id/identities', {
    schema: { tags: ['contacts'], summary: 'Remove an identity (?kind=&value=) from a contact', params: IdParams, querystring: IdentityQuery, response: noContent() },
    handler: async (req, reply) => {
      await removeContactIdentity(deps, actorOf(req), req.params.id, req.query);
      return reply.status(204).send();
    },
  });
  r.post('/api/v1/contacts/:id/merge', {
    schema: {
      tags: ['contacts'],
      summary: 'Merge a duplicate contact (sourceId) into this one: identities, tickets and portal users move, the duplicate is deleted (admin, supervisor)',
      params: IdParams,
      body: MergeBody,
      response: ok(MergeResult),
    },
    handler: async (req) => mergeContacts(deps, actorOf(req), req.params.id, req.body.sourceId),
  });
}
