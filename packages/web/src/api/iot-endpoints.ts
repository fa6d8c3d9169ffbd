import { api } from './client';
import type { CreatedDeviceKey, DeviceKey } from './iot-types';

// Device keys (admins) of devices that report alarms over MQTT or HTTP (assets: asset-endpoints.ts).

export const iotApi = {
  keys: () => api.get<{ items: DeviceKey[] }>('/iot/keys'),
  createKey: (body: { name: string }) => api.post<CreatedDeviceKey>('/iot/keys', body),
  revokeKey: (id: string) => api.delete<void>(`/iot/keys/${id}`),
};
