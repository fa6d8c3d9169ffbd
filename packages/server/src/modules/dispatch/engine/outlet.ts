// "The nearest outlet that can do it" (服务网点 as a dispatch target): the closest active outlet that has
// at least one eligible person with capacity among its own people (Person.outletId), and that outlet's
// best-scored person. Pure, like the rest of the engine.
import { travelKm } from './geo';
import { rank } from './rank';
import type { DecisionContext, Need, Outlet, Person, Weights } from './types';

export interface OutletChoice {
  outletId: string;
  /** straight-line km from the outlet to the need's location */
  km: number;
  /** the outlet's best-scored eligible person (always set when an outlet is returned) */
  personId: string | null;
}

/**
 * Outlets are tried nearest first (ties by id); inactive ones (`active: false`) and those whose people
 * all fail a hard rule or are at capacity are passed over. null: the need has no location (no "nearest"
 * without a place) or no active outlet can do it.
 */
export function nearestOutlet(need: Need, outlets: Outlet[], people: Person[], ctx: DecisionContext, weights: Weights): OutletChoice | null {
  const at = need.location;
  if (at === null) return null;
  const byOutlet = new Map<string, Person[]>();
  for (const p of people) {
    if (p.outletId === null) continue;
    const list = byOutlet.get(p.outletId);
    if (list) list.push(p);
    else byOutlet.set(p.outletId, [p]);
  }
  const order = outlets
    .filter((o) => o.active !== false && byOutlet.has(o.id))
    .map((o) => ({ o, km: travelKm(o.at, at) }))
    .sort((a, b) => a.km - b.km || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
  for (const { o, km } of order) {
    const best = rank(byOutlet.get(o.id)!, need, ctx, weights).candidates[0];
    if (best) return { outletId: o.id, km, personId: best.personId };
  }
  return null;
}
