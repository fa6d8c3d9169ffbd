import type { Deps } from '../../../platform/deps';
import { receiveInbound } from '../receive-inbound';
import type { Received } from '../intake-types';
import { externalIdOf, peekPayload, type AlarmKind } from './iot-rules';

export interface IncomingAlarm {
  tenantId: string;
  serial: string;
  kind: AlarmKind;
  /** the payload as the device sent it */
  raw: Buffer;
  /** how it came: mqtt (with its topic and client id) or http */
  via: Record<string, unknown>;
}

/**
 * Stores a device's alarm or recovery raw and durably (the transport acknowledges only after this:
 * MQTT PUBACK, HTTP 202). The transport has checked the payload against the contract first (HTTP by
 * its schema, MQTT with payloadRefusal): what could never become a ticket is refused, not acknowledged.
 * Alarms of one device keep their order (lane = serial).
 */
export function ingestAlarm(deps: Deps, a: IncomingAlarm): Promise<Received> {
  return receiveInbound(deps, {
    tenantId: a.tenantId,
    channel: 'iot',
    externalId: externalIdOf(a.serial, a.kind, peekPayload(a.raw)),
    contentType: 'application/json',
    raw: a.raw,
    meta: { serial: a.serial, kind: a.kind, lane: a.serial, ...a.via },
  });
}
