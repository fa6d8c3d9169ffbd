import type { FastifyInstance } from 'fastify';

/**
 * A request that declares a body must keep sending it: when no byte of the body arrives for `idleMs`,
 * the server answers 408 and closes the connection instead of holding it (and a worker's memory) open
 * for a client that stopped half-way. Only the body is timed: once it has been read, the route may take
 * as long as it needs.
 */
export function registerBodyTimeout(app: FastifyInstance, idleMs: number) {
  app.addHook('onRequest', (req, reply, done) => {
    const incoming = req.raw;
    const socket = incoming.socket as (typeof incoming.socket & { setTimeout?: unknown }) | undefined;
    const declared = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    // fastify.inject's simulated socket has no timers; nothing to guard there
    if (!declared || !socket || typeof socket.setTimeout !== 'function' || incoming.complete) return done();
    const onIdle = () => {
      if (!reply.raw.headersSent) {
        const body = JSON.stringify({ error: { code: 'REQUEST_TIMEOUT', message: `The request body stopped arriving for ${Math.round(idleMs / 100) / 10} s; send the whole body` } });
        const head = `HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`;
        socket.end(head + body, () => socket.destroy());
      } else socket.destroy();
    };
    // a listener on the request keeps Node from destroying the socket silently on the timeout
    incoming.setTimeout(idleMs, onIdle);
    const clear = () => {
      incoming.setTimeout(0);
      incoming.off('timeout', onIdle);
    };
    incoming.once('end', clear);
    incoming.once('close', clear);
    reply.raw.once('finish', clear);
    done();
  });
}
