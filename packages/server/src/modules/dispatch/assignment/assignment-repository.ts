import type { Queryable } from '../../../platform/db/database';
import type { WorkKind } from '../engine/types';
import { SYSTEM_REASONS } from './reasons';

// dispatch_assignments: every offer (派单) and what became of it. The partial unique index
// dispatch_assignments_live keeps at most one live assignment per ticket, whatever the processes do.

export type AssignmentState = 'offered' | 'accepted' | 'started' | 'declined' | 'expired' | 'handed_back' | 'released';
export const LIVE_STATES: AssignmentState[] = ['offered', 'accepted', 'started'];

export interface AssignmentRow {
  id: string;
  ticket_id: string;
  user_id: string;
  kind: WorkKind;
  state: AssignmentState;
  mode: string;
  decided_by: string | null;
  override_reason: string | null;
  decision: Record<string, unknown>;
  offered_at: Date;
  respond_by: Date | null;
  accepted_at: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
  /** the minutes on site dispatch planned a visit with (null: not a visit) */
  expected_minutes: number | null;
}

const COLS = 'id, ticket_id, user_id, kind, state, mode, decided_by, override_reason, decision, offered_at, respond_by, accepted_at, ended_at, end_reason, expected_minutes';
const LIVE = `state IN ('offered', 'accepted', 'started')`;
/** an assignment released because the ticket was resolved or closed in the person's hands: work done */
export const DONE_REASONS: string[] = [SYSTEM_REASONS.resolved, SYSTEM_REASONS.closed];
const DEFAULT_VISIT_MINUTES = 60;
const DESK_MINUTES = 20;
/** The minutes of work an assignment counts for (recentWork's SQL counts the same). */
export const workMinutes = (a: Pick<AssignmentRow, 'kind' | 'expected_minutes'>) => (a.kind === 'field' ? (a.expected_minutes ?? DEFAULT_VISIT_MINUTES) : DESK_MINUTES);
/** not a visit booked for a later day than the one ending at $1 (it counts on its own day) */
const NOT_LATER = `(booked_start IS NULL OR booked_start < $1)`;
/** Not started yet (offered or accepted). */
const UNSTARTED = `state IN ('offered', 'accepted')`;
/** A shift's end may hand it back: no visit booked with the customer, or its window is over at `param`. */
const windowOver = (param: string) => `(booked_end IS NULL OR booked_end <= ${param})`;

