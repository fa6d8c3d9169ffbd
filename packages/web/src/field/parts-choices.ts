import type { TicketParts, VanStock } from './field-api';

// What the engineer can pick as used on the job: the job's reservations first (the part is already
// set aside in a warehouse), then the parts in their van, then the suggestions (no warehouse: the
// server takes it from the reserving warehouse at settlement).

export interface PartChoice {
  /** unique among the choices */
  key: string;
  source: 'reserved' | 'van' | 'suggested';
  partId: string;
  warehouseId?: string;
  code: string;
  name: string;
  unit: string;
  /** reserved: still not drawn; van: available; suggested: the suggested quantity */
  qty: number;
  warehouseName?: string;
}

export function partChoices(parts: TicketParts | undefined, van: VanStock | undefined): PartChoice[] {
  const out: PartChoice[] = [];
  const seen = new Set<string>();
  const push = (c: Omit<PartChoice, 'key'>) => {
    const key = `${c.partId}:${c.warehouseId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...c, key });
  };
  for (const r of parts?.reservations ?? [])
    if (r.state === 'active' && r.qty - r.drawn > 0)
      push({ source: 'reserved', partId: r.partId, warehouseId: r.warehouseId, code: r.code, name: r.name, unit: r.unit, qty: r.qty - r.drawn, warehouseName: r.warehouseName });
  for (const w of van?.warehouses ?? [])
    for (const i of w.items)
      if (i.available > 0) push({ source: 'van', partId: i.partId, warehouseId: w.id, code: i.code, name: i.name, unit: i.unit, qty: i.available, warehouseName: w.name });
  const chosen = new Set(out.map((c) => c.partId));
  for (const s of parts?.suggested ?? []) if (!chosen.has(s.partId)) push({ source: 'suggested', partId: s.partId, code: s.code, name: s.name, unit: s.unit, qty: s.qty });
  return out;
}

export interface ReserveChoice {
  partId: string;
  warehouseId: string;
  qty: number;
  code: string;
  name: string;
  warehouseName: string;
  km: number | null;
}

/**
 * 预占: each suggested part not yet reserved, in the nearest warehouse (the server's order: the engineer's
 * van first, then by distance from the site) that has the suggested quantity available.
 */
export function reserveChoices(parts: TicketParts | undefined): ReserveChoice[] {
  if (!parts) return [];
  const reserved = new Set(parts.reservations.filter((r) => r.state === 'active').map((r) => r.partId));
  return parts.suggested.flatMap((s) => {
    if (reserved.has(s.partId)) return [];
    const at = parts.nearest.find((n) => n.partId === s.partId)?.warehouses.find((w) => w.available >= s.qty);
    return at ? [{ partId: s.partId, warehouseId: at.id, qty: s.qty, code: s.code, name: s.name, warehouseName: at.name, km: at.km }] : [];
  });
}
