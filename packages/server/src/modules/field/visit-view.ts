import type { VisitRow } from './field-repository';

export const toVisitView = (v: VisitRow) => ({
  id: v.id,
  ticketId: v.ticket_id,
  userId: v.user_id,
  seq: v.seq,
  state: v.state,
  windowStart: v.window_start?.toISOString() ?? null,
  windowEnd: v.window_end?.toISOString() ?? null,
});
