import { transferInTransaction, type TicketEventInput } from '../../tickets';
import { choose, exclusions, holdUntil, rank } from '../engine';
import type { DecisionContext, Need, Ranking, Strategy } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { resolvePolicy, waitingReason } from './dispatch-rules';
import { loadNeeds, type TicketNeed } from './load-needs';
import { chooseAtOutlet, type OutletDecision } from './outlet-target';
import { queueRepository } from './queue-repository';
import { engineRun, enqueue, notifyNotAccepted, offer, type Run } from './record-steps';

/** `onlyLapsed`: nobody but people who let an offer of it expire qualified (queued `not_accepted`, or offered to one of them again). */
export type Outcome = { ticketId: string; result: 'offered' | 'queued' | 'skipped'; userId?: string; reason?: string; onlyLapsed?: boolean };

const CLOSED = new Set(['resolved', 'closed']);

/**
 * Decides who takes each ticket, by its policy's mode, and records it — with the tenant's dispatch lock
 * held (the caller's transaction took it and read the pool inside it). `fresh`: the tickets were just
 * created (overflow applies; a ticket already queued or assigned was seen before: a redelivery, skipped).
 * Otherwise they come back to dispatch (declined, expired, handed back) or wait in the queue.
 */
export async function dispatchTickets(run: Run, ticketIds: string[], o: { fresh: boolean; batchDue?: boolean }): Promise<Outcome[]> {
  run = engineRun(run);
  const needs = await loadNeeds(run.q, run.pool, ticketIds);
  const live = await assignmentRepository.liveTicketIds(run.q, ticketIds);
  const queued = o.fresh ? await queueRepository.queuedIds(run.q, ticketIds) : new Set<string>();
  const out: Outcome[] = [];
  for (const id of ticketIds) {
    const t = needs.get(id);
    if (!t || live.has(id) || queued.has(id) || CLOSED.has(t.facts.status)) {
      out.push({ ticketId: id, result: 'skipped' });
      continue;
    }
    if (o.fresh && t.facts.assignee_id) {
      // created with an assignee: a person's choice, recorded so that loads stay right
      const r = await offer(run, t, t.facts.assignee_id, { mode: 'manual', acceptTimeoutS: null, decision: { chosen: t.facts.assignee_id, strategy: 'manual', candidates: [], excluded: [] } });
      out.push({ ticketId: id, result: 'offered', userId: r.user_id });
      continue;
    }
    if (o.fresh) await overflow(run, t);
    out.push(await decideOne(run, t, { batchDue: o.batchDue ?? false, fresh: o.fresh }));
  }
  return out;
}

/**
 * 高峰溢出: a new ticket moves to the policy's backup team (once, with the reason on the timeline) only when
 * all of these hold — its own team cannot take it now (the decision there would queue it: manual mode, or
 * nobody eligible with room, or held for a nearer person; a batch ticket waits for its window whoever
 * takes it, so it counts as placed when someone eligible has room); its team's queue has reached the
 * threshold (waiting >= threshold, the console's 排队达到 N 张); and someone in the backup team passes the
 * ticket's hard rules, capacity aside (they may take it from the backup team's queue). A rule that names
 * the team that must go (`teamId`) is not overridden by overflow.
 */
async function overflow(run: Run, t: TicketNeed): Promise<void> {
  const p = t.policy;
  const backup = p.overflow_team_id;
  if (!backup || p.overflow_threshold === null || !t.facts.team_id || backup === t.facts.team_id || ruleTeam(t)) return;
  const waiting = await queueRepository.teamLength(run.q, t.facts.team_id);
  if (waiting < p.overflow_threshold) return;
  if (placeableNow(run, t)) return;
  const backupPolicy = resolvePolicy(run.pool.policies, t.facts.category_id, backup);
  const need = { ...t.need, teamIds: [backup] };
  if (!someoneQualified(run, need, run.pool.ctx(backupPolicy))) return;
  const reason = `溢出：原技能组排队 ${waiting} 单，已达阈值 ${p.overflow_threshold}，转至备用技能组`;
  const detail = { overflow: { waiting, threshold: p.overflow_threshold } };
  await transferInTransaction(run.q, run.actor as TicketEventInput['actor'], t.facts.id, backup, { at: run.at, reason, channel: 'api', detail });
  t.facts.team_id = backup;
  t.need = need;
  t.policy = backupPolicy;
}

