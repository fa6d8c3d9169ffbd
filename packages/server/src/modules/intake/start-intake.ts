import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { ChannelListener, ChannelPlugin } from './channel-plugin';
import { CHANNEL_PLUGINS } from './channel-plugins';
import { IntakeRegistry } from './intake-registry';
import { IntakeWorker } from './intake-worker';
import { sendReply } from './send-reply';

export const OUTBOUND_CONSUMER = 'intake-outbound';

export interface RunningIntake {
  registry: IntakeRegistry;
  worker: IntakeWorker;
  listeners: Record<string, ChannelListener>;
  close(): Promise<void>;
}

export function intakeRegistry(plugins: ChannelPlugin[] = CHANNEL_PLUGINS): IntakeRegistry {
  const registry = new IntakeRegistry();
  for (const p of plugins) p.register?.(registry);
  return registry;
}

/**
 * Starts intake in this process: the worker that turns stored messages into tickets, the outbox
 * consumer that sends staff replies back on the customer's channel, and each channel family's
 * listeners (SMTP, MQTT, IMAP polling…). The HTTP endpoints are routes of the app.
 */
export async function startIntake(o: { deps: Deps; config: Config; log: FastifyBaseLogger; outbox: OutboxDispatcher; plugins?: ChannelPlugin[]; registry?: IntakeRegistry; /** false: the worker runs only when driven (tests) */ autoRun?: boolean }): Promise<RunningIntake> {
  const plugins = o.plugins ?? CHANNEL_PLUGINS;
  const registry = o.registry ?? intakeRegistry(plugins);
  const worker = new IntakeWorker(o.deps, registry, { maxAttempts: o.config.INTAKE_MAX_ATTEMPTS, log: o.log });
  o.outbox.subscribe(OUTBOUND_CONSUMER, ['reply.added'], async (m) => {
    const p = m.payload as { ticketId: string; channel: string; internal: boolean; actor: { type: string; id: string | null }; data: { commentId: string; body: string; attachmentIds?: string[]; deliverVia?: string } };
    if (p.internal) return;
    // the channel picked in the reply box (events written before it was kept apart: the event's channel)
    await sendReply(o.deps, registry, { tenantId: m.tenantId, ticketId: p.ticketId, commentId: p.data.commentId, channel: p.data.deliverVia ?? p.channel, body: p.data.body, attachmentIds: p.data.attachmentIds ?? [], actor: p.actor, named: !!p.data.deliverVia });
  });
  const listeners: Record<string, ChannelListener> = {};
  try {
    for (const p of plugins) {
      const l = await p.start?.({ deps: o.deps, config: o.config, registry, log: o.log });
      if (l) listeners[p.name] = l;
    }
  } catch (err) {
    await Promise.all(Object.values(listeners).map((l) => l.close()));
    throw err;
  }
  if (o.autoRun !== false) worker.start(o.config.INTAKE_POLL_MS);
  return {
    registry,
    worker,
    listeners,
    async close() {
      await Promise.all(Object.values(listeners).map((l) => l.close().catch(() => undefined)));
      await worker.stop();
    },
  };
}
