import type { Actor } from '../identity';
import { canEditView } from './access';
import type { SavedViewRow } from './view-repository';

// The API shape of a saved view; `canEdit` tells the console whether to offer rename / delete.
export function toSavedView(v: SavedViewRow, actor: Actor) {
  return {
    id: v.id,
    name: v.name,
    filters: v.filters,
    columns: v.columns,
    sort: v.sort,
    shared: v.shared,
    ownerId: v.owner_id,
    ownerName: v.owner_name ?? '',
    canEdit: canEditView(actor, v),
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
}
export type SavedView = ReturnType<typeof toSavedView>;
