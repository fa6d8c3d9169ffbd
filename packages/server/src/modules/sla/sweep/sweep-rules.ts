import type { TicketEventInput } from '../../tickets';
import type { FiredClock } from './sweep-repository';

// What a fired clock says (pure): its ticket event.

type EventActor = TicketEventInput['actor'];

export const SLA_WARNING = 'sla.warning';
export const SLA_BREACHED = 'sla.breached';
export type SlaEventKind = typeof SLA_WARNING | typeof SLA_BREACHED;

/** The share of the target left at the warning when the clock's policy is gone. */
export const DEFAULT_WARN_REMAINING = 0.3;

/**
 * Minutes left at a warning fired at `now`. Calendar time: until the due time. Business time: the
 * share of the target the warning stands for (what is left at its moment; the sweep fires within a
 * second of it), never more than the wall-clock minutes to the due time (a late warning).
 */
export function remainingMinutes(c: Pick<FiredClock, 'due_at' | 'target_minutes' | 'business' | 'warn_remaining'>, now: Date): number {
  const wall = Math.max(0, Math.ceil((c.due_at.getTime() - now.getTime()) / 60_000));
  if (!c.business) return wall;
  return Math.min(wall, Math.round(c.target_minutes * (c.warn_remaining ?? DEFAULT_WARN_REMAINING)));
}

export interface SlaEvent {
  ticketId: string;
  kind: SlaEventKind;
  actor: EventActor;
  channel: string;
  at: Date;
  internal: boolean;
  data: Record<string, unknown>;
}

/**
 * The ticket event of a fired clock. Its data names the metric (the console words it: 首次响应 即将超时 /
 * 已超时), the due time, the policy by id and name, and the clock's version (one event per version).
 */
export function slaEvent(actor: EventActor, kind: SlaEventKind, c: FiredClock, now: Date): SlaEvent {
  const data: Record<string, unknown> = {
    metric: c.metric,
    dueAt: c.due_at.toISOString(),
    policyId: c.policy_id,
    policyName: c.policy_name,
    ...(kind === SLA_WARNING ? { remainingMinutes: remainingMinutes(c, now) } : {}),
    version: c.version,
  };
  return { ticketId: c.ticket_id, kind, actor, channel: 'api', at: now, internal: true, data };
}
