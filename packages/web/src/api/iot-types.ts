import type { Answer, Body, Schema } from './contract';

// Shapes of the IoT administration: device keys and assets (devices) with their alarm incidents
// (GET /api/v1/iot/keys, /api/v1/assets, /api/v1/assets/:id).

export type DeviceKey = Schema<'DeviceKey'>;
/** The answer to creating a device key: the only time the key itself is shown. */
export type CreatedDeviceKey = Answer<'/api/v1/iot/keys', 'post'>;

export type Asset = Schema<'Asset'>;
export type AssetDetail = Answer<'/api/v1/assets/{id}', 'get'>;
export type AssetAlarm = AssetDetail['alarms'][number];
export type AlarmState = AssetAlarm['state'];
export type AssetPage = Answer<'/api/v1/assets', 'get'>;

export type AssetInput = Body<'/api/v1/assets/{id}', 'patch'>;
