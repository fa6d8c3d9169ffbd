// Deflection (自助解决): a portal visitor who came with a problem, read an article, and did not write to
// anyone. Computed from the portal's events (assist_events, recorded through recordPortalEvent):
//
// - A session seeks help from its first `search` or `request_started` event (its start). Sessions that
//   only read articles (came from a link, browsed the FAQ) are not counted at all.
// - The session's first `article_view` at or after its start and no later than 24 h after it is its view.
// - deflected: it has a view, no `request_submitted` between its start and 24 h after the view, and
//   those 24 h have passed.
// - pending: it has a view, no submission yet, and the 24 h after the view have not passed (counted
//   nowhere until they have).
// - submitted: a `request_submitted` between its start and 24 h after its view (or, without a view,
//   at any time after its start): the customer wrote to the service team.
// - abandoned: no view and no submission (searched or began a request, read nothing, left).
//
// Deflection rate = deflected ÷ (deflected + submitted + abandoned), over the sessions that started in
// the period. A submission more than 24 h after the view is a new matter: the session stays deflected.

export const WINDOW_MS = 24 * 3_600_000;

export type PortalKind = 'search' | 'article_view' | 'request_started' | 'request_submitted';
export type Outcome = 'deflected' | 'pending' | 'submitted' | 'abandoned';

export interface PortalEvent {
  kind: PortalKind;
  at: Date;
}

/** The session's start (first search or request started), or null when it never sought help. */
export function sessionStart(events: PortalEvent[]): Date | null {
  let start: Date | null = null;
  for (const e of events) if ((e.kind === 'search' || e.kind === 'request_started') && (!start || e.at < start)) start = e.at;
  return start;
}

/** What became of one session (its events in any order), as of `now`; null when it never sought help. */
export function deflectionOutcome(events: PortalEvent[], now: Date): Outcome | null {
  const start = sessionStart(events);
  if (!start) return null;
  const t0 = start.getTime();
  const views = events.filter((e) => e.kind === 'article_view' && e.at.getTime() >= t0 && e.at.getTime() <= t0 + WINDOW_MS).map((e) => e.at.getTime());
  const submissions = events.filter((e) => e.kind === 'request_submitted' && e.at.getTime() >= t0).map((e) => e.at.getTime());
  if (!views.length) return submissions.length ? 'submitted' : 'abandoned';
  const view = Math.min(...views);
  if (submissions.some((s) => s <= view + WINDOW_MS)) return 'submitted';
  return now.getTime() >= view + WINDOW_MS ? 'deflected' : 'pending';
}

export interface DeflectionSummary {
  /** sessions that sought help and started in the period */
  sessions: number;
  deflected: number;
  submitted: number;
  abandoned: number;
  pending: number;
  /** deflected ÷ (deflected + submitted + abandoned); null when there is none */
  rate: number | null;
  /** portal searches made in the period */
  searches: number;
}

/** The deflection figures of the sessions starting in [from, to), from their events (any order, all sessions mixed). */
export function summarizeDeflection(events: (PortalEvent & { sessionId: string })[], from: Date, to: Date, now: Date): DeflectionSummary {
  const bySession = new Map<string, PortalEvent[]>();
  let searches = 0;
  for (const e of events) {
    if (e.kind === 'search' && e.at >= from && e.at < to) searches++;
    const list = bySession.get(e.sessionId);
    if (list) list.push(e);
    else bySession.set(e.sessionId, [e]);
  }
  const s = { sessions: 0, deflected: 0, submitted: 0, abandoned: 0, pending: 0 };
  for (const list of bySession.values()) {
    const start = sessionStart(list);
    if (!start || start < from || start >= to) continue;
    const outcome = deflectionOutcome(list, now)!;
    s.sessions++;
    s[outcome]++;
  }
  const decided = s.deflected + s.submitted + s.abandoned;
  return { ...s, rate: decided ? round(s.deflected / decided) : null, searches };
}

/** A share rounded to four places (0.1234 = 12.34 %). */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