/** The team the ticket's rule says must go (it replaces the ticket's team), if any. */
const ruleTeam = (t: TicketNeed) => {
  const v = t.rule?.requirements?.teamId;
  return typeof v === 'string' && v.trim() !== '';
};

/** Whether the decision in the ticket's own team would give it to someone now (not queue it); no side effects. */
function placeableNow(run: Run, t: TicketNeed): boolean {
  const mode = t.policy.mode;
  if (mode === 'manual') return false;
  const ctx = run.pool.ctx(t.policy);
  const { personId } = pick(run, t, t.need, ctx);
  if (!personId) return false;
  if (mode === 'batch' || !HOLDING_MODES.has(mode)) return true;
  return !holdUntil(run.pool.byId.get(personId)!, t.need, run.pool.people, ctx);
}

/** Whether someone passes every hard rule of `need` but capacity (status and shift included). */
function someoneQualified(run: Run, need: Need, ctx: DecisionContext): boolean {
  return run.pool.people.some((person) => exclusions(person, need, ctx).every((e) => e.rule === 'capacity'));
}

const STRATEGY: Record<string, Strategy> = { round_robin: 'round_robin', least_loaded: 'least_loaded', skills: 'skills', scored: 'scored', batch: 'scored' };

/**
 * One ticket by its policy: manual and (new) batch tickets wait in the queue; the others are chosen now —
 * with the target 'outlet' and a site, at the nearest outlet that can do it (its best-scored person;
 * none can: queued as no_outlet); without a site, by the mode over everyone.
 *
 * People who let an offer of it expire (超时未接单, `t.lapsed`) are not excluded for good, unlike those who
 * declined it (拒单): when nobody else eligible can take it now, it is offered again to those of them
 * whose cool-down is over — the policy's accept time again since their offer expired (`readmitted`). Until
 * then it waits in the queue, as `not_accepted` when they are the only ones left who qualify.
 */
export async function decideOne(run: Run, t: TicketNeed, o: { batchDue: boolean; fresh: boolean }): Promise<Outcome> {
  const mode = t.policy.mode;
  if (mode === 'manual') {
    await enqueue(run, t, 'manual');
    return { ticketId: t.facts.id, result: 'queued', reason: 'manual' };
  }
  if (mode === 'batch' && o.fresh) {
    await enqueue(run, t, 'batch', new Date(run.at.getTime() + t.policy.batch_window_s * 1000));
    return { ticketId: t.facts.id, result: 'queued', reason: 'batch' };
  }
  const ctx = run.pool.ctx(t.policy);
  const first = pick(run, t, t.need, ctx);
  if (first.personId) return place(run, t, first, ctx);
  const reason = queueReason(t, first);
  const onlyLapsed = reason === 'not_accepted';
  const again = readmitted(t, run.at);
  if (again.length) {
    const need = withReadmitted(t.need, again);
    const second = pick(run, t, need, ctx);
    if (second.personId) return { ...(await place(run, { ...t, need }, second, ctx)), onlyLapsed };
  }
  await enqueue(run, t, reason);
  return { ticketId: t.facts.id, result: 'queued', reason, onlyLapsed };
}

type Pick = { personId: string | null; ranking: Ranking; outlet?: OutletDecision['outlet'] };

/** Whom the policy chooses for `need` now, without side effects: at the nearest outlet that can do it for the target 'outlet' and a site, else by the mode. */
function pick(run: Run, t: TicketNeed, need: Need, ctx: DecisionContext): Pick {
  const weights = weightsOf(t.policy);
  if (t.policy.target === 'outlet' && need.location) {
    const chosen = chooseAtOutlet(run.pool, need, ctx, weights);
    return chosen ? { personId: chosen.personId, ranking: chosen.ranking, outlet: chosen.outlet } : { personId: null, ranking: rank(run.pool.people, need, ctx, weights) };
  }
  return choose(STRATEGY[t.policy.mode], run.pool.people, need, ctx, weights, run.pool.lastAssignedAt);
}

/** Offers the ticket to the one picked, unless a score-based mode holds it for a nearer person. */
async function place(run: Run, t: TicketNeed, p: Pick, ctx: DecisionContext): Promise<Outcome> {
  const personId = p.personId!;
  const held = await heldForNearer(run, t, personId, ctx);
  if (held) return held;
  const outlet = t.policy.target === 'outlet' && t.need.location;
  const decision = { ...storedDecision(personId, outlet ? 'scored' : STRATEGY[t.policy.mode], p.ranking, run.pool.byId), ...(p.outlet ? { outlet: p.outlet } : {}) };
  await offer(run, t, personId, { mode: t.policy.mode, acceptTimeoutS: t.policy.accept_timeout_s, decision });
  return { ticketId: t.facts.id, result: 'offered', userId: personId };
}

