import type { TicketEventInput } from '../../tickets';
import type { ClockState, FiredClock } from './sweep-repository';

// What a fired clock says (pure): its ticket event and the ticket's new SLA summary.

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

export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'achieved';

/**
 * A ticket's SLA summary from all its clocks: the soonest due time of the running ones and the worst
 * state among them; paused when every unachieved clock is paused; achieved when none is left running.
 */
export function summarize(clocks: Omit<ClockState, 'ticket_id'>[]): { dueAt: Date | null; state: SlaState | null } {
  if (!clocks.length) return { dueAt: null, state: null };
  const open = clocks.filter((c) => !c.achieved_at);
  if (!open.length) return { dueAt: null, state: 'achieved' };
  const running = open.filter((c) => !c.paused_since && c.due_at);
  if (!running.length) return { dueAt: null, state: 'paused' };
  const dueAt = new Date(Math.min(...running.map((c) => c.due_at!.getTime())));
  const state = running.some((c) => c.breached_at) ? 'breached' : running.some((c) => c.warned_at) ? 'warning' : 'ok';
  return { dueAt, state };
}
