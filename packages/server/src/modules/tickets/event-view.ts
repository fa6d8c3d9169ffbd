import type { TicketEventRow } from './event-repository';

// The API shape of a timeline event: GET /tickets/{id}/events items and the live feed's `event`.
export function toEventView(e: Pick<TicketEventRow, 'id' | 'kind' | 'actor_type' | 'actor_id' | 'actor_name' | 'channel' | 'internal' | 'data' | 'created_at'>) {
  return {
    id: e.id,
    kind: e.kind,
    actor: { type: e.actor_type, id: e.actor_id, name: e.actor_name },
    channel: e.channel,
    internal: e.internal,
    data: e.data,
    createdAt: e.created_at.toISOString(),
  };
}
export type EventView = ReturnType<typeof toEventView>;
