import type { Deps } from '../../../platform/deps';
import { AppError, invalid } from '../../../platform/errors';
import type { Received } from '../intake-types';
import { verifyDeviceKey } from './device-auth';
import { ingestAlarm } from './ingest-alarm';
import { tsProblem, type AlarmKind, type AlarmPayload } from './iot-rules';

/** POST /api/v1/iot/alarms|recoveries: the device key as bearer token names the tenant; stored before 202. */
export async function receiveHttpAlarm(deps: Deps, key: string | null, kind: AlarmKind, body: AlarmPayload & { serial: string }): Promise<Received> {
  const t = key ? await verifyDeviceKey(deps, key) : null;
  if (!t) throw new AppError('INVALID_CREDENTIALS', 'Send a device key of your tenant as "Authorization: Bearer gdd_…" (an admin creates one with POST /api/v1/iot/keys)');
  const late = tsProblem(body.ts, deps.clock.now());
  if (late) throw invalid('ts', `ts ${late}`, 'out_of_range', body.ts);
  // stored as the MQTT payload would be (the serial is in the row's meta, as the topic gives it)
  const { serial, ...payload } = body;
  return ingestAlarm(deps, { tenantId: t.tenantId, serial, kind, raw: Buffer.from(JSON.stringify(payload)), via: { via: 'http' } });
}
