import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Deps } from '../deps';
import { actorOf, type RequestActor } from './auth';
import { created, IdParams, noContent, ok } from './schemas';

// The create / read / update / delete routes of a resource, written once: POST and GET on the collection,
// GET, PATCH and DELETE on /:id, each calling its use case with the signed-in actor and answering 201,
// 200 or 204. Who may do what is the use case's to decide. Each method registers its route at once, so
// a module keeps its routes (and the OpenAPI document its operations) in the order it writes them.

type Run<A extends unknown[], R> = (deps: Deps, actor: RequestActor, ...args: A) => Promise<R>;

interface Doc {
  summary: string;
}

export function crudRoutes(app: FastifyInstance, deps: Deps, resource: { path: string; tag: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = [resource.tag];
  const item = `${resource.path}/:id`;
  return {
    /** POST on the collection: 201 with what was created. */
    create<B extends z.ZodType, R extends z.ZodType>(o: Doc & { body: B; response: R; run: Run<[z.output<B>], z.input<R>> }) {
      r.post(resource.path, {
        schema: { tags, summary: o.summary, body: o.body, response: created(o.response) },
        handler: async (req, reply) => reply.status(201).send(await o.run(deps, actorOf(req), req.body as z.output<B>)),
      });
    },
    /** GET on the collection, with a query when the list takes one. */
    list<R extends z.ZodType, Q extends z.ZodType | undefined = undefined>(
      o: Doc & { query?: Q; response: R; run: Run<[Q extends z.ZodType ? z.output<Q> : undefined], z.input<R>> },
    ) {
      r.get(resource.path, {
        schema: { tags, summary: o.summary, ...(o.query ? { querystring: o.query } : {}), response: ok(o.response) },
        handler: async (req) => o.run(deps, actorOf(req), req.query as Q extends z.ZodType ? z.output<Q> : undefined),
      });
    },
    /** GET /:id. */
    get<R extends z.ZodType>(o: Doc & { response: R; run: Run<[string], z.input<R>> }) {
      r.get(item, {
        schema: { tags, summary: o.summary, params: IdParams, response: ok(o.response) },
        handler: async (req) => o.run(deps, actorOf(req), req.params.id),
      });
    },
    /** PATCH /:id: 200 with the changed resource. */
    update<B extends z.ZodType, R extends z.ZodType>(o: Doc & { body: B; response: R; run: Run<[string, z.output<B>], z.input<R>> }) {
      r.patch(item, {
        schema: { tags, summary: o.summary, params: IdParams, body: o.body, response: ok(o.response) },
        handler: async (req) => o.run(deps, actorOf(req), req.params.id, req.body as z.output<B>),
      });
    },
    /** DELETE /:id: 204 and no body. */
    remove(o: Doc & { run: Run<[string], unknown> }) {
      r.delete(item, {
        schema: { tags, summary: o.summary, params: IdParams, response: noContent() },
        handler: async (req, reply) => {
          await o.run(deps, actorOf(req), req.params.id);
          return reply.status(204).send();
        },
      });
    },
  };
}
