import type { NotificationView } from '../notifications';
import type { EventView } from '../tickets';

// The WebSocket protocol of GET /api/v1/live, in one place (README "Live updates" documents it).
// Server → client: JSON text frames. Client → server: {"type":"ping"}; anything else is ignored.
export type ServerMessage =
  | { type: 'hello'; userId: string | null }
  | { type: 'ticket.event'; ticketId: string; ticketNumber: number; event: EventView }
  | { type: 'notification'; notification: NotificationView }
  | { type: 'pong' };

export const frame = (m: ServerMessage): string => JSON.stringify(m);

/** Close codes the server uses besides the standard ones. */
export const CLOSE = {
  /** No valid credentials, or the session ended (signed out, expired, user deactivated). */
  UNAUTHENTICATED: 4401,
  /** The client reads too slowly; reconnect and re-fetch. (1013 is "try again later".) */
  TOO_SLOW: 1013,
} as const;

/** A client frame: only ping has a meaning. */
export function isPing(data: string): boolean {
  if (data.length > 200) return false;
  try {
    const m = JSON.parse(data) as { type?: unknown } | null;
    return m !== null && typeof m === 'object' && m.type === 'ping';
  } catch {
    return false;
  }
}
