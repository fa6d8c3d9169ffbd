import type { TFunction } from 'i18next';
import type { Notification } from '../api/types';
import { systemReasonText } from '../dispatch/system-reasons';

// What a notification says, in the interface language: who did what on which ticket.

export interface NotificationData {
  number?: number;
  title?: string;
  by?: string;
  excerpt?: string;
  reason?: string;
}

/** Who did it: a system actor's name ('dispatch', 'automation' …) in the interface language, else as given. */
const byName = (by: string | undefined, t: TFunction): string | undefined =>
  by === undefined ? undefined : t(`timeline.systemActors.${by}`, { defaultValue: by });


/** Why (an assigned / unassigned job): the system's own reasons (超时未接单, 转派 …) in the reader's language, a person's own as written. */
export function notificationReason(n: Notification, t: TFunction): string | undefined {
  const d = n.data as NotificationData;
  return typeof d.reason === 'string' && d.reason ? systemReasonText(d.reason, t, n.data as Record<string, unknown>) : undefined;
}

export function notificationText(n: Notification, t: TFunction): string {
  const d = n.data as NotificationData;
  // a notice about something else than a ticket (a contract ending) brings its own words in `data`
  const vars = { ...(n.data as object), by: byName(d.by, t) ?? t('timeline.system'), reason: notificationReason(n, t), number: d.number ?? '', title: d.title ?? '' };
  return t(`notifications.kind.${n.kind}`, { ...vars, defaultValue: t('notifications.kind.other', vars) });
}

/**
 * The bell's short form, read at a glance in a narrow pop-up: the kind first (提到了你 / 分配给你 …, so a
 * mention and an assignment never look alike however the line is cut), then who, then the ticket.
 */
export function notificationBrief(n: Notification, t: TFunction): { kind: string; by: string; subject: string } {
  const d = n.data as NotificationData;
  return {
    kind: t(`notifications.short.${n.kind}`, { defaultValue: t('notifications.short.other') }),
    by: byName(d.by, t) ?? '',
    subject: [d.number ? `#${d.number}` : '', d.title ?? ''].filter(Boolean).join(' '),
  };
}

export const notificationLink = (n: Notification): string | null => {
  const d = n.data as NotificationData;
  if (n.kind === 'stock_low') return '/inventory';
  if (n.kind === 'contract_expiring') return '/admin/maintenance/contracts';
  if (d.number) return `/tickets/${d.number}`;
  return n.ticketId ? `/tickets/${n.ticketId}` : null;
};

/** New notifications first, each once (a live one may also arrive in a re-fetched page). */
export function mergeNotifications(current: Notification[], incoming: Notification[]): Notification[] {
  const seen = new Set<string>();
  return [...incoming, ...current]
    .filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

// The bell and the notification center each show the unread count; a change in one tells the other.
// `from` names who changed them, so it does not re-fetch its own change.
type ChangeListener = (from: unknown) => void;
const listeners = new Set<ChangeListener>();
export const onNotificationsChanged = (fn: ChangeListener) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};
export const notificationsChanged = (from?: unknown) => listeners.forEach((fn) => fn(from));
