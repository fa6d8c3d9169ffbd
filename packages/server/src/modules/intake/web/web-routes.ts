import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../platform/deps';
import { actorOf } from '../../../platform/http/auth';
import { ErrorBody, IdParams, ok } from '../../../platform/http/schemas';
import { ChannelSchema } from '../schemas';
import { assignPublicKey } from './assign-public-key';
import { getWebForm } from './get-web-form';
import { submitWebForm } from './submit-web-form';
import { trackSubmission } from './track-submission';
import { AcceptedSchema, FormKeyParams, SubmitTicketBody, SubmittedSchema, TrackBody, TrackedSchema, TrackParams, TrackQuery, WebFormSchema } from './web-schemas';

/** How long a submission waits for its ticket number before it is answered 202 with a reference. */
export const webFormTimings = { waitMs: 5000 };


const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' };

/** The public web form endpoints (no sign-in: the form key names the tenant) and the key assignment for admins. */
export function webFormRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const errors = { 429: ErrorBody };

  // customers' own sites call these from their pages: any origin, no cookies (the key is the credential)
  app.register(async (scope) => {
    scope.addHook('onSend', async (_req, reply) => {
      reply.headers({ 'access-control-allow-origin': '*' });
    });
    scope.options('/api/v1/public/*', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => reply.headers(CORS).status(204).send());
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.get('/api/v1/public/forms/:key', {
      config: { public: true },
      schema: { tags, summary: 'A web form: its fields, categories and a signed token to send back with the submission', params: FormKeyParams, response: ok(WebFormSchema) },
      handler: async (req) => getWebForm(deps, req.params.key),
    });
    s.post('/api/v1/public/tickets', {
      config: { public: true },
      schema: { tags, summary: 'Submit a web form: 201 with the ticket number and a query code (202 with a reference while it is being processed)', body: SubmitTicketBody, response: { ...ok(), 201: SubmittedSchema, 202: AcceptedSchema, ...errors } },
      handler: async (req, reply) => {
        const res = await submitWebForm(deps, req.body, { ip: req.ip, origin: req.headers.origin, userAgent: req.headers['user-agent'] }, webFormTimings);
        return res.status === 201 ? reply.status(201).send({ ticketId: res.ticketId, number: res.number, queryCode: res.queryCode }) : reply.status(202).send({ reference: res.reference, queryCode: res.queryCode });
      },
    });
    s.get('/api/v1/public/tickets/:ref', {
      config: { public: true },
      schema: { tags, summary: 'Track a submitted ticket with its number (or reference) and query code: status and public replies', params: TrackParams, querystring: TrackQuery, response: { ...ok(TrackedSchema), ...errors } },
      handler: async (req) => trackSubmission(deps, { ...req.query, ref: req.params.ref }, { ip: req.ip }),
    });
    s.post('/api/v1/public/tickets/track', {
      config: { public: true },
      schema: { tags, summary: 'The same as GET /api/v1/public/tickets/{ref}, with the code in the body (kept out of URLs and logs)', body: TrackBody, response: { ...ok(TrackedSchema), ...errors } },
      handler: async (req) => trackSubmission(deps, req.body, { ip: req.ip }),
    });
  });

  r.post('/api/v1/channels/:id/public-key', {
    schema: { tags: ['channels'], summary: 'Give a web form or chat channel a new public key (wf_… / ch_…, its address); the old one stops working (admins)', params: IdParams, response: ok(ChannelSchema) },
    handler: async (req) => assignPublicKey(deps, actorOf(req), req.params.id),
  });
}
