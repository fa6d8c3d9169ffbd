import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { STOCK_READERS } from './access';
import { toPartView, type PartView } from './inventory-views';
import { partRepository } from './part-repository';
import { stockRepository, type PlaceRow } from './stock-repository';

const byPart = (rows: PlaceRow[]) => {
  const m = new Map<string, PlaceRow[]>();
  for (const r of rows) m.set(r.part_id, [...(m.get(r.part_id) ?? []), r]);
  return m;
};

/** Parts by code with their stock in every warehouse (staff). */
export async function listParts(deps: Deps, actor: Actor, f: { q?: string; model?: string; limit: number; offset: number }): Promise<PartView[]> {
  requireRole(actor, STOCK_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const parts = await partRepository.list(q, { ...f, q: f.q?.trim() || undefined, model: f.model?.trim() || undefined });
    const stock = byPart(await stockRepository.places(q, parts.map((p) => p.id)));
    return parts.map((p) => toPartView(p, stock.get(p.id)));
  });
}

/** One part with its stock (staff). */
export async function getPart(deps: Deps, actor: Actor, id: string): Promise<PartView> {
  requireRole(actor, STOCK_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const p = await partRepository.byId(q, id);
    if (!p) throw notFound('Part');
    return toPartView(p, await stockRepository.places(q, [id]));
  });
}
