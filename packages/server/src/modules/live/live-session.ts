import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Deps } from '../../platform/deps';
import { authenticate } from '../identity';
import type { LiveClient, LiveHub } from './live-hub';
import { CLOSE, frame, isPing } from './live-messages';

export interface LiveTimings {
  /** WebSocket ping interval; a connection that misses one pong is dropped. */
  heartbeatMs: number;
  /** How often the credentials are checked again (sign-out, expiry, deactivation, changed scope or teams). */
  recheckMs: number;
  /** Bytes waiting to be sent before a slow reader is disconnected. */
  maxBufferedBytes: number;
}

export const DEFAULT_TIMINGS: LiveTimings = { heartbeatMs: 30_000, recheckMs: 60_000, maxBufferedBytes: 4 * 1024 * 1024 };

const text = (data: RawData) => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)).toString('utf8');

/** One live connection: authenticated by the auth hook before the upgrade, then kept honest while it lives. */
export function openLiveSession(deps: Deps, hub: LiveHub, socket: WebSocket, req: FastifyRequest, timings: LiveTimings): void {
  const actor = req.actor;
  const token = req.authToken;
  if (!actor || !token) {
    socket.close(CLOSE.UNAUTHENTICATED, 'Sign in first');
    return;
  }
  const client: LiveClient = {
    actor,
    send(frameText) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > timings.maxBufferedBytes) return socket.close(CLOSE.TOO_SLOW, 'Reading too slowly; reconnect and re-fetch');
      socket.send(frameText);
    },
  };
  const remove = hub.add(client);
  client.send(frame({ type: 'hello', userId: actor.type === 'user' ? actor.id : null }));

  socket.on('message', (data, isBinary) => {
    if (!isBinary && isPing(text(data))) client.send(frame({ type: 'pong' }));
  });
  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, timings.heartbeatMs);
  const recheck = setInterval(async () => {
    try {
      const fresh = await authenticate(deps, token);
      if (!fresh) socket.close(CLOSE.UNAUTHENTICATED, 'The session has ended');
      else client.actor = fresh;
    } catch {
      // the database is unavailable for a moment: keep the connection, check again next time
    }
  }, timings.recheckMs);
  heartbeat.unref();
  recheck.unref();
  socket.on('close', () => {
    remove();
    clearInterval(heartbeat);
    clearInterval(recheck);
  });
}
