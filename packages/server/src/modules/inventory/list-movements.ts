import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { STOCK_READERS } from './access';
import { toMovementView } from './inventory-views';
import { partRepository } from './part-repository';
import { stockRepository } from './stock-repository';

/** A part's ledger (台账), newest first, optionally of one warehouse or one ticket (staff). */
export async function listMovements(deps: Deps, actor: Actor, partId: string, f: { warehouseId?: string; ticketId?: string; limit: number; before?: string }) {
  requireRole(actor, STOCK_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await partRepository.byId(q, partId))) throw notFound('Part');
    const rows = await stockRepository.movements(q, { partId, ...f, limit: f.limit + 1 });
    const page = rows.slice(0, f.limit);
    return { items: page.map(toMovementView), nextBefore: rows.length > f.limit ? page[page.length - 1].id : null };
  });
}
