import type { Deps } from '../../../platform/deps';
import { Serial } from './iot-rules';

// Device messages other than alarms (telemetry…) belong to other modules; intake only carries them.
// A module registers a handler for its kind at start (maintenance: 'telemetry'), and the broker, the
// external-broker subscriber and whoever else receives device messages route by kind through here —
// so intake never imports the modules that use its transports.

export interface DeviceMessage {
  tenantId: string;
  serial: string;
  raw: Buffer;
  /** how it came: mqtt (topic, client id) or mqtt-external */
  via: Record<string, unknown>;
}

/** A message the handler's contract refuses: never stored, and no retry would change that. */
export class DeviceMessageRefused extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export interface DeviceMessageHandler {
  /** Stores (durably) or refuses (DeviceMessageRefused) the message; the transport acknowledges only after it resolves. */
  receive(deps: Deps, m: DeviceMessage): Promise<unknown>;
}

const handlers = new Map<string, DeviceMessageHandler>();

/** Routes device messages of `kind` (gongdan/{tenant}/devices/{serial}/{kind}) to `handler`; a second registration replaces the first. */
export function registerDeviceMessageHandler(kind: string, handler: DeviceMessageHandler): void {
  if (!/^[a-z_]{1,32}$/.test(kind) || kind === 'alarm' || kind === 'recovery') throw new Error(`device message kind ${kind} cannot be registered`);
  handlers.set(kind, handler);
}

const TOPIC = /^gongdan\/([^/]+)\/devices\/([^/]+)\/([a-z_]{1,32})$/;

/** A topic of a registered kind → its parts and handler; null for alarms, unknown kinds and other topics. */
export function registeredDeviceTopic(topic: string): { slug: string; serial: string; kind: string; handler: DeviceMessageHandler } | null {
  const m = TOPIC.exec(topic);
  const handler = m && handlers.get(m[3]);
  if (!m || !handler || !Serial.safeParse(m[2]).success) return null;
  return { slug: m[1], serial: m[2], kind: m[3], handler };
}
