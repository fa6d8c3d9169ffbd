import type { Queryable } from './platform/db/database';
import { getAsset } from './modules/assets';
import type { FieldDevice } from './modules/field';
import { readTicket, ticketsOfAsset } from './modules/tickets';

// Composition: the engineer's phone shows a job's device and its earlier tickets (field reaches neither
// assets nor tickets' asset history itself; app.ts wires this as deps.fieldDevice).
export async function fieldDeviceOf(q: Queryable, ticketId: string): Promise<FieldDevice | null> {
  const ticket = await readTicket(q, ticketId);
  const asset = ticket?.asset_id ? await getAsset(q, ticket.asset_id) : null;
  if (!asset) return null;
  const earlier = (await ticketsOfAsset(q, asset.id, 11)).filter((t) => t.id !== ticketId).slice(0, 10);
  return {
    id: asset.id,
    serial: asset.serial,
    name: asset.name,
    model: asset.model,
    history: earlier.map((t) => ({ ticketId: t.id, number: t.number, title: t.title, status: t.status, createdAt: t.createdAt.toISOString() })),
  };
}
