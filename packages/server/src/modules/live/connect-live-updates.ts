import type { FastifyInstance } from 'fastify';
import { listenPostgres } from '../../platform/db/pg-listener';
import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { feedRefOf, LiveFeed } from './live-feed';
import { DirectRelay, LIVE_DIRECT_CHANNEL } from './live-direct';
import { LiveRelay } from './live-relay';

export const LIVE_CONSUMER = 'live';
export const LIVE_CHANNEL = 'gongdan_live';
/** Older messages are not worth a live update (a backlog after a restart): clients load current state when they connect. */
export const STALE_AFTER_MS = 5 * 60_000;

export interface LiveUpdates {
  /** Resolves once this process hears the other processes (at once without PostgreSQL). */
  ready: Promise<void>;
  /** Resolves once what the outbox handed over so far has reached the sockets (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Feeds the app's live connections (app.live) from the outbox: the consumer `live` takes ticket
 * events and new notifications. On PostgreSQL (`databaseUrl`) the process that dispatched a message
 * also announces it to the other processes, which LISTEN; PGlite is one process, nothing to relay.
 */
export function connectLiveUpdates(app: FastifyInstance, deps: Deps, outbox: OutboxDispatcher, opts: { databaseUrl?: string } = {}): LiveUpdates {
  const feed = new LiveFeed(deps, app.live, app.log);
  const relay = deps.db.kind === 'postgres' && opts.databaseUrl ? new LiveRelay(deps, LIVE_CHANNEL, app.log) : null;
  // the consumer only queues: loading and sending happen off the dispatcher's path
  outbox.subscribe(LIVE_CONSUMER, ['*'], async (message) => {
    const ref = feedRefOf(message);
    if (!ref || deps.clock.now().getTime() - message.createdAt.getTime() > STALE_AFTER_MS) return;
    feed.push([ref]);
    relay?.announce(ref);
  });
  const listener = relay && opts.databaseUrl ? listenPostgres(opts.databaseUrl, LIVE_CHANNEL, (payload) => feed.push(relay.received(payload)), app.log) : null;
  // direct messages (a call's screen pop) travel whole between the processes
  const direct = relay ? new DirectRelay(deps, app.log) : null;
  app.live.direct = direct;
  const directListener = direct && opts.databaseUrl
    ? listenPostgres(opts.databaseUrl, LIVE_DIRECT_CHANNEL, (payload) => {
        const d = direct.received(payload);
        if (d) app.live.publishDirect(d.tenantId, d.userIds, d.m);
      }, app.log)
    : null;
  return {
    ready: Promise.all([listener?.ready, directListener?.ready]).then(() => undefined),
    async idle() {
      await relay?.idle();
      await feed.idle();
    },
    async close() {
      app.live.direct = null;
      await listener?.close();
      await directListener?.close();
      await relay?.idle();
      await feed.idle();
    },
  };
}
