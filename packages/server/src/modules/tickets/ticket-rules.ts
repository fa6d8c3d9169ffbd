import type { Actor } from '../identity';

// Pure rules of the ticket lifecycle: statuses, allowed transitions, priorities, link kinds.
export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['web', 'email', 'phone', 'chat', 'api', 'portal', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot', 'sms', 'preventive', 'telemetry'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LINK_KINDS = ['duplicate_of', 'related', 'caused_by'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const TRANSITIONS: Record<Status, Status[]> = {
  new: ['open', 'pending', 'on_hold', 'resolved', 'closed'],
  open: ['pending', 'on_hold', 'resolved', 'closed'],
  pending: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending', 'resolved', 'closed'],
  // reopen: a resolved or closed ticket goes back to open
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Null when allowed, else the reason. Customers may only confirm (close) or reopen a resolved ticket. */
export function transitionProblem(from: Status, to: Status, actor: Pick<Actor, 'role'>): string | null {
  if (from === to) return null;
  if (!TRANSITIONS[from].includes(to)) return `A ticket cannot go from ${from} to ${to}; allowed: ${TRANSITIONS[from].join(', ')}`;
  if (actor.role === 'customer' && !(from === 'resolved' && (to === 'open' || to === 'closed')))
    return 'A customer can only reopen or close a resolved ticket';
  return null;
}

/** Timestamps that follow a status change; reopening also clears the resolution note (the next resolution writes its own). */
export function statusTimestamps(to: Status, now: Date): { resolved_at?: Date | null; closed_at?: Date | null; resolution?: null } {
  if (to === 'resolved') return { resolved_at: now, closed_at: null };
  if (to === 'closed') return { closed_at: now };
  return { resolved_at: null, closed_at: null, resolution: null };
}

/** A customer replying to a ticket that waits for them, or was resolved, puts it back to open. */
export function statusAfterCustomerReply(current: Status): Status {
  return current === 'pending' || current === 'resolved' ? 'open' : current;
}

export function normalizeTags(tags: string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const v = t.trim().toLowerCase().replace(/\s+/g, '-');
    if (v) out.add(v.slice(0, 64));
  }
  return [...out];
}

/** @mentions written as @email in a comment, in addition to the ids the editor sends. */
export function mentionedEmails(text: string): string[] {
  return [...new Set([...text.matchAll(/(?:^|[\s(（:：,，])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g)].map((m) => m[1].toLowerCase()))];
}

/**
 * Required custom fields are for staff saving a ticket (console, API keys). A customer writing in —
 * through a channel (the system actor of the intake), the portal or the public form — cannot be
 * refused because an agent's form has a required field: the ticket is created incomplete instead.
 */
export function fieldCheckOf(actor: Pick<Actor, 'type' | 'role'>): 'create' | 'intake' {
  return actor.type === 'system' || actor.role === 'customer' ? 'intake' : 'create';
}
