import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { openChatSession } from './chat-session';

const WIDGET = readFileSync(new URL('./widget/chat.js', import.meta.url), 'utf8');

/** The chat widget's script (GET /widget/chat.js) and its WebSocket (GET /api/v1/public/chat?key=ch_…). */
export function chatRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/widget/chat.js', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(WIDGET),
  );
  app.websocketRoutes.push((scope) => {
    scope.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/public/chat',
      {
        websocket: true,
        config: { public: true },
        schema: { querystring: z.strictObject({ key: z.string().trim().min(1).max(100) }) },
      },
      (socket, req) => openChatSession(deps, socket, req),
    );
  });
}
