import { api } from './client';
import type { Asset, AssetDetail, AssetInput, AssetPage, CreatedDeviceKey, DeviceKey } from './iot-types';

// Device keys (admins) and assets: devices that report alarms over MQTT or HTTP.

export const ASSET_PAGE = 50;

export const iotApi = {
  keys: () => api.get<{ items: DeviceKey[] }>('/iot/keys'),
  createKey: (body: { name: string }) => api.post<CreatedDeviceKey>('/iot/keys', body),
  revokeKey: (id: string) => api.delete<void>(`/iot/keys/${id}`),
  assets: (q: { serial?: string; confirmed?: 'true' | 'false'; cursor?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<AssetPage>('/assets', { limit: ASSET_PAGE, ...q }, signal),
  asset: (id: string) => api.get<AssetDetail>(`/assets/${id}`),
  updateAsset: (id: string, body: AssetInput) => api.patch<Asset>(`/assets/${id}`, body),
};
