import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import type { RouteModule } from '../../platform/http/build-server';
import type { IntakeRegistry } from './intake-registry';

export interface ChannelRuntime {
  deps: Deps;
  config: Config;
  registry: IntakeRegistry;
  log: FastifyBaseLogger;
}

/** A running listener of a channel (SMTP server, MQTT broker, IMAP poller…). */
export interface ChannelListener {
  /** where it listens, for the start-up log and tests (e.g. { smtp: 2525 }) */
  address?: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * One channel family (email, IoT, messaging platforms, web/chat/phone): what it registers with the
 * pipeline (adapters that read stored messages, senders of replies), its HTTP endpoints, and
 * the listeners it starts. Plugins are listed in `channel-plugins.ts`.
 */
export interface ChannelPlugin {
  name: string;
  register?(registry: IntakeRegistry): void;
  routes?: RouteModule;
  start?(rt: ChannelRuntime): Promise<ChannelListener | null>;
}
