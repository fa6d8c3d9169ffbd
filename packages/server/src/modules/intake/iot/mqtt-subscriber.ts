import mqtt from 'mqtt';
import { tenantIdBySlug } from '../../identity';
import type { ChannelListener, ChannelRuntime } from '../channel-plugin';
import { DeviceMessageRefused, registeredDeviceTopic } from './device-messages';
import { ingestAlarm } from './ingest-alarm';
import { MAX_PAYLOAD_BYTES, parseTopic, payloadRefusal } from './iot-rules';

export const SUBSCRIPTION = 'gongdan/+/devices/+/+';
const SLUG_CACHE_MS = 60_000;

/**
 * External broker mode (MQTT_URL): no embedded broker; Gongdan subscribes to every tenant's device
 * topics with QoS 1 and a persistent session, and acknowledges a message to the broker only after it
 * is stored. Devices authenticate with the broker (its ACLs must keep each tenant to its own topics);
 * the tenant is the slug in the topic. Messages that cannot be stored as alarms (unknown tenant, other
 * topics, oversized, a payload the contract refuses) are acknowledged and logged, so they do not block
 * the session (the device had its PUBACK from the broker already).
 */
export async function startMqttSubscriber(rt: ChannelRuntime): Promise<ChannelListener> {
  const { deps, log } = rt;
  const slugs = new Map<string, { tenantId: string | undefined; until: number }>();
  const tenantOf = async (slug: string) => {
    const hit = slugs.get(slug);
    if (hit && hit.until > Date.now()) return hit.tenantId;
    const tenantId = await deps.db.system((q) => tenantIdBySlug(q, slug));
    slugs.set(slug, { tenantId, until: Date.now() + SLUG_CACHE_MS });
    return tenantId;
  };
  const client = mqtt.connect(rt.config.MQTT_URL, { clientId: `gongdan-intake-${process.env.HOSTNAME ?? 'local'}`.slice(0, 64), clean: false, reconnectPeriod: 2_000, connectTimeout: 10_000 });
  // called for each QoS 1 message before its PUBACK goes to the broker
  client.handleMessage = (packet, done) => {
    const topic = parseTopic(packet.topic);
    const raw = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const skip = (reason: string) => {
      log.warn({ topic: packet.topic, reason }, 'MQTT message not stored as an alarm');
      done();
    };
    const other = topic ? null : registeredDeviceTopic(packet.topic);
    if (other) {
      tenantOf(other.slug)
        .then((tenantId) => (tenantId ? other.handler.receive(deps, { tenantId, serial: other.serial, raw, via: { via: 'mqtt-external', topic: packet.topic } }) : skip('IOT_UNKNOWN_TENANT')))
        .then(
          () => done(),
          (err) => {
            // a message the contract refuses is acknowledged and logged (as alarms are); a failure to store is delivered again
            if (err instanceof DeviceMessageRefused) return skip(err.message);
            log.error({ err, topic: packet.topic }, `MQTT ${other.kind} message not stored; the broker will deliver it again`);
            client.stream.destroy();
          },
        );
      return;
    }
    if (!topic) return skip('IOT_TOPIC_REFUSED');
    if (raw.length > MAX_PAYLOAD_BYTES) return skip('IOT_PAYLOAD_TOO_LARGE');
    const refused = payloadRefusal(raw, deps.clock.now());
    if (refused) return skip(`${refused.code}: ${refused.message}`);
    tenantOf(topic.slug)
      .then((tenantId) => {
        if (!tenantId) return skip('IOT_UNKNOWN_TENANT');
        return ingestAlarm(deps, { tenantId, serial: topic.serial, kind: topic.kind, raw, via: { via: 'mqtt-external', topic: packet.topic } }).then(() => done());
      })
      .catch((err) => {
        log.error({ err, topic: packet.topic }, 'MQTT alarm not stored; the broker will deliver it again');
        client.stream.destroy(); // no PUBACK: the reconnect makes the broker deliver it again
      });
  };
  client.on('connect', () => {
    client.subscribe(SUBSCRIPTION, { qos: 1 }, (err) => (err ? log.error({ err }, 'MQTT subscription failed') : log.info({ url: redact(rt.config.MQTT_URL) }, 'subscribed to device alarms on the external MQTT broker')));
  });
  client.on('error', (err) => log.warn({ err: err.message }, 'MQTT external broker'));
  return {
    address: { mqttUrl: redact(rt.config.MQTT_URL) },
    close: () => client.endAsync(true),
  };
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
