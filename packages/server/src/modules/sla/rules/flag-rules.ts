import type { ComputedClock, SlaState } from './sla-types';

// What a recomputation does to the moments already fired by the sweep, and the state a clock shows.
// A fired warning or breach is kept while the new clock is still past its moment (at the clock's end,
// or now for a running clock) and cleared when the clock now has time left, so the sweep fires it
// again at the new moment. A clock that ended after its due time without a fired breach (a new,
// shorter target applied afterwards) is recorded breached at its due time, without an event: the
// moment has passed and nobody can act on it any more. A new next-response cycle starts unflagged.

export interface FiredFlags {
  cycle: number;
  warnedAt: Date | null;
  breachedAt: Date | null;
  escalationLevel: number;
}

const atOrBefore = (moment: Date | null, end: Date) => !!moment && moment.getTime() <= end.getTime();

export function carryFlags(c: ComputedClock, prev: FiredFlags | null, now: Date): Omit<FiredFlags, 'cycle'> {
  const end = c.achievedAt ?? now;
  const same = prev && prev.cycle === c.cycle;
  const warnedAt = same && prev.warnedAt && atOrBefore(c.warnAt, end) ? prev.warnedAt : null;
  let breachedAt = same && prev.breachedAt && atOrBefore(c.dueAt, end) ? prev.breachedAt : null;
  if (!breachedAt && c.achievedAt && c.dueAt && c.dueAt.getTime() < c.achievedAt.getTime()) breachedAt = c.dueAt;
  const escalationLevel = same && (warnedAt || breachedAt) ? prev.escalationLevel : 0;
  return { warnedAt, breachedAt, escalationLevel };
}

export interface ClockWithFlags {
  dueAt: Date | null;
  warnAt: Date | null;
  pausedSince: Date | null;
  achievedAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

/** The state a clock shows at `now`. */
export function clockState(c: ClockWithFlags, now: Date): SlaState {
  if (c.achievedAt) return 'achieved';
  if (c.breachedAt) return 'breached';
  if (c.pausedSince) return 'paused';
  if (atOrBefore(c.dueAt, now)) return 'breached';
  if (c.warnedAt || atOrBefore(c.warnAt, now)) return 'warning';
  return 'ok';
}

const RANK: Record<SlaState, number> = { breached: 4, warning: 3, ok: 2, paused: 1, achieved: 0 };

/**
 * The ticket's summary (tickets.sla_due_at / sla_state): its most urgent running clock. The due time
 * is the soonest of the running clocks (null when all are paused); the state the worst of them;
 * 'achieved' when every clock has ended; null when no clock applies.
 */
export function slaSummary(clocks: ClockWithFlags[], now: Date): { dueAt: Date | null; state: SlaState } | null {
  if (!clocks.length) return null;
  const running = clocks.filter((c) => !c.achievedAt);
  if (!running.length) return { dueAt: null, state: 'achieved' };
  let state: SlaState = 'paused';
  let dueAt: Date | null = null;
  for (const c of running) {
    const s = clockState(c, now);
    if (RANK[s] > RANK[state]) state = s;
    if (!c.pausedSince && c.dueAt && (!dueAt || c.dueAt < dueAt)) dueAt = c.dueAt;
  }
  return { dueAt, state };
}
