import type { Queryable } from '../../platform/db/database';
import { contactNames, organizationNames } from '../customers';
import type { StoredAssetRow } from './asset-repository';
import { warrantyState, type WarrantyState } from './asset-rules';

/** An asset with the names of its owner contact and organization (from the customers module). */
export type AssetRow = StoredAssetRow & { owner_name: string | null; organization_name: string | null; parent_name: string | null; children: number; warranty_state: WarrantyState | null };

/** `today`: the tenant's date (YYYY-MM-DD) the warranty state is told on. */
export async function withNames(q: Queryable, rows: StoredAssetRow[], today: string, parents: Map<string, StoredAssetRow> = new Map(), children: Map<string, number> = new Map()): Promise<AssetRow[]> {
  const contacts = await contactNames(q, rows.flatMap((r) => (r.owner_contact_id ? [r.owner_contact_id] : [])));
  const organizations = await organizationNames(q, rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])));
  return rows.map((r) => {
    const parent = r.parent_id ? parents.get(r.parent_id) : undefined;
    return {
      ...r,
      owner_name: r.owner_contact_id ? (contacts.get(r.owner_contact_id) ?? null) : null,
      organization_name: r.organization_id ? (organizations.get(r.organization_id) ?? null) : null,
      parent_name: parent ? (parent.name ?? parent.serial) : null,
      children: children.get(r.id) ?? 0,
      warranty_state: warrantyState(r.warranty_end, today),
    };
  });
}
