import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../platform/deps';
import { ErrorBody } from '../../../platform/http/schemas';
import { sendToUsers } from '../../live';
import { CtiEventBody, CtiQuery, CtiReceivedSchema } from './cti-schemas';
import { ctiCaller, receiveCtiEvent, type PopCall } from './receive-cti-event';

/** POST /api/v1/cti/events: the call center (CTI) reports ringing, answered and ended calls. */
export function ctiRoutes(app: FastifyInstance, deps: Deps) {
  const popCall: PopCall = (tenantId, agentIds, call) => sendToUsers(app.live, tenantId, agentIds, { type: 'call', call });
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/cti/events', {
    config: { public: true },
    schema: {
      tags: ['channels'],
      summary: 'A call event from the CTI: stored, pops the agent console on every event, records the call on a ticket when it ends (API key or a phone channel token)',
      querystring: CtiQuery,
      body: CtiEventBody,
      response: { 202: CtiReceivedSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (req, reply) => {
      const h = req.headers.authorization;
      const bearer = h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
      const who = await ctiCaller(deps, req.actor, bearer, req.query.channel);
      return reply.status(202).send(await receiveCtiEvent(deps, popCall, who, req.body));
    },
  });
}
