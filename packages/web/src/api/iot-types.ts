import type { Answer, Schema } from './contract';

// Shapes of the IoT administration: device keys (GET /api/v1/iot/keys). Assets: asset-types.ts.

export type DeviceKey = Schema<'DeviceKey'>;
/** The answer to creating a device key: the only time the key itself is shown. */
export type CreatedDeviceKey = Answer<'/api/v1/iot/keys', 'post'>;

