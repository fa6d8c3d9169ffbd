// Shapes of the IoT administration: device keys and assets (devices) with their alarm incidents
// (GET /api/v1/iot/keys, /api/v1/assets, /api/v1/assets/:id).

export interface DeviceKey {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a device key: the only time the key itself is shown. */
export interface CreatedDeviceKey extends DeviceKey {
  key: string;
}

export interface Asset {
  id: string;
  serial: string;
  model: string | null;
  name: string | null;
  ownerContactId: string | null;
  ownerName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  /** false: an alarm from an unregistered serial created it; an admin confirms it */
  confirmed: boolean;
  createdAt: string;
  updatedAt: string;
}

export type AlarmState = 'open' | 'recovered' | 'expired';

export interface AssetAlarm {
  id: string;
  code: string;
  severity: string;
  count: number;
  firstAt: string;
  lastAt: string;
  state: AlarmState;
  recoveredAt: string | null;
  ticket: { id: string; number: number; title: string; status: string };
}

export interface AssetDetail extends Asset {
  alarms: AssetAlarm[];
}

export interface AssetInput {
  model?: string | null;
  name?: string | null;
  ownerContactId?: string | null;
  organizationId?: string | null;
  confirmed?: boolean;
}
