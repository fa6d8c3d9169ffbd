import type { InboundMessage } from '../../api/intake-types';

// One line about an inbound message from what its transport recorded (meta): who sent it and
// what it is about. Transports name these facts differently; the first ones present are shown.

// a network address says nothing to an agent: it is the last resort, after a mail's envelope sender and lane
const SENDER_KEYS = ['from', 'sender', 'caller', 'fromUser', 'openId', 'userId', 'device', 'serial', 'mailFrom', 'lane', 'remoteAddress'];
const ABOUT_KEYS = ['subject', 'title', 'topic', 'msgType', 'event', 'to'];

const text = (v: unknown): string | null => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.length) return v.map(text).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return text(o.address ?? o.email ?? o.name ?? o.value);
  }
  return null;
};

const first = (meta: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) {
    const v = text(meta[k]);
    if (v) return v;
  }
  return null;
};

export function metaSummary(m: Pick<InboundMessage, 'meta' | 'externalId'>): { sender: string | null; about: string | null } {
  const meta = m.meta ?? {};
  return { sender: first(meta, SENDER_KEYS), about: first(meta, ABOUT_KEYS) };
}
