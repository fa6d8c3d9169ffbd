import { travelKm } from '../dispatch';

// Part suggestions and the nearest warehouses, no I/O. The history is the settled jobs of the same kind
// (category and, when enough are known, device model) and, per part, on how many of them it was drawn.

export type SuggestionScope = 'category_model' | 'category';

export interface PartHistory {
  partId: string;
  /** settled jobs of this kind that drew the part */
  jobs: number;
  /** units drawn over those jobs */
  units: number;
}

export interface Suggestion {
  partId: string;
  qty: number;
  /** "同类工单 12 次中 9 次用到" */
  reason: string;
  basis: { scope: SuggestionScope; jobs: number; used: number };
}

export const SUGGEST = {
  /** a part drawn on at least this share of the jobs of the kind… */
  minShare: 0.25,
  /** …and on at least this many of them */
  minUses: 2,
  /** at most this many suggestions */
  max: 6,
  /** the device model narrows the history when it has at least this many jobs */
  minModelJobs: 3,
};

/** Which history to learn from: the model's when it has enough jobs, else the category's. */
export function chooseScope(modelJobs: number | null): SuggestionScope {
  return modelJobs !== null && modelJobs >= SUGGEST.minModelJobs ? 'category_model' : 'category';
}

export function reasonText(scope: SuggestionScope, jobs: number, used: number): string {
  return `${scope === 'category_model' ? '同型号同类工单' : '同类工单'} ${jobs} 次中 ${used} 次用到`;
}

/** The parts most often drawn on jobs of the kind, with the usual quantity (units per job, rounded, at least 1). */
export function suggestParts(scope: SuggestionScope, jobs: number, history: PartHistory[]): Suggestion[] {
  if (jobs <= 0) return [];
  return history
    .filter((h) => h.jobs >= SUGGEST.minUses && h.jobs / jobs >= SUGGEST.minShare)
    .sort((a, b) => b.jobs - a.jobs || b.units - a.units || (a.partId < b.partId ? -1 : 1))
    .slice(0, SUGGEST.max)
    .map((h) => ({
      partId: h.partId,
      qty: Math.max(1, Math.round(h.units / h.jobs)),
      reason: reasonText(scope, jobs, Math.min(h.jobs, jobs)),
      basis: { scope, jobs, used: Math.min(h.jobs, jobs) },
    }));
}

export interface StockPlace {
  id: string;
  name: string;
  kind: 'central' | 'regional' | 'van';
  ownerUserId: string | null;
  lat: number | null;
  lng: number | null;
  available: number;
}

export interface NearbyWarehouse {
  id: string;
  name: string;
  kind: StockPlace['kind'];
  /** straight-line km from the ticket's site; null when either position is unknown */
  km: number | null;
  available: number;
}

/**
 * The warehouses that have the part, nearest to the site first (unknown distances last, then by stock);
 * the assignee's own van comes first whatever the distance, and other engineers' vans are left out.
 */
export function nearestWarehouses(site: { lat: number; lng: number } | null, places: StockPlace[], o: { assigneeId: string | null; limit?: number }): NearbyWarehouse[] {
  const km = (p: StockPlace) => (site && p.lat !== null && p.lng !== null ? Math.round(travelKm([site.lat, site.lng], [p.lat, p.lng]) * 10) / 10 : null);
  const own = (p: StockPlace) => p.kind === 'van' && p.ownerUserId !== null && p.ownerUserId === o.assigneeId;
  return places
    .filter((p) => p.available > 0 && (p.kind !== 'van' || own(p)))
    .map((p) => ({ place: p, km: km(p) }))
    .sort((a, b) => Number(own(b.place)) - Number(own(a.place)) || (a.km ?? Infinity) - (b.km ?? Infinity) || b.place.available - a.place.available || (a.place.name < b.place.name ? -1 : 1))
    .slice(0, o.limit ?? 3)
    .map(({ place, km }) => ({ id: place.id, name: place.name, kind: place.kind, km, available: place.available }));
}
