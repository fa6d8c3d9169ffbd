import { Aedes, type Client } from 'aedes';
import { createServer, type Server } from 'node:net';
import type { ChannelListener, ChannelRuntime } from '../channel-plugin';
import type { IntakeErrorCode } from '../intake-error-codes';
import { verifyDevice, type DeviceTenant } from './device-auth';
import { registeredDeviceTopic } from './device-messages';
import { ingestAlarm } from './ingest-alarm';
import { MAX_PAYLOAD_BYTES, parseTopic, payloadRefusal } from './iot-rules';

type DeviceClient = Client & { gongdan?: { slug: string; key: string } };

/** An MQTT refusal with a stable code (the client is disconnected: MQTT 3.1.1 has no reason codes). */
const refusal = (code: IntakeErrorCode, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/**
 * Packets larger than `max` are refused as soon as their fixed header is read, before the body is
 * buffered: mqtt-packet has no size limit of its own, so the client's parser is wrapped. If a later
 * aedes changes its internals the wrap is skipped and the payload check in authorizePublish remains.
 */
function limitPacketSize(client: Client, max: number): void {
  const c = client as unknown as { _parser?: any; conn?: { destroy(err?: Error): void } };
  const parser = c._parser;
  if (!parser || typeof parser._parseLength !== 'function') return;
  const parseLength = parser._parseLength;
  parser._parseLength = function (this: any) {
    const ok = parseLength.call(this);
    if (ok && this.packet.length > max) {
      c.conn?.destroy(refusal('IOT_PAYLOAD_TOO_LARGE', `an MQTT packet of ${this.packet.length} bytes; at most ${max}`));
      return false;
    }
    return ok;
  };
}

/**
 * The embedded MQTT broker devices connect to: username = tenant slug, password = a device key of that
 * tenant. A device may publish only to gongdan/{its tenant slug}/devices/{serial}/alarm|recovery, and
 * the alarm is checked against the contract and stored durably inside authorizePublish, before the
 * broker answers PUBACK (QoS 1) or PUBREC (QoS 2). Anything else (another topic, a payload the contract
 * refuses) disconnects the client without an acknowledgement. Devices cannot
 * subscribe.
 */
export async function startMqttBroker(rt: ChannelRuntime): Promise<ChannelListener> {
  const { deps, log } = rt;
  const verify = async (client: DeviceClient): Promise<DeviceTenant | null> => (client.gongdan ? verifyDevice(deps, client.gongdan.slug, client.gongdan.key) : null);
  const broker = await Aedes.createBroker({
    maxClientsIdLength: 128,
    preConnect(client, _packet, done) {
      limitPacketSize(client, MAX_PAYLOAD_BYTES + 1024);
      done(null, true);
    },
    authenticate(client: DeviceClient, username, password, done) {
      const slug = username ?? '';
      const key = password?.toString('utf8') ?? '';
      verifyDevice(deps, slug, key).then(
        (t) => {
          if (!t) return done(Object.assign(refusal('IOT_BAD_CREDENTIALS', 'username must be the tenant slug and password a device key of that tenant'), { returnCode: 4 }), false);
          client.gongdan = { slug, key };
          done(null, true);
        },
        (err) => {
          log.error({ err }, 'MQTT device authentication failed');
          done(Object.assign(refusal('IOT_UNAVAILABLE', 'try again later'), { returnCode: 3 }), false);
        },
      );
    },
    authorizePublish(client: DeviceClient | null, packet, done) {
      if (!client) return done(null); // the broker's own messages ($SYS)
      const other = registeredDeviceTopic(packet.topic);
      if (other && other.slug === client.gongdan?.slug) {
        // a kind another module registered (telemetry): its handler stores or refuses it before the PUBACK
        packet.retain = false;
        const raw = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
        verify(client)
          .then((t) => {
            if (!t) throw refusal('IOT_BAD_CREDENTIALS', 'the device key was revoked');
            return other.handler.receive(deps, { tenantId: t.tenantId, serial: other.serial, raw, via: { via: 'mqtt', topic: packet.topic, clientId: client.id } });
          })
          .then(
            () => done(null),
            (err) => {
              log.warn({ err: (err as Error).message, topic: packet.topic, clientId: client.id }, `MQTT ${other.kind} message refused`);
              done(err);
            },
          );
        return;
      }
      const topic = parseTopic(packet.topic);
      if (!topic || topic.slug !== client.gongdan?.slug) return done(refusal('IOT_TOPIC_REFUSED', `${packet.topic} is not gongdan/${client.gongdan?.slug}/devices/{serial}/alarm|recovery (or another registered kind, e.g. telemetry)`));
      const raw = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      if (raw.length > MAX_PAYLOAD_BYTES) return done(refusal('IOT_PAYLOAD_TOO_LARGE', `${raw.length} bytes; at most ${MAX_PAYLOAD_BYTES}`));
      // an alarm that could never become a ticket is not acknowledged: the device learns at once (no PUBACK)
      const refused = payloadRefusal(raw, deps.clock.now());
      if (refused) {
        log.warn({ topic: packet.topic, clientId: client.id, code: refused.code, reason: refused.message }, 'MQTT alarm refused');
        return done(refusal(refused.code, refused.message));
      }
      packet.retain = false; // alarms are events, not state
      verify(client)
        .then((t) => {
          if (!t) throw refusal('IOT_BAD_CREDENTIALS', 'the device key was revoked');
          return ingestAlarm(deps, { tenantId: t.tenantId, serial: topic.serial, kind: topic.kind, raw, via: { via: 'mqtt', topic: packet.topic, clientId: client.id } });
        })
        .then(
          () => done(null),
          (err) => {
            if (!(err as { code?: string }).code?.startsWith('IOT_')) log.error({ err, topic: packet.topic }, 'MQTT alarm not stored');
            done(err);
          },
        );
    },
    authorizeSubscribe(_client, _sub, done) {
      done(null, null); // devices only publish: SUBACK 0x80
    },
  });
  broker.on('clientError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'MQTT client error'));
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(rt.config.MQTT_PORT, rt.config.MQTT_HOST, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  log.info({ port, host: rt.config.MQTT_HOST }, 'MQTT broker for device alarms listening');
  return {
    address: { mqtt: port },
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
