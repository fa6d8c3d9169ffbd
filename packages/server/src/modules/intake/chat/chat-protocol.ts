import { createHmac, timingSafeEqual } from 'node:crypto';
import { findTextFault, invalidText } from '../../../platform/text/storable-text';

// The WebSocket protocol of the chat widget (GET /api/v1/public/chat?key=ch_…), in one place
// (docs/channels/web-chat-phone.md documents it). JSON text frames both ways.

export interface ChatLine {
  id: string;
  from: 'visitor' | 'agent';
  authorName: string | null;
  text: string;
  at: string;
}

export type ServerFrame =
  | { type: 'welcome'; conversationId: string; visitorToken: string; ticketNumber: number | null; messages: ChatLine[] }
  | { type: 'ack'; id: string }
  | { type: 'message'; message: ChatLine }
  | { type: 'error'; code: string; message: string; id?: string }
  | { type: 'pong' };

export interface Profile {
  name?: string;
  email?: string;
  phone?: string;
}

export type ClientFrame =
  | { type: 'hello'; conversationId?: string; visitorToken?: string }
  | { type: 'profile'; profile: Profile }
  | { type: 'message'; id: string; text: string }
  | { type: 'ping' };

export const MAX_TEXT = 1000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s\-()]{5,30}$/;

const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);

/** A client frame, or the reason it is refused (an error frame's code and message). */
export function parseClientFrame(data: string): ClientFrame | { error: string; message: string; id?: string } {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(data);
  } catch {
    return { error: 'MALFORMED_FRAME', message: 'Send JSON text frames' };
  }
  if (!m || typeof m !== 'object') return { error: 'MALFORMED_FRAME', message: 'Send a JSON object' };
  // refused before anything is stored or acknowledged: a message the database cannot store would be lost
  const fault = findTextFault(m);
  if (fault) return { error: 'INVALID_TEXT', message: invalidText(fault.path, fault.fault).message, ...(typeof m.id === 'string' && ID.test(m.id) ? { id: m.id } : {}) };
  switch (m.type) {
    case 'ping':
      return { type: 'ping' };
    case 'hello':
      return { type: 'hello', conversationId: str(m.conversationId, 64), visitorToken: str(m.visitorToken, 100) };
    case 'profile': {
      const p = (m.profile ?? {}) as Record<string, unknown>;
      const profile: Profile = { name: str(p.name, 100), email: str(p.email, 320), phone: str(p.phone, 30) };
      if (profile.email && !EMAIL.test(profile.email)) return { error: 'INVALID_PROFILE', message: 'The email address is not valid' };
      if (profile.phone && !PHONE.test(profile.phone)) return { error: 'INVALID_PROFILE', message: 'The phone number is not valid' };
      return { type: 'profile', profile };
    }
    case 'message': {
      const id = typeof m.id === 'string' && ID.test(m.id) ? m.id : undefined;
      if (!id) return { error: 'INVALID_MESSAGE', message: 'Give the message an id of 1-64 letters, digits, _ or -' };
      const text = typeof m.text === 'string' ? m.text.trim() : '';
      if (!text) return { error: 'INVALID_MESSAGE', message: 'The message is empty', id };
      if (text.length > MAX_TEXT) return { error: 'MESSAGE_TOO_LONG', message: `A message has at most ${MAX_TEXT} characters; split it`, id };
      return { type: 'message', id, text };
    }
    default:
      return { error: 'UNKNOWN_FRAME', message: 'Frame types: hello, profile, message, ping' };
  }
}

/** The visitor's proof of a conversation: derived from the channel secret, so no session table is needed. */
export function visitorToken(secret: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`chat:${conversationId}`).digest('base64url').slice(0, 32);
}

export function validVisitor(secret: string, conversationId: string | undefined, token: string | undefined): boolean {
  if (!conversationId || !token || !ID.test(conversationId)) return false;
  const a = Buffer.from(visitorToken(secret, conversationId));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const chatThreadKey = (conversationId: string) => `chat:${conversationId}`;

/** At most `limit` events per `windowMs` (a sliding log of timestamps, per socket). */
export function allowMore(log: number[], now: number, limit: number, windowMs: number): boolean {
  while (log.length && log[0] <= now - windowMs) log.shift();
  if (log.length >= limit) return false;
  log.push(now);
  return true;
}
