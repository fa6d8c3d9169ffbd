import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { LiveHub } from './live-hub';
import { DEFAULT_TIMINGS, openLiveSession, type LiveTimings } from './live-session';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's live connections; connectLiveUpdates feeds it from the outbox. */
    live: LiveHub & { timings: LiveTimings };
    /**
     * WebSocket routes of other modules (the chat widget), added by their route modules (which run
     * after this one) and registered in the one scope that has the WebSocket plugin: the plugin
     * handles every upgrade on the server, so it must be registered once.
     */
    websocketRoutes: ((scope: FastifyInstance) => void)[];
  }
}

/**
 * GET /api/v1/live, a WebSocket: the session cookie, a bearer header or ?token= authenticate it (the
 * auth hook, before the upgrade); without valid credentials the socket is closed with 4401.
 */
export function liveRoutes(app: FastifyInstance, deps: Deps) {
  const hub = Object.assign(new LiveHub(), { timings: { ...DEFAULT_TIMINGS } });
  app.decorate('live', hub);
  const websocketRoutes: ((scope: FastifyInstance) => void)[] = [];
  app.decorate('websocketRoutes', websocketRoutes);
  // The plugin listens for every upgrade request on the server and routes it: an upgrade to any other
  // route gets that route's answer, after which its socket (detached from the HTTP server) is closed.
  app.addHook('onResponse', async (req) => {
    // node marks requests it handed to the 'upgrade' listener (not in its typings)
    if (!(req.raw as { upgrade?: boolean }).upgrade) return;
    const socket = req.raw.socket;
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  // the WebSocket plugin's hooks stay inside this context, away from every other route
  app.register(async (scope) => {
    await scope.register(websocket, { options: { maxPayload: 4096 } });
    scope.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/live',
      {
        websocket: true,
        config: { public: true, tokenInQuery: true },
        schema: { querystring: z.strictObject({ token: z.string().max(200).optional() }) },
      },
      (socket, req) => openLiveSession(deps, hub, socket, req, hub.timings),
    );
    for (const add of websocketRoutes) add(scope);
  });
}
