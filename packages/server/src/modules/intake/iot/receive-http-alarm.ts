import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import type { Received } from '../intake-types';
import { verifyDeviceKey } from './device-auth';
import { ingestAlarm } from './ingest-alarm';
import type { AlarmKind, AlarmPayload } from './iot-rules';

/** POST /api/v1/iot/alarms|recoveries: the device key as bearer token names the tenant; stored before 202. */
export async function receiveHttpAlarm(deps: Deps, key: string | null, kind: AlarmKind, body: AlarmPayload & { serial: string }): Promise<Received> {
  const t = key ? await verifyDeviceKey(deps, key) : null;
  if (!t) throw new AppError('INVALID_CREDENTIALS', 'Send a device key of your tenant as "Authorization: Bearer gdd_…" (an admin creates one with POST /api/v1/iot/keys)');
  return ingestAlarm(deps, { tenantId: t.tenantId, serial: body.serial, kind, raw: Buffer.from(JSON.stringify(body)), via: { via: 'http' } });
}
