import { isApiError } from '../api/client';
import type { LiveMessage } from '../api/live';

// A job the engineer held and no longer does: the server answers 409 with one of these codes (given to
// someone else / back to dispatch), on the job itself and on anything done to it.

export const TAKEN_AWAY_CODES = ['DISPATCH_REASSIGNED', 'DISPATCH_RETURNED'] as const;
export type TakenAwayCode = (typeof TAKEN_AWAY_CODES)[number];

export function takenAwayCode(err: unknown): TakenAwayCode | null {
  return isApiError(err) && (TAKEN_AWAY_CODES as readonly string[]).includes(err.code) ? (err.code as TakenAwayCode) : null;
}

/**
 * Whether a live message may change what the phone shows of this job (any job when ticketId is null):
 * an event on it, or the `unassigned` notification the server sends the person a job was taken from
 * (their events stop reaching them once it is someone else's).
 */
export function touchesJob(m: LiveMessage, ticketId: string | null): boolean {
  if (m.type === 'ticket.event') return ticketId === null || m.ticketId === ticketId;
  if (m.type === 'notification') return m.notification.kind === 'unassigned' && (ticketId === null || m.notification.ticketId === ticketId);
  return false;
}

/** A job on screen is checked again this often, for what no live message tells (back to dispatch). */
export const JOB_RECHECK_MS = 30_000;
