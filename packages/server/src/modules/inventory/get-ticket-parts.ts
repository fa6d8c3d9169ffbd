import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { jobPartsRepository } from './job-parts-repository';
import { visibleJob } from './job-facts';
import { partRepository, type PartRow } from './part-repository';
import { nearestForJob, suggestForJob } from './suggest-parts';
import { warehouseRepository } from './warehouse-repository';

const partLine = (p: PartRow | undefined, id: string) => ({ partId: id, code: p?.code ?? '', name: p?.name ?? '', unit: p?.unit ?? '' });

/**
 * GET /tickets/{id}/parts (staff who can see the ticket): the suggested parts with their reason, the
 * nearest warehouses that have them, the ticket's reservations and the parts it used.
 */
export async function getTicketParts(deps: Deps, actor: Actor, ticketId: string) {
  return deps.db.tenant(actor.tenantId, async (q) => {
    const job = await visibleJob(q, actor, ticketId);
    const [suggested, reservations, used] = [await suggestForJob(q, job), await jobPartsRepository.reservationsOf(q, ticketId), await jobPartsRepository.usageOf(q, ticketId)];
    const partIds = [...suggested.map((s) => s.partId), ...reservations.map((r) => r.part_id), ...used.map((u) => u.part_id)];
    const parts = new Map((await partRepository.byIds(q, partIds)).map((p) => [p.id, p]));
    const warehouseIds = [...reservations.map((r) => r.warehouse_id), ...used.flatMap((u) => (u.warehouse_id ? [u.warehouse_id] : []))];
    const warehouses = new Map((await warehouseRepository.byIds(q, [...new Set(warehouseIds)])).map((w) => [w.id, w.name]));
    return {
      suggested: suggested.map((s) => ({ ...partLine(parts.get(s.partId), s.partId), qty: s.qty, reason: s.reason, basis: s.basis })),
      reservations: reservations.map((r) => ({
        id: r.id,
        ...partLine(parts.get(r.part_id), r.part_id),
        warehouseId: r.warehouse_id,
        warehouseName: warehouses.get(r.warehouse_id) ?? '',
        qty: r.qty,
        drawn: r.drawn,
        state: r.state,
        createdAt: r.created_at.toISOString(),
      })),
      used: used.map((u) => ({
        id: u.id,
        opId: u.op_id,
        ...partLine(parts.get(u.part_id), u.part_id),
        warehouseId: u.warehouse_id,
        warehouseName: u.warehouse_id ? (warehouses.get(u.warehouse_id) ?? null) : null,
        qty: u.qty,
        drawn: u.drawn,
        state: u.state,
        createdAt: u.created_at.toISOString(),
      })),
      nearest: await nearestForJob(q, job, suggested.map((s) => s.partId)),
    };
  });
}
export type TicketParts = Awaited<ReturnType<typeof getTicketParts>>;
