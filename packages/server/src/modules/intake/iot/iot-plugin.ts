import type { ChannelPlugin } from '../channel-plugin';
import { startMqttBroker } from './mqtt-broker';
import { startMqttSubscriber } from './mqtt-subscriber';
import { processAlarms } from './process-alarms';
import { iotRoutes } from './routes';

// The window is a setting of the process, known when intake starts; alarms are processed only after.
const settings = { windowMs: 60 * 60_000 };

/**
 * IoT device alarms: MQTT (the embedded broker on MQTT_PORT, or an external broker at MQTT_URL) and
 * HTTP (POST /api/v1/iot/alarms|recoveries). Alarms of a device and code inside the window count into
 * one ticket linked to the device's asset; a recovery resolves it. Contract: docs/channels/iot.md.
 */
export const iotPlugin: ChannelPlugin = {
  name: 'iot',
  register(registry) {
    registry.addAdapter({
      channel: 'iot',
      parse() {
        throw new Error('IoT alarms are processed in batches (processBatch)');
      },
      processBatch: (deps, tenantId, rows) => processAlarms(deps, tenantId, rows, settings.windowMs),
    });
  },
  routes: iotRoutes,
  async start(rt) {
    settings.windowMs = rt.config.IOT_ALARM_WINDOW_MINUTES * 60_000;
    if (rt.config.MQTT_URL) return startMqttSubscriber(rt);
    if (rt.config.MQTT_PORT) return startMqttBroker(rt);
    return null;
  },
};
