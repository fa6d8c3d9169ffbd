import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, Limit, ok, Uuid } from '../../platform/http/schemas';
import { addComment } from './add-comment';
import { bulkUpdateTickets } from './bulk-update-tickets';
import { createTicket } from './create-ticket';
import { getTicket } from './get-ticket';
import { requestHash } from './idempotency-repository';
import { countTickets, listTickets } from './list-tickets';
import { listTicketEvents } from './list-ticket-events';
import { BulkResultSchema, BulkUpdateBody, CommentBody, CommentSchema, CreateTicketBody, EventPage, ListTicketsQuery, TicketPage, TicketSchema, UpdateTicketBody } from './schemas';
import { updateTicket } from './update-ticket';

const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export function ticketRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tickets', {
    schema: {
      tags: ['tickets'],
      summary: 'Create a ticket (Idempotency-Key header makes retries safe)',
      headers: IdempotencyHeaders,
      body: CreateTicketBody,
      response: created(TicketSchema),
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const key = req.headers['idempotency-key'];
      const claim = key ? { key, principal: actor.credentialId ?? actor.id ?? 'anonymous', requestHash: requestHash(req.body) } : undefined;
      const { ticket, replayed } = await createTicket(deps, actor, req.body, claim);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(ticket);
    },
  });

  r.get('/api/v1/tickets', {
    schema: { tags: ['tickets'], summary: 'List tickets: filters, text search (Chinese and English), sort, cursor paging', querystring: ListTicketsQuery, response: ok(TicketPage) },
    handler: async (req) => listTickets(deps, actorOf(req), req.query),
  });

  r.get('/api/v1/tickets/count', {
    schema: {
      tags: ['tickets'],
      summary: 'Count tickets matching the same filters as the list; upTo stops counting there (capped: true)',
      querystring: ListTicketsQuery.omit({ sort: true, cursor: true, limit: true }).extend({ upTo: z.coerce.number().int().min(1).max(1_000_000).optional() }),
      response: ok(z.object({ count: z.number(), capped: z.boolean() })),
    },
    handler: async (req) => {
      const { upTo, ...filters } = req.query;
      return countTickets(deps, actorOf(req), filters, upTo);
    },
  });

  r.get('/api/v1/tickets/:id', {
    schema: { tags: ['tickets'], summary: 'One ticket, by id or number', params: z.strictObject({ id: z.string().max(64) }), response: ok(TicketSchema) },
    handler: async (req) => getTicket(deps, actorOf(req), req.params.id),
  });

  r.patch('/api/v1/tickets/:id', {
    schema: { tags: ['tickets'], summary: 'Change fields, status, assignment (with transfer reason)', params: IdParams, body: UpdateTicketBody, response: ok(TicketSchema) },
    handler: async (req) => {
      if (!Object.keys(req.body).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
      return updateTicket(deps, actorOf(req), req.params.id, req.body);
    },
  });

  r.post('/api/v1/tickets/bulk', {
    schema: {
      tags: ['tickets'],
      summary: 'Change many tickets at once (status, priority, category, team, assignee, add tags); each ticket is checked and recorded on its own, failures are reported per id',
      body: BulkUpdateBody,
      response: ok(BulkResultSchema),
    },
    handler: async (req) => bulkUpdateTickets(deps, actorOf(req), req.body),
  });

  r.get('/api/v1/tickets/:id/events', {
    schema: {
      tags: ['tickets'],
      summary: 'Timeline and audit trail of a ticket (by id or number), oldest first (order=desc: newest first)',
      params: z.strictObject({ id: z.string().max(64) }),
      querystring: z.strictObject({
        after: Uuid.optional().describe('The last event of the previous page (its nextCursor), in the same order'),
        order: z.enum(['asc', 'desc']).default('asc').describe('asc: oldest first (default); desc: newest first'),
        limit: Limit(500, 100),
      }),
      response: ok(EventPage),
    },
    handler: async (req) => listTicketEvents(deps, actorOf(req), req.params.id, req.query),
  });

  r.post('/api/v1/tickets/:id/comments', {
    schema: { tags: ['tickets'], summary: 'Reply to the customer or add an internal note (internal: true)', params: IdParams, body: CommentBody, response: created(CommentSchema) },
    handler: async (req, reply) => reply.status(201).send(await addComment(deps, actorOf(req), req.params.id, req.body)),
  });
}
