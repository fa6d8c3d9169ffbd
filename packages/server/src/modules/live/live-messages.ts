import type { NotificationView } from '../notifications';
import type { EventView } from '../tickets';

// The WebSocket protocol of GET /api/v1/live, in one place (docs/API.md "Live updates" documents it).
// Server → client: JSON text frames. Client → server: {"type":"ping"}; anything else is ignored.
export type ServerMessage =
  | { type: 'hello'; userId: string | null }
  | { type: 'ticket.event'; ticketId: string; ticketNumber: number; event: EventView }
  | { type: 'notification'; notification: NotificationView }
  | { type: 'call'; call: CallInfo }
  | PositionInfo
  | { type: 'pong' };

/**
 * A phone call reported by the CTI (POST /api/v1/cti/events), for the console's screen pop: sent to
 * the agent on the call, or to every admin, supervisor and agent of the tenant when the CTI names none.
 */
export interface CallInfo {
  callId: string;
  state: 'ringing' | 'answered' | 'ended';
  /** the customer's number (the caller, or the callee of an outbound call), as the CTI sent it */
  caller: string;
  callee: string | null;
  direction: 'inbound' | 'outbound';
  /** the user the CTI named, when it is one of the tenant's users */
  agentId: string | null;
  at: string;
  /** the contact owning the number, when there is one */
  contact: { id: string; name: string; tier: string | null; organizationName: string | null } | null;
  /** that contact's unresolved tickets, newest first (at most 5) */
  openTickets: { id: string; number: number; title: string; status: string }[];
  recordingUrl: string | null;
}

/** A person's phone reported where they are (POST /api/v1/me/location): for the dispatcher's map. */
export interface PositionInfo {
  type: 'dispatch.position';
  userId: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  reportedAt: string;
}

/** Messages a module sends to chosen users (not derived from ticket events): see sendToUsers. */
export type DirectMessage = Extract<ServerMessage, { type: 'call' | 'dispatch.position' }>;
/** The types of DirectMessage, for those who receive them from another process. */
export const DIRECT_TYPES: readonly string[] = ['call', 'dispatch.position'];

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
