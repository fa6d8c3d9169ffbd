import type { FastifyInstance } from 'fastify';
import { bodyErrorResponses, errorResponses } from './schemas';

// The OpenAPI document is generated from the routes' schemas; this keeps its responses honest in one place.

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every documented API route lists the standard errors it can answer (the shared ErrorBody), whatever the
 * route declared; a route that declares no success response is refused at start, so an operation is never
 * documented as a bare "200" its handler does not send.
 */
export function documentStandardResponses(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    // WebSocket routes are not operations of the document
    if (!route.url.startsWith('/api/') || !schema || schema.hide || (route as { websocket?: boolean }).websocket) return;
    const methods = [route.method].flat();
    const response = schema.response ?? {};
    if (!Object.keys(response).some((s) => /^2(\d\d|xx)$/i.test(s)))
      throw new Error(`${methods.join(',')} ${route.url}: declare its success response (ok(), created(), noContent(), file() from platform/http/schemas, or its own 2xx)`);
    schema.response = { ...errorResponses, ...(methods.some((m) => WITH_BODY.has(m)) ? bodyErrorResponses : {}), ...response };
  });
}
