import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
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

  // organizations
  r.post('/api/v1/organizations', {
    schema: { tags: ['organizations'], summary: 'Create a customer organization (admin, supervisor, agent)', body: CreateOrganizationBody, response: created(OrganizationSchema) },
    handler: async (req, reply) => reply.status(201).send(await createOrganization(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/organizations', {
    schema: { tags: ['organizations'], summary: 'List organizations by name or domain, optionally of one tier', querystring: ListOrganizationsQuery, response: ok(OrganizationPage) },
    handler: async (req) => listOrganizations(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/organizations/:id', {
    schema: { tags: ['organizations'], summary: 'One organization', params: IdParams, response: ok(OrganizationSchema) },
    handler: async (req) => getOrganization(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/organizations/:id', {
    schema: { tags: ['organizations'], summary: 'Change name, tier, domain or notes', params: IdParams, body: UpdateOrganizationBody, response: ok(OrganizationSchema) },
    handler: async (req) => updateOrganization(deps, actorOf(req), req.params.id, req.body),
  });

  // contacts
  r.post('/api/v1/contacts', {
    schema: {
      tags: ['contacts'],
      summary: 'Create a contact with identities (email, phone, WeChat…); an identity of another contact answers 409',
      body: CreateContactBody,
      response: created(ContactSchema),
    },
    handler: async (req, reply) => reply.status(201).send(await createContact(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/contacts', {
    schema: { tags: ['contacts'], summary: 'List contacts by part of a name or of any identity', querystring: ListContactsQuery, response: ok(ContactPage) },
    handler: async (req) => listContacts(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/contacts/lookup', {
    schema: {
      tags: ['contacts'],
      summary: 'Find the caller: the contact with this phone, email or identity (kind + value), or 404',
      querystring: LookupQuery,
      response: ok(ContactSchema),
    },
    handler: async (req) => lookupContact(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/contacts/:id', {
    schema: { tags: ['contacts'], summary: 'One contact with identities and organization', params: IdParams, response: ok(ContactSchema) },
    handler: async (req) => getContact(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/contacts/:id', {
    schema: { tags: ['contacts'], summary: 'Change name, organization, tier or notes', params: IdParams, body: UpdateContactBody, response: ok(ContactSchema) },
    handler: async (req) => updateContact(deps, actorOf(req), req.params.id, req.body),
  });
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
