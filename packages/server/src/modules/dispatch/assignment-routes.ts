import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { noContent, ok } from '../../platform/http/schemas';
import { acceptOffer } from './assignment/accept-offer';
import { applyImprovements } from './assignment/apply-improvements';
import { assignTicket } from './assignment/assign-ticket';
import { declineOffer } from './assignment/decline-offer';
import { getBoard } from './assignment/get-board';
import { getMapTiles } from './assignment/get-map-tiles';
import { getTicketDispatch } from './assignment/get-ticket-dispatch';
import { listCandidates } from './assignment/list-candidates';
import { listQueue } from './assignment/list-queue';
import { planImprovements } from './assignment/plan-improvements';
import {
  ApplyImprovementsBody,
  AssignBody,
  AssignmentSchema,
  BoardSchema,
  CandidatesSchema,
  DeclineBody,
  ImprovementsAppliedSchema,
  ImprovementsSchema,
  MapTilesSchema,
  QueueQuery,
  QueueSchema,
  TicketDispatchSchema,
} from './assignment/schemas';
import { startWork } from './assignment/start-work';

const TicketRef = z.strictObject({ id: z.string().max(64) });
const tags = ['dispatch'];

/** 派单: a ticket's assignment and its reasons, the recommendations, assigning, 接单 / 拒单, the dispatch map, the queue (待派单), 日内优化. */
export function assignmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/:id/dispatch', {
    schema: { tags, summary: 'A ticket’s dispatch: current assignment, history with the reasons of each decision, what it needs, whether it waits (待派单)', params: TicketRef, response: ok(TicketDispatchSchema) },
    handler: async (req) => getTicketDispatch(deps, actorOf(req), req.params.id),
  });
  r.get('/api/v1/tickets/:id/dispatch/candidates', {
    schema: { tags, summary: 'Recommended people (推荐) for a ticket, best first, with score terms, load and position; who is excluded and by which rule', params: TicketRef, response: ok(CandidatesSchema) },
    handler: async (req) => listCandidates(deps, actorOf(req), req.params.id),
  });
  r.post('/api/v1/tickets/:id/dispatch', {
    schema: {
      tags,
      summary: 'Assign (派单 / 改派) to a person; 409 DISPATCH_RULE_VIOLATION when a hard rule excludes them, unless a supervisor or admin overrides with a reason',
      params: TicketRef,
      body: AssignBody,
      response: ok(AssignmentSchema),
    },
    handler: async (req) => assignTicket(deps, actorOf(req), req.params.id, req.body),
  });
  r.post('/api/v1/tickets/:id/dispatch/accept', {
    schema: { tags, summary: 'Accept (接单) the ticket offered to you. A job that was yours and is no longer: 409 DISPATCH_REASSIGNED (given to someone else) or DISPATCH_RETURNED (back to dispatch)', params: TicketRef, response: ok(AssignmentSchema) },
    handler: async (req) => acceptOffer(deps, actorOf(req), req.params.id),
  });
  r.post('/api/v1/tickets/:id/dispatch/decline', {
    schema: { tags, summary: 'Decline (拒单) the ticket offered to you, with a reason; it goes back to dispatch. A job that was yours and is no longer: 409 DISPATCH_REASSIGNED (given to someone else) or DISPATCH_RETURNED (back to dispatch)', params: TicketRef, body: DeclineBody, response: noContent() },
    handler: async (req, reply) => {
      await declineOffer(deps, actorOf(req), req.params.id, req.body.reason);
      return reply.status(204).send();
    },
  });
  r.post('/api/v1/tickets/:id/dispatch/start', {
    schema: { tags, summary: 'Start the work assigned to you (no longer handed back at the end of your shift). A job that was yours and is no longer: 409 DISPATCH_REASSIGNED (given to someone else) or DISPATCH_RETURNED (back to dispatch)', params: TicketRef, response: ok(AssignmentSchema) },
    handler: async (req) => startWork(deps, actorOf(req), req.params.id),
  });
  r.get('/api/v1/dispatch/board', {
    schema: { tags, summary: 'The dispatch map (派单地图): people with position, status, load and current job; open on-site tickets; outlets; the tile server', response: ok(BoardSchema) },
    handler: async (req) => getBoard(deps, actorOf(req)),
  });
  r.get('/api/v1/dispatch/map-tiles', {
    schema: { tags, summary: 'The tile server every map of the console draws on (MAP_TILE_URL), for staff; null: the built-in base layer', response: ok(MapTilesSchema) },
    handler: async (req) => getMapTiles(deps, actorOf(req)),
  });
  r.get('/api/v1/dispatch/queue', {
    schema: { tags, summary: "待派单: the tickets waiting in the dispatch queue in the order dispatch takes them, with why each waits, its deadline and its place in its team's queue; counts per team (dispatchers)", querystring: QueueQuery, response: ok(QueueSchema) },
    handler: async (req) => listQueue(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/dispatch/improvements', {
    schema: { tags, summary: '日内优化 suggestions: on-site jobs not started that another engineer would do with less travel, never later (dispatchers); nothing is changed', response: ok(ImprovementsSchema) },
    handler: async (req) => planImprovements(deps, actorOf(req)),
  });
  r.post('/api/v1/dispatch/improvements/apply', {
    schema: {
      tags,
      summary: 'Apply 日内优化 moves (dispatchers): each is checked again and moved (mode improve) or skipped with a code; never an error for the others',
      body: ApplyImprovementsBody,
      response: ok(ImprovementsAppliedSchema),
    },
    handler: async (req) => applyImprovements(deps, actorOf(req), req.body.moves),
  });
}
