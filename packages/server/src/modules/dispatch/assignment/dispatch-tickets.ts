import { transferInTransaction, type TicketEventInput } from '../../tickets';
import { choose, exclusions, holdUntil } from '../engine';
import type { DecisionContext, Need, Strategy } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { resolvePolicy, waitingReason } from './dispatch-rules';
import { loadNeeds, type TicketNeed } from './load-needs';
import { chooseAtOutlet } from './outlet-target';
import { queueRepository } from './queue-repository';
import { enqueue, offer, type Run } from './record-steps';

export type Outcome = { ticketId: string; result: 'offered' | 'queued' | 'skipped'; userId?: string; reason?: string };

const CLOSED = new Set(['resolved', 'closed']);

/**
 * Decides who takes each ticket, by its policy's mode, and records it — with the tenant's dispatch lock
 * held (the caller's transaction took it and read the pool inside it). `fresh`: the tickets were just
 * created (overflow applies; a ticket already queued or assigned was seen before: a redelivery, skipped).
 * Otherwise they come back to dispatch (declined, expired, handed back) or wait in the queue.
 */
export async function dispatchTickets(run: Run, ticketIds: string[], o: { fresh: boolean; batchDue?: boolean }): Promise<Outcome[]> {
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
  if (t.policy.target === 'outlet' && t.need.location) return chooseAtOutlet(run.pool, t.need, ctx, weightsOf(t.policy)) !== null;
  const { personId } = choose(STRATEGY[mode], run.pool.people, t.need, ctx, weightsOf(t.policy), run.pool.lastAssignedAt);
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
  if (t.policy.target === 'outlet' && t.need.location) return toOutlet(run, t);
  const strategy = STRATEGY[mode];
  const ctx = run.pool.ctx(t.policy);
  const { personId, ranking } = choose(strategy, run.pool.people, t.need, ctx, weightsOf(t.policy), run.pool.lastAssignedAt);
  if (!personId) {
    const reason = waitingReason(mode, ranking);
    await enqueue(run, t, reason);
    return { ticketId: t.facts.id, result: 'queued', reason };
  }
  const held = await heldForNearer(run, t, personId, ctx);
  if (held) return held;
  await offer(run, t, personId, { mode, acceptTimeoutS: t.policy.accept_timeout_s, decision: storedDecision(personId, strategy, ranking, run.pool.byId) });
  return { ticketId: t.facts.id, result: 'offered', userId: personId };
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

/** The nearest outlet that can do it gets the ticket: its best-scored eligible person with room. */
async function toOutlet(run: Run, t: TicketNeed): Promise<Outcome> {
  const chosen = chooseAtOutlet(run.pool, t.need, run.pool.ctx(t.policy), weightsOf(t.policy));
  if (!chosen) {
    await enqueue(run, t, 'no_outlet');
    return { ticketId: t.facts.id, result: 'queued', reason: 'no_outlet' };
  }
  const decision = { ...storedDecision(chosen.personId, 'scored', chosen.ranking, run.pool.byId), outlet: chosen.outlet };
  await offer(run, t, chosen.personId, { mode: t.policy.mode, acceptTimeoutS: t.policy.accept_timeout_s, decision });
  return { ticketId: t.facts.id, result: 'offered', userId: chosen.personId };
}
