// 日内优化 on the server: which live jobs may move and the moves the engine proposes for them
// (engine/improve.ts). One rule for "movable", shared by the suggestions (plan-improvements.ts), the
// re-check under the dispatch lock (apply-move.ts) and the sweep's automatic run (auto-improve.ts).
import type { Queryable } from '../../../platform/db/database';
import { improve, IMPROVE, meanWork, type DecisionContext, type Move, type Person, type Stop } from '../engine';
import { assignmentRepository, type AssignmentRow } from './assignment-repository';
import { DEFAULT_POLICY, resolvePolicy } from './dispatch-rules';
import { loadNeeds, type TicketNeed } from './load-needs';
import type { Pool } from './load-pool';

/** Modes a person chose the holder in: such work stays with them. */
const BY_HAND = new Set(['manual', 'override']);

/** Which tickets an automatic run may move (the sweep: those whose own policy says so); absent: any. */
export type TicketFilter = (t: TicketNeed) => boolean;

/** Why a live job stays with its holder (a Chinese sentence), or null: it may move. */
export function pinnedWhy(t: TicketNeed, a: Pick<AssignmentRow, 'mode' | 'user_id'>, only?: TicketFilter): string | null {
  if (t.need.kind !== 'field') return '不是上门工单';
  if (BY_HAND.has(a.mode)) return a.mode === 'override' ? '主管强制派给当前工程师，不自动改派' : '调度员手动指定的工程师，不自动改派';
  if (t.booked || t.need.notBefore) return '已与客户预约上门时间';
  if (t.need.preferredUserIds.includes(a.user_id)) return '当前工程师是客户指定的';
  if (only && !only(t)) return '该工单的派单策略未开启自动日内优化';
  return null;
}

/** The engine plans every move with the tenant policy's context (speed, positions' staleness). */
export const improveCtx = (pool: Pool): DecisionContext => pool.ctx(resolvePolicy(pool.policies, null, null) ?? DEFAULT_POLICY);

/** People who do on-site work. */
const fieldPeople = (pool: Pool): Person[] => pool.people.filter((p) => (p.capacity.field ?? 0) > 0);

/** The moves the engine proposes over the pool's jobs not started, and the needs of those jobs. */
export async function proposeMoves(q: Queryable, pool: Pool, only?: TicketFilter): Promise<{ moves: Move[]; needs: Map<string, TicketNeed> }> {
  const people = fieldPeople(pool);
  const ids = people.flatMap((p) => (p.stops ?? []).map((s) => s.ticketId));
  if (!ids.length) return { moves: [], needs: new Map() };
  const needs = await loadNeeds(q, pool, ids);
  const live = new Map((await assignmentRepository.liveByTicket(q, ids)).map((a) => [a.ticket_id, a]));
  const movable = (s: Stop, holder: Person) => {
    const t = needs.get(s.ticketId);
    const a = live.get(s.ticketId);
    if (!t || !a || a.user_id !== holder.id || a.state === 'started' || s.notBefore) return null;
    return pinnedWhy(t, a, only) ? null : t.need;
  };
  return { moves: improve(people, movable, improveCtx(pool)).moves, needs };
}

/** One given move's figures on the pool as it is now (its cost weighed against the whole pool's work, as
 * the engine weighed it): null when `to` may not take it there or the two plans would be later in total
 * (the engine never makes that move). */
export function figuresOf(pool: Pool, t: TicketNeed, from: Person, to: Person): Move | null {
  const ctx = improveCtx(pool);
  const one = { ...IMPROVE, minGainMinutes: Number.NEGATIVE_INFINITY, maxMoves: 1, meanWorkMinutes: meanWork(fieldPeople(pool), ctx) };
  return improve([from, to], (s) => (s.ticketId === t.facts.id ? t.need : null), ctx, one).moves[0] ?? null;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** The move's reason as dispatchers and the timeline read it. */
export function moveReason(toName: string, m: Move): string {
  const late = m.lateAfter < m.lateBefore ? `，迟到减少 ${Math.round(m.lateBefore - m.lateAfter)} 分钟` : '';
  const travel = m.kmSaved >= 0 ? `两人路程共省 ${round1(m.kmSaved)} 公里（约 ${Math.round(m.travelSavedMinutes)} 分钟）` : `两人路程共多 ${round1(-m.kmSaved)} 公里（约 ${Math.round(-m.travelSavedMinutes)} 分钟）`;
  return `改派给 ${toName}：${travel}${late}`;
}