export const assignmentRepository = {
  /** Serialises the decide-and-insert step of one tenant across processes until the transaction ends. */
  async lockTenant(q: Queryable, tenantId: string): Promise<void> {
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dispatch:${tenantId}`]);
  },

  /** `expected_minutes`: the minutes on site dispatch planned a visit with (null: not a visit);
   * `given_off_shift`: the person was off shift when given it; `booked`: the visit's window booked with the customer. */
  async insert(
    q: Queryable,
    a: Omit<AssignmentRow, 'accepted_at' | 'ended_at' | 'end_reason'> & {
      tenant_id: string;
      accepted_at?: Date | null;
      expected_minutes: number | null;
      given_off_shift: boolean;
      booked: { start: Date; end: Date } | null;
    },
  ): Promise<AssignmentRow> {
    const [row] = await q.query<AssignmentRow>(
      `INSERT INTO dispatch_assignments (id, tenant_id, ticket_id, user_id, kind, state, mode, decided_by, override_reason, decision, offered_at, respond_by, accepted_at, expected_minutes, given_off_shift, booked_start, booked_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING ${COLS}`,
      [
        a.id, a.tenant_id, a.ticket_id, a.user_id, a.kind, a.state, a.mode, a.decided_by, a.override_reason, JSON.stringify(a.decision), a.offered_at, a.respond_by, a.accepted_at ?? null,
        a.expected_minutes, a.given_off_shift, a.booked?.start ?? null, a.booked?.end ?? null,
      ],
    );
    return row;
  },

  async live(q: Queryable, ticketId: string, opts: { forUpdate?: boolean } = {}): Promise<AssignmentRow | undefined> {
    const [row] = await q.query<AssignmentRow>(`SELECT ${COLS} FROM dispatch_assignments WHERE ticket_id = $1 AND ${LIVE}${opts.forUpdate ? ' FOR UPDATE' : ''}`, [ticketId]);
    return row;
  },

  /** Of these tickets, those offered to this person and not yet accepted, with the time to answer by. */
  async offeredTo(q: Queryable, userId: string, ticketIds: string[]): Promise<{ ticket_id: string; respond_by: Date | null }[]> {
    if (!ticketIds.length) return [];
    return q.query(`SELECT ticket_id, respond_by FROM dispatch_assignments WHERE user_id = $1 AND ticket_id = ANY($2::uuid[]) AND state = 'offered'`, [userId, ticketIds]);
  },

  /** The live assignments of these tickets (at most one each). */
  async liveByTicket(q: Queryable, ticketIds: string[]): Promise<AssignmentRow[]> {
    if (!ticketIds.length) return [];
    return q.query<AssignmentRow>(`SELECT ${COLS} FROM dispatch_assignments WHERE ticket_id = ANY($1::uuid[]) AND ${LIVE}`, [ticketIds]);
  },

  /** Which of these tickets have a live assignment. */
  async liveTicketIds(q: Queryable, ticketIds: string[]): Promise<Set<string>> {
    if (!ticketIds.length) return new Set();
    const rows = await q.query<{ ticket_id: string }>(`SELECT ticket_id FROM dispatch_assignments WHERE ticket_id = ANY($1::uuid[]) AND ${LIVE}`, [ticketIds]);
    return new Set(rows.map((r) => r.ticket_id));
  },

  /** A ticket's assignments, newest first. */
  async history(q: Queryable, ticketId: string, limit = 50): Promise<AssignmentRow[]> {
    return q.query<AssignmentRow>(`SELECT ${COLS} FROM dispatch_assignments WHERE ticket_id = $1 ORDER BY offered_at DESC, id DESC LIMIT $2`, [ticketId, limit]);
  },

  /** People who declined this ticket or let an offer of it expire: not offered it again. */
  async refusedBy(q: Queryable, ticketIds: string[]): Promise<{ ticket_id: string; user_id: string; state: 'declined' | 'expired'; reason: string | null }[]> {
    if (!ticketIds.length) return [];
    // the latest refusal of each person per ticket
    return q.query(
      `SELECT DISTINCT ON (ticket_id, user_id) ticket_id, user_id, state, end_reason AS reason FROM dispatch_assignments
       WHERE ticket_id = ANY($1::uuid[]) AND state IN ('declined', 'expired') ORDER BY ticket_id, user_id, ended_at DESC NULLS LAST`,
      [ticketIds],
    );
  },

  /** 每日上限: per person and kind, the work given since `since` (the day's start) that is still theirs or
   * was done in their hands — as recentWork counts it: declined, expired, handed back or moved is not. */
  async takenSince(q: Queryable, since: Date): Promise<{ user_id: string; kind: WorkKind; n: number }[]> {
    return q.query(
      `SELECT user_id, kind, count(*)::int AS n FROM dispatch_assignments
       WHERE tenant_id = current_tenant_id() AND offered_at >= $1 AND (${LIVE} OR (state = 'released' AND end_reason = ANY($2::text[])))
       GROUP BY user_id, kind`,
      [since, DONE_REASONS],
    );
  },

  /** Live work in hand per person and kind. */
  async liveLoads(q: Queryable, dayEnd: Date): Promise<{ user_id: string; kind: WorkKind; n: number }[]> {
    return q.query(`SELECT user_id, kind, count(*)::int AS n FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND ${LIVE} AND ${NOT_LATER} GROUP BY user_id, kind`, [dayEnd]);
  },

  /** Per person: minutes of work given since `since` (a visit its expected minutes on site, 60 when not kept; other work 20) and their last offer. */
  /**
   * Each person's work given since `since` (the fairness term): what they hold now and what they finished
   * (the ticket resolved or closed in their hands), in the minutes `workMinutes` counts. Work declined, let
   * expire, handed back or moved to someone else is not theirs. `last_at`: their last offer (round robin).
   */
  async recentWork(q: Queryable, since: Date): Promise<{ user_id: string; minutes: number; last_at: Date }[]> {
    return q.query(
      `SELECT user_id, coalesce(sum(CASE kind WHEN 'field' THEN coalesce(expected_minutes, ${DEFAULT_VISIT_MINUTES}) ELSE ${DESK_MINUTES} END)
           FILTER (WHERE offered_at >= $1 AND (${LIVE} OR (state = 'released' AND end_reason = ANY($2::text[])))), 0)::int AS minutes,
         max(offered_at) AS last_at
       FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND offered_at >= $1::timestamptz - interval '7 days' GROUP BY user_id`,
      [since, DONE_REASONS],
    );
  },

  async end(q: Queryable, id: string, state: AssignmentState, at: Date, reason: string | null): Promise<void> {
    await q.query(`UPDATE dispatch_assignments SET state = $2, ended_at = $3, end_reason = $4 WHERE id = $1`, [id, state, at, reason]);
  },

  async setState(q: Queryable, id: string, state: 'accepted' | 'started', at: Date): Promise<void> {
    await q.query(`UPDATE dispatch_assignments SET state = $2, accepted_at = coalesce(accepted_at, $3) WHERE id = $1`, [id, state, at]);
  },

  /** Offers past their time, a bounded batch, skipping rows another process holds. */
  async dueOffers(q: Queryable, now: Date, limit: number): Promise<AssignmentRow[]> {
    return q.query<AssignmentRow>(
      `SELECT ${COLS} FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND state = 'offered' AND respond_by <= $1 AND NOT given_off_shift
       ORDER BY respond_by LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  },

  /** A person's live work not yet started (offered or accepted) that a shift's end hands back: not a visit
   * booked with the customer for a window not yet over (it stays with its engineer), nor work given them
   * while off shift that they have not been on shift for since. */
  async unstartedOf(q: Queryable, userIds: string[], now: Date): Promise<AssignmentRow[]> {
    if (!userIds.length) return [];
    return q.query<AssignmentRow>(
      `SELECT ${COLS} FROM dispatch_assignments WHERE user_id = ANY($1::uuid[]) AND ${UNSTARTED} AND ${windowOver('$2')} AND NOT given_off_shift FOR UPDATE`,
      [userIds, now],
    );
  },

  /** People with live work not yet started that a shift's end would hand back (as unstartedOf), or that
   * was given them while off shift (seen on shift, it becomes like any other). */
  async peopleWithUnstarted(q: Queryable, now: Date): Promise<string[]> {
    const rows = await q.query<{ user_id: string }>(
      `SELECT DISTINCT user_id FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND ${UNSTARTED} AND (given_off_shift OR ${windowOver('$1')})`,
      [now],
    );
    return rows.map((r) => r.user_id);
  },

  /** The tenant's live on-site work: who holds which ticket, started or not, since when, on site since when. */
  async liveField(q: Queryable, dayEnd: Date): Promise<{ user_id: string; ticket_id: string; state: AssignmentState; offered_at: Date; on_site_at: Date | null; expected_minutes: number | null; booked_start: Date | null }[]> {
    return q.query(`SELECT user_id, ticket_id, state, offered_at, on_site_at, expected_minutes, booked_start FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND kind = 'field' AND ${LIVE} AND ${NOT_LATER}`, [dayEnd]);
  },

  /** These people are on shift at `now`: the work given them while they were off is now like any other,
   * and the time to answer an offer of it (接单) starts now. */
  async seenOnShift(q: Queryable, userIds: string[], now: Date): Promise<void> {
    if (!userIds.length) return;
    await q.query(
      `UPDATE dispatch_assignments SET given_off_shift = false,
         respond_by = CASE WHEN state = 'offered' AND respond_by IS NOT NULL THEN $2::timestamptz + (respond_by - offered_at) ELSE respond_by END
       WHERE user_id = ANY($1::uuid[]) AND given_off_shift AND ${LIVE}`,
      [userIds, now],
    );
  },

  /** The visit of this assignment was booked with the customer for this window. */
  async setBooked(q: Queryable, id: string, start: Date, end: Date): Promise<void> {
    await q.query(`UPDATE dispatch_assignments SET booked_start = $2, booked_end = $3 WHERE id = $1`, [id, start, end]);
  },

  /** The engineer checked in on site at `at` (the first check-in counts). */
  async setOnSite(q: Queryable, id: string, at: Date): Promise<void> {
    await q.query(`UPDATE dispatch_assignments SET on_site_at = coalesce(on_site_at, $2) WHERE id = $1`, [id, at]);
  },

  /** The tenant's live assignments, each person's current job first (the board's current jobs, the day plans' jobs). */
  async liveOf(q: Queryable, now: Date): Promise<AssignmentRow[]> {
    // each person's current job first: the visit under way, else work not booked for later, newest first
    return q.query<AssignmentRow>(
      `SELECT ${COLS} FROM dispatch_assignments WHERE tenant_id = current_tenant_id() AND ${LIVE}
       ORDER BY (state = 'started') DESC, (booked_start IS NOT NULL AND booked_start > $1) ASC, offered_at DESC`,
      [now],
    );
  },

  /** System transaction: tenants with offers past due, queued tickets, or unstarted work (shifts may have ended). */
  async tenantsWithWork(q: Queryable): Promise<string[]> {
    const rows = await q.query<{ tenant_id: string }>(
      `SELECT tenant_id FROM dispatch_queue UNION SELECT tenant_id FROM dispatch_assignments WHERE ${UNSTARTED}`,
    );
    return rows.map((r) => r.tenant_id);
  },
};
