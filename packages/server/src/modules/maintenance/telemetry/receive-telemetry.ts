import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { DeviceMessageRefused, registerDeviceMessageHandler, verifyDeviceKey, type DeviceMessageHandler } from '../../intake';
import { ingestTelemetry, type IngestResult } from './ingest-telemetry';
import { readTelemetryPayload, TelemetryRefused, type TelemetryBody } from './telemetry-payload';

/** MQTT gongdan/{tenant}/devices/{serial}/telemetry, carried by intake's broker or subscriber. */
export const telemetryHandler: DeviceMessageHandler = {
  async receive(deps, m) {
    try {
      return await ingestTelemetry(deps, { tenantId: m.tenantId, serial: m.serial, body: readTelemetryPayload(m.raw) });
    } catch (err) {
      if (err instanceof TelemetryRefused || err instanceof AppError) throw new DeviceMessageRefused(err.code, err.message);
      throw err;
    }
  },
};

/** Intake routes telemetry topics to this module from now on (called at start, before intake listens). */
export function registerTelemetryIntake(): void {
  registerDeviceMessageHandler('telemetry', telemetryHandler);
}

/** POST /api/v1/devices/{serial}/telemetry: the device key as bearer token names the tenant. */
export async function receiveHttpTelemetry(deps: Deps, key: string | null, serial: string, body: TelemetryBody): Promise<IngestResult> {
  const t = key ? await verifyDeviceKey(deps, key) : null;
  if (!t) throw new AppError('INVALID_CREDENTIALS', 'Send a device key of your tenant as "Authorization: Bearer gdd_…" (an admin creates one with POST /api/v1/iot/keys)');
  return ingestTelemetry(deps, { tenantId: t.tenantId, serial, body });
}
