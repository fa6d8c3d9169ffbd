import { exclusions } from '../engine';
import { DEFAULT_POLICY, openNeed, resolvePolicy } from './dispatch-rules';
import type { Pool } from './load-pool';

/**
 * Whether a person is off shift at the pool's moment: outside their shift pattern, or 下班. Someone
 * dispatch does not send work to (an administrator or supervisor, not in the pool) has no shift: never.
 */
export function isOffShift(pool: Pool, personId: string): boolean {
  const p = pool.byId.get(personId);
  if (!p) return false;
  return shiftExclusions(pool, personId).some((e) => e.rule === 'shift' || (e.rule === 'status' && p.status === 'off_shift'));
}

/** The public holiday (法定节假日) a person whose shift follows the working calendar has off now, if any. */
export function holidayOf(pool: Pool, personId: string): string | null {
  const holiday = shiftExclusions(pool, personId).find((e) => e.rule === 'shift')?.detail.holiday;
  return typeof holiday === 'string' ? holiday : null;
}

function shiftExclusions(pool: Pool, personId: string) {
  const p = pool.byId.get(personId);
  if (!p) return [];
  const ctx = pool.ctx(resolvePolicy(pool.policies, null, null) ?? DEFAULT_POLICY);
  return exclusions(p, openNeed(pool.now), ctx);
}