/**
 * Why nobody was picked. `not_accepted`: the only people who qualify (every hard rule but capacity,
 * status and shift) are ones who let an offer of it expire — it was offered to everyone eligible and
 * nobody accepted in time; else the reason of the people not refused (engine ranking, `waitingReason`),
 * and `no_outlet` for the target 'outlet'.
 */
function queueReason(t: TicketNeed, p: Pick): string {
  const outlet = t.policy.target === 'outlet' && t.need.location;
  const reason = outlet ? 'no_outlet' : waitingReason(t.policy.mode, p.ranking);
  if (!t.lapsed.size || (reason !== 'no_one_eligible' && reason !== 'no_outlet')) return reason;
  const { ranking } = p;
  const qualified = (e: Ranking['excluded'][number]) => e.reasons.every((r) => OPEN_RULES.has(r.rule));
  if (ranking.excluded.some(qualified) || ranking.candidates.length) return reason;
  const lapsedLeft = ranking.excluded.some((e) => t.lapsed.has(e.personId) && e.reasons.every((r) => OPEN_RULES.has(r.rule) || r.rule === 'excluded'));
  return lapsedLeft ? 'not_accepted' : reason;
}

/** Rules that only say "not now" (full, away, off shift): someone failing just these qualifies. */
const OPEN_RULES = new Set(['capacity', 'status', 'shift']);

/**
 * Of the people who let an offer of the ticket expire, those whose cool-down is over: the policy's accept
 * time again since their offer expired (at once when the policy has no accept time any more).
 */
export function readmitted(t: TicketNeed, at: Date): string[] {
  const coolMs = (t.policy.accept_timeout_s ?? 0) * 1000;
  return [...t.lapsed].filter(([, expiredAt]) => at.getTime() - expiredAt.getTime() >= coolMs).map(([id]) => id);
}

/** The need with these people no longer excluded (their refusal forgotten for this decision). */
function withReadmitted(need: Need, ids: string[]): Need {
  const back = new Set(ids);
  const refusedBy = need.refusedBy ? Object.fromEntries(Object.entries(need.refusedBy).filter(([id]) => !back.has(id))) : undefined;
  return { ...need, excludedUserIds: need.excludedUserIds.filter((id) => !back.has(id)), ...(refusedBy ? { refusedBy } : {}) };
}

/** Modes that hold a ticket for a nearer person (engine holdUntil): the score-based ones, as the simulator. */
const HOLDING_MODES = new Set(['scored', 'batch']);

/**
 * A score-based mode's ticket waits in the queue (就近等待) instead of going to `personId` now when
 * everyone is busy, that person is far and the deadline allows (engine holdUntil): every drain of the
 * queue decides it again, so it goes to whoever frees up near it, or to the best person once its slack
 * is down to the hold's margin. The queued outcome when it was held, else null.
 */
export async function heldForNearer(run: Run, t: TicketNeed, personId: string, ctx = run.pool.ctx(t.policy)): Promise<Outcome | null> {
  if (!HOLDING_MODES.has(t.policy.mode)) return null;
  if (!holdUntil(run.pool.byId.get(personId)!, t.need, run.pool.people, ctx)) return null;
  await enqueue(run, t, 'held_for_nearer');
  return { ticketId: t.facts.id, result: 'queued', reason: 'held_for_nearer' };
}

/**
 * After offers ended (超时未接单, 拒单) and their tickets were dispatched again (`outcomes`): tells the team's
 * supervisors once when nobody but people who let it expire qualifies any more — when the person whose
 * offer just ended refused it for the first time (a later expiry of a ticket offered again tells no one).
 */
export async function tellWhenNobodyAccepted(run: Run, ended: { ticket_id: string; user_id: string }[], outcomes: Outcome[]): Promise<void> {
  for (const o of outcomes) {
    if (!o.onlyLapsed) continue;
    const a = ended.find((e) => e.ticket_id === o.ticketId);
    if (!a) continue;
    const history = await assignmentRepository.history(run.q, o.ticketId);
    const refusals = history.filter((h) => h.user_id === a.user_id && (h.state === 'expired' || h.state === 'declined'));
    if (refusals.length !== 1) continue;
    await notifyNotAccepted(run, o.ticketId);
  }
}
