import { clipPauses, momentAfter, pausedMinutes, stretchesIn, type Pause } from './clock-math';
import type { ClockCalendar, ClockTicket, ComputedClock, FirstResponseOn, SlaEvent, SlaMetric, Target } from './sla-types';

// A ticket's clocks computed from its history alone (creation and the ordered events), never from
// "now": the same history gives the same clocks, so a recomputation after a change of priority,
// category or policy is a replay with the new targets.
//
// - first_response: creation → the first public staff reply. Under a policy's 受理即响应
//   (firstResponseOn 'accept') also → the ticket taken: its first status other than 待受理 `new` (接单 or
//   an agent's status change), whichever comes first. A ticket created in another status than `new`
//   (an agent logging it as 处理中 or 待客户反馈) was taken when it was made: achieved at creation.
// - next_response: a customer message after the last public staff reply opens a cycle, the next public
//   staff reply achieves it; only the latest cycle is kept (its number in `cycle`).
// - resolution: creation → resolved. A reopened ticket continues its clock: the time it spent resolved
//   or closed counts as paused, and it is achieved again when resolved again.
// - on_site (field jobs only): creation → the engineer on site: the first 签到 from the phone (its time),
//   or, for a job never worked from the phone, dispatch's start of work (see clocks/ticket-clock-input.ts).
//   按约上门: once a visit is booked with the customer (预约上门, before the arrival), the engineer is due
//   by the end of the latest booked window instead of the target's time — the customer's appointment,
//   later or sooner; its warning comes the target's warning share before it.
// Resolving or closing a ticket also ends its response and on-site clocks (nothing is owed any more).
// The pause statuses (default 待客户反馈 pending, 挂起 on_hold) stop every clock; paused time, counted in
// the target's minutes, extends the due time.

const DONE = new Set(['resolved', 'closed']);

export interface ClockInput {
  ticket: ClockTicket;
  events: SlaEvent[];
  targets: Partial<Record<SlaMetric, Target>>;
  warnRemaining: number;
  /** the policy's calendar for business targets */
  calendar: ClockCalendar;
  wallClock: ClockCalendar;
  pauseStatuses: string[];
  /** the policy's first-response rule: 'reply' (the first public staff reply) or 'accept' (受理即响应) */
  firstResponseOn: FirstResponseOn;
}

interface Span {
  cycle: number;
  start: Date;
  achievedAt: Date | null;
  /** on_site: the end of the window booked with the customer (the latest booking before the arrival) */
  bookedUntil?: Date;
}

function statusSegments(ticket: ClockTicket, events: SlaEvent[]) {
  const segments = [{ from: ticket.createdAt, status: ticket.initialStatus }];
  for (const e of events) if (e.kind === 'status') segments.push({ from: e.at, status: e.to });
  return segments;
}

/** 受理: the first moment the ticket was in another status than 待受理 `new` (its creation when made so). */
function takenAt(segments: { from: Date; status: string }[]): Date | null {
  return segments.find((s) => s.status !== 'new')?.from ?? null;
}

/** The first moment at or after `from` when the ticket became resolved or closed. */
function doneAfter(segments: { from: Date; status: string }[], from: Date): Date | null {
  for (const s of segments) if (DONE.has(s.status) && s.from.getTime() >= from.getTime()) return s.from;
  return null;
}

const first = (...ds: (Date | null)[]) => ds.filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

function spans(ticket: ClockTicket, events: SlaEvent[], segments: { from: Date; status: string }[], firstResponseOn: FirstResponseOn): Partial<Record<SlaMetric, Span>> {
  const created = ticket.createdAt;
  const firstOf = (kind: SlaEvent['kind']) => events.find((e) => e.kind === kind)?.at ?? null;
  const taken = firstResponseOn === 'accept' ? takenAt(segments) : null;
  const out: Partial<Record<SlaMetric, Span>> = {
    first_response: { cycle: 1, start: created, achievedAt: first(firstOf('staff_reply'), doneAfter(segments, created), taken) },
  };
  // resolution: achieved when the history ends resolved or closed, at the start of that last stretch
  const last = segments[segments.length - 1];
  let end: Date | null = null;
  if (DONE.has(last.status)) {
    end = last.from;
    for (let i = segments.length - 1; i >= 0 && DONE.has(segments[i].status); i--) end = segments[i].from;
  }
  out.resolution = { cycle: 1, start: created, achievedAt: end };
  if (ticket.onSite) {
    const achievedAt = first(firstOf('on_site'), doneAfter(segments, created));
    let bookedUntil: Date | undefined;
    for (const e of events) if (e.kind === 'visit_booked' && (!achievedAt || e.at.getTime() <= achievedAt.getTime())) bookedUntil = e.until;
    out.on_site = { cycle: 1, start: created, achievedAt, ...(bookedUntil ? { bookedUntil } : {}) };
  }
  // next_response: cycles of customer messages after a staff reply
  let replied = false;
  let cycle = 0;
  let open: Span | null = null;
  for (const e of events) {
    if (e.kind === 'staff_reply') {
      replied = true;
      if (open && !open.achievedAt) open.achievedAt = e.at;
    } else if (e.kind === 'customer_message' && replied && (!open || open.achievedAt)) {
      open = { cycle: ++cycle, start: e.at, achievedAt: null };
    }
  }
  if (open) {
    open.achievedAt = first(open.achievedAt, doneAfter(segments, open.start));
    out.next_response = open;
  }
  return out;
}

/** The clocks of one ticket under the given targets (metrics without a target have no clock). */
export function computeClocks(input: ClockInput): ComputedClock[] {
  const segments = statusSegments(input.ticket, input.events);
  const paused = new Set(input.pauseStatuses);
  const basePauses = stretchesIn(segments, paused);
  const resolutionPauses = stretchesIn(segments, new Set([...paused, ...DONE]));
  const all = spans(input.ticket, input.events, segments, input.firstResponseOn);
  const clocks: ComputedClock[] = [];
  for (const [metric, span] of Object.entries(all) as [SlaMetric, Span][]) {
    const target = input.targets[metric];
    if (!target || !(target.minutes > 0)) continue;
    const cal = target.business ? input.calendar : input.wallClock;
    const pauses: Pause[] = clipPauses(metric === 'resolution' ? resolutionPauses : basePauses, span.start, span.achievedAt);
    const open = pauses.length && !pauses[pauses.length - 1].to ? pauses[pauses.length - 1] : null;
    const warnMinutes = target.minutes * (1 - input.warnRemaining);
    const booked = span.bookedUntil;
    clocks.push({
      metric,
      targetMinutes: target.minutes,
      business: target.business,
      cycle: span.cycle,
      startedAt: span.start,
      // an appointment is a moment: paused, it is not known when the ticket runs again
      dueAt: booked ? (open ? null : booked) : momentAfter(cal, span.start, target.minutes, pauses),
      warnAt: booked ? (open ? null : new Date(Math.max(span.start.getTime(), booked.getTime() - target.minutes * input.warnRemaining * 60_000))) : momentAfter(cal, span.start, warnMinutes, pauses),
      pausedSince: open ? open.from : null,
      pausedMinutes: pausedMinutes(cal, span.start, pauses),
      achievedAt: span.achievedAt,
    });
  }
  return clocks;
}
