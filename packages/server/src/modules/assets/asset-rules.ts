import type { StoredAssetRow } from './asset-repository';

/** What other modules see of an asset (field-service contract: FIELD-CONTRACT.md). */
export type AssetRef = {
  id: string;
  serial: string;
  name: string | null;
  model: string | null;
  productLine: string | null;
  organizationId: string | null;
  parentId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** YYYY-MM-DD */
  installedOn: string | null;
  warrantyEnd: string | null;
};

export const assetRefOf = (a: StoredAssetRow): AssetRef => ({
  id: a.id,
  serial: a.serial,
  name: a.name,
  model: a.model,
  productLine: a.product_line,
  organizationId: a.organization_id,
  parentId: a.parent_id,
  address: a.address,
  lat: a.lat,
  lng: a.lng,
  installedOn: a.installed_on,
  warrantyEnd: a.warranty_end,
});

/** Where a ticket on this asset takes place, when the asset has a position. */
export function siteOfAsset(a: Pick<AssetRef, 'lat' | 'lng' | 'address'>): { lat: number; lng: number; address?: string } | null {
  if (a.lat === null || a.lng === null) return null;
  return { lat: a.lat, lng: a.lng, ...(a.address ? { address: a.address } : {}) };
}

/**
 * Why `parentId` cannot be the parent of asset `id`, or null: the asset itself, or one of its own
 * descendants (which `ancestorsOfParent`, the chain above the proposed parent, then contains).
 */
export function parentProblem(id: string | undefined, parentId: string | null | undefined, ancestorsOfParent: string[]): 'cycle' | null {
  if (!id || !parentId) return null;
  return parentId === id || ancestorsOfParent.includes(id) ? 'cycle' : null;
}

/** Both coordinates or neither (as stored), after applying a change to what is stored. */
export function positionComplete(lat: number | null, lng: number | null): boolean {
  return (lat === null) === (lng === null);
}

export type WarrantyState = 'in_warranty' | 'expiring' | 'expired';

/** The warranty on a day (YYYY-MM-DD): expiring within `days` days of its end; null without an end. */
export function warrantyState(warrantyEnd: string | null, today: string, days = 30): WarrantyState | null {
  if (!warrantyEnd) return null;
  if (warrantyEnd < today) return 'expired';
  const left = (Date.parse(`${warrantyEnd}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return left <= days ? 'expiring' : 'in_warranty';
}

/** A QR token as the portal accepts it: 32 lower-case hex digits (never a serial, which can be guessed). */
export const QR_TOKEN = /^[0-9a-f]{32}$/;

/** The portal's request form for an asset, as its QR label encodes it. */
export function portalAssetLink(publicUrl: string, slug: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}/new?asset=${token}`;
}
