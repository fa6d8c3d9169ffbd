import type { Queryable } from '../../platform/db/database';

/** What a ticket takes from its asset: where the work is and whose it is. */
export interface TicketAsset {
  id: string;
  organizationId: string | null;
  site: { lat: number; lng: number; address?: string } | null;
}

// The assets module reads tickets (an asset's history), so tickets cannot import it: app.ts wires the
// assets module's look-up in here. Tenant from the transaction (row-level security): another tenant's
// asset is not found.
declare module '../../platform/deps' {
  interface Deps {
    /** assets: the asset a ticket names, or null when the tenant has no such asset */
    ticketAsset: (q: Queryable, assetId: string) => Promise<TicketAsset | null>;
  }
}
