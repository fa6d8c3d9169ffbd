// The order of a visit's steps (出发 → 签到 → notes, photos, 签字 → 完工) and the check-in distance
// check, as plain functions. Times are the phone's (`at`): a phone replaying its queue after a stretch
// without network is judged by when each step was made, not by when it arrived.

export const STEP_KINDS = ['depart', 'check_in', 'note', 'photo', 'signature', 'complete'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const RESULTS = ['fixed', 'second_visit', 'needs_part'] as const;
export type VisitResult = (typeof RESULTS)[number];
export type VisitStateName = 'planned' | 'en_route' | 'on_site' | 'done';

export interface VisitState {
  state: VisitStateName;
  departedAt: Date | null;
  checkedInAt: Date | null;
}

/**
 * Whose visit it is. One not started yet (planned, booked or not) is the ticket's assignee's: it follows
 * the ticket when the ticket is given to someone else, so the new engineer books and makes it and the
 * previous one no longer can. One under way or done stays with the engineer who made it.
 */
export function visitEngineer(v: { state: VisitStateName; userId: string | null }, assigneeId: string | null): string | null {
  return v.state === 'planned' ? assigneeId : v.userId;
}

export interface StepFacts {
  kind: StepKind;
  at: Date;
  lat?: number | null;
  lng?: number | null;
  text?: string | null;
  fileId?: string | null;
  result?: VisitResult | null;
}

export type StepProblem =
  | { code: 'FIELD_STEP_OUT_OF_ORDER'; message: string }
  | { code: 'FIELD_VISIT_COMPLETED'; message: string }
  | { code: 'VALIDATION_FAILED'; field: string; message: string; issue: 'required' | 'in_future' | 'out_of_range' | 'before_created' };

/** How far ahead of the server's clock a phone's clock may run. */
export const FUTURE_SLACK_MS = 5 * 60_000;
/** How old a queued step may be when it finally arrives. */
export const MAX_AGE_MS = 14 * 24 * 3600_000;

/**
 * How far a step may seem to come before its ticket was created: the phone's clock and the server's
 * disagree by a little (a phone off network keeps its own time), so a check-in stamped a minute before the
 * ticket existed is a clock, not a lie. Anything earlier is refused.
 */
export const CREATED_SKEW_MS = 2 * 60_000;

/** A step dated before its ticket existed (beyond the clock skew above) cannot have happened. */
export function beforeTicketProblem(ticketCreatedAt: Date, s: StepFacts): StepProblem | null {
  if (s.at.getTime() >= ticketCreatedAt.getTime() - CREATED_SKEW_MS) return null;
  return {
    code: 'VALIDATION_FAILED', field: 'at', issue: 'before_created',
    message: `The step's time ${s.at.toISOString()} is before the ticket was created (${ticketCreatedAt.toISOString()}); a step can be at most 2 minutes earlier than that. Check the phone's clock`,
  };
}

/** What a step must carry, whatever the visit's state. */
export function inputProblem(s: StepFacts, now: Date): StepProblem | null {
  const need = (field: string, message: string): StepProblem => ({ code: 'VALIDATION_FAILED', field, message, issue: 'required' });
  if (s.at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { code: 'VALIDATION_FAILED', field: 'at', message: "The step's time is in the future; check the phone's clock", issue: 'in_future' };
  if (s.at.getTime() < now.getTime() - MAX_AGE_MS) return { code: 'VALIDATION_FAILED', field: 'at', message: 'The step is older than 14 days; enter it on the ticket instead', issue: 'out_of_range' };
  switch (s.kind) {
    case 'check_in':
      if (s.lat == null || s.lng == null) return need('lat', 'A check-in (签到) needs the position: lat and lng');
      return null;
    case 'note':
      return s.text?.trim() ? null : need('text', 'A note needs its text');
    case 'photo':
    case 'signature':
      return s.fileId ? null : need('fileId', 'Upload the image as an attachment of the ticket first, then send its id as fileId');
    case 'complete':
      if (!s.result) return need('result', 'Say how the visit ended: fixed, second_visit or needs_part');
      if (s.result !== 'fixed' && !s.text?.trim()) return need('text', s.result === 'needs_part' ? 'Say which part is needed (缺件原因)' : 'Say why a second visit is needed (二次上门原因)');
      return null;
    default:
      return null;
  }
}

/** Whether the step may follow the visit's steps so far (null: it may), judged at the phone's time. */
export function orderProblem(v: VisitState, s: StepFacts): StepProblem | null {
  const late = (what: string): StepProblem => ({ code: 'FIELD_STEP_OUT_OF_ORDER', message: what });
  if (v.state === 'done') return { code: 'FIELD_VISIT_COMPLETED', message: 'This visit is already completed (完工); a new step needs a new visit' };
  switch (s.kind) {
    case 'depart':
      if (v.state === 'on_site') return late('You have already checked in (已签到); departing (出发) comes before it');
      if (v.state === 'en_route') return late('You have already departed (已出发) for this visit');
      return null;
    case 'check_in':
      if (v.state === 'on_site') return late('You have already checked in (已签到) for this visit');
      if (v.departedAt && s.at < v.departedAt) return late('The check-in time is before the departure (出发) time');
      return null;
    case 'note':
      return null;
    case 'photo':
    case 'signature':
    case 'complete':
      if (v.state !== 'on_site' || !v.checkedInAt) return late(`Check in on site (签到) before ${s.kind === 'complete' ? 'completing (完工)' : s.kind === 'photo' ? 'adding photos' : 'the customer signs (签字)'}`);
      if (s.at < v.checkedInAt) return late(`The ${s.kind} time is before the check-in (签到) time`);
      return null;
  }
}

/**
 * A step that would open a new visit on a ticket resolved or closed before the step was made (phone
 * time) is refused; one made before that (a queue replayed late) still counts.
 */
export function finishedTicketProblem(doneAt: Date | null, s: StepFacts): StepProblem | null {
  if (!doneAt || s.at < doneAt) return null;
  return { code: 'FIELD_VISIT_COMPLETED', message: 'This ticket was resolved (已解决) before this step; reopen it to visit again' };
}

/** The visit after the step. */
export function afterStep(v: VisitState, s: StepFacts): VisitState {
  switch (s.kind) {
    case 'depart':
      return { ...v, state: 'en_route', departedAt: s.at };
    case 'check_in':
      return { ...v, state: 'on_site', checkedInAt: s.at };
    case 'complete':
      return { ...v, state: 'done' };
    default:
      return v;
  }
}

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A check-in's distance from the site and whether it is flagged (farther than the radius, allowing for
 * the phone's stated accuracy up to 200 m). Without a site nothing can be measured: not flagged.
 */
export function checkInDistance(site: { lat: number; lng: number } | null, at: { lat: number; lng: number; accuracy?: number | null }, radiusM: number): { distanceM: number | null; flagged: boolean } {
  if (!site) return { distanceM: null, flagged: false };
  const d = distanceM(site, at);
  const slack = Math.min(Math.max(at.accuracy ?? 0, 0), 200);
  return { distanceM: Math.round(d), flagged: d - slack > radiusM };
}
