import { exclusions, rank } from '../engine';
import { assignmentRepository } from './assignment-repository';
import { storedDecision, weightsOf } from './decision-view';
import { figuresOf, moveReason, pinnedWhy, type TicketFilter } from './improve-moves';
import { loadNeeds } from './load-needs';
import { offer, releaseTo, type Run } from './record-steps';
import { SYSTEM_REASONS } from './reasons';

export const IMPROVE_REASON = SYSTEM_REASONS.improve;

export interface MoveRequest {
  ticketId: string;
  from: string;
  to: string;
}

export type SkipCode = 'MOVED' | 'STARTED' | 'NOT_ALLOWED' | 'PINNED' | 'NO_GAIN';
export interface Skipped {
  ticketId: string;
  code: SkipCode;
  message: string;
}

/**
 * One 日内优化 move, checked again on the state read under the dispatch lock: the job is still `from`'s
 * and not started, still movable (improve-moves.ts `pinnedWhy`), and `to` passes every hard rule with
 * the room they have now (the pool counts the moves made before in the same transaction) without the two
 * plans being later in total, and the two plans cost less after it (what 日内优化 moves for). Then `from`'s assignment is released (日内优化) and the job offered to `to`
 * (mode 'improve'). A move that no longer holds is skipped with why; nothing is changed for it.
 */
export async function applyMove(run: Run, m: MoveRequest, only?: TicketFilter): Promise<Skipped | null> {
  const skip = (code: SkipCode, message: string): Skipped => ({ ticketId: m.ticketId, code, message });
  const a = await assignmentRepository.live(run.q, m.ticketId, { forUpdate: true });
  if (!a || a.user_id !== m.from) return skip('MOVED', '工单已不在原工程师名下（已改派、退回或关闭）');
  if (a.state === 'started') return skip('STARTED', '原工程师已开始这项工作');
  const t = (await loadNeeds(run.q, run.pool, [m.ticketId])).get(m.ticketId);
  if (!t) return skip('MOVED', '工单不存在');
  const pinned = pinnedWhy(t, a, only);
  if (pinned) return skip('PINNED', pinned);
  const from = run.pool.byId.get(m.from);
  const to = run.pool.byId.get(m.to);
  if (!from || !to || m.to === m.from) return skip('NOT_ALLOWED', '接收人不是可派单的其他人员');
  const ctx = run.pool.ctx(t.policy);
  const failing = exclusions(to, t.need, ctx);
  if (failing.length) return skip('NOT_ALLOWED', `${to.name} 现在不能接这单：${failing.map((f) => f.rule).join('、')}`);
  const figures = figuresOf(run.pool, t, from, to);
  if (!figures) return skip('NOT_ALLOWED', `改派给 ${to.name} 会让两人的工作更晚完成`);
  // 日内优化 makes a move only when the two plans cost less after it (travel, lateness, the day's balance)
  if (figures.costSaved <= 0) return skip('NO_GAIN', `改派给 ${to.name} 不能减少路程、迟到或两人工作量的差距`);
  await releaseTo(run, a, m.to, IMPROVE_REASON);
  const ranking = rank(run.pool.people, t.need, ctx, weightsOf(t.policy));
  await offer(run, t, m.to, { mode: 'improve', acceptTimeoutS: t.policy.accept_timeout_s, reason: moveReason(to.name, figures), decision: storedDecision(m.to, 'improve', ranking, run.pool.byId) });
  return null;
}
