import type { Queryable } from '../../platform/db/database';

/** An alarm incident of a device, with its ticket (intake's device_alarms). */
export interface AssetAlarm {
  id: string;
  code: string;
  severity: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
  state: 'open' | 'recovered' | 'expired';
  recoveredAt: Date | null;
  ticketId: string;
}

// Intake's IoT channel creates assets through this module (ensureAssets), so this module cannot import
// intake: app.ts wires intake's alarm reader in here for an asset's history. Other modules that add to
// the history (maintenance visits) can use the same pattern, or simply tickets with asset_id, which the
// history lists already.
declare module '../../platform/deps' {
  interface Deps {
    /** intake: an asset's alarm incidents, newest first */
    assetAlarms?: (q: Queryable, assetId: string, limit: number) => Promise<AssetAlarm[]>;
  }
}
export {};
