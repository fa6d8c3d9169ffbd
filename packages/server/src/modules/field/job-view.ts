import type { TicketView } from '../tickets';
import type { FieldDevice } from './field-ports';
import type { VisitRow } from './field-repository';

/** A job as the phone shows it: the ticket's customer, address, window, SLA and the visit so far. */
export function toJobView(t: TicketView, visit: VisitRow | undefined, device: FieldDevice | null = null, offer?: { respondBy: Date | null }) {
  return {
    ticketId: t.id,
    number: t.number,
    title: t.title,
    status: t.status,
    priority: t.priority,
    customer: t.requesterName,
    address: t.site?.address ?? null,
    site: t.site ? { lat: t.site.lat, lng: t.site.lng } : null,
    window: visit?.window_start ? { start: visit.window_start.toISOString(), end: visit.window_end?.toISOString() ?? null } : null,
    slaDueAt: t.sla?.dueAt ?? null,
    slaState: t.sla?.state ?? null,
    visit: visit
      ? { id: visit.id, seq: visit.seq, state: visit.state, departedAt: visit.departed_at?.toISOString() ?? null, checkedInAt: visit.checked_in_at?.toISOString() ?? null, completedAt: visit.completed_at?.toISOString() ?? null, result: visit.result }
      : null,
    device,
    /** offered to the engineer and not yet accepted (接单): answer by respondBy (null: no time limit) */
    offer: offer ? { respondBy: offer.respondBy?.toISOString() ?? null } : null,
  };
}

export type JobView = ReturnType<typeof toJobView>;
