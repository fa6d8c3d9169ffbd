import type { Queryable } from '../../../platform/db/database';
import { clockRepository } from './clock-repository';

/**
 * 升级: an escalation of a ticket whose SLA has warned or breached (an automation's escalate action),
 * in the caller's tenant transaction. Its running, flagged clocks go to `level` (absent: the next level);
 * the ticket's SLA shows the level reached. Returns it, or null when no clock has warned or breached.
 */
export function recordEscalation(q: Queryable, ticketId: string, at: Date, level?: number | null): Promise<number | null> {
  return clockRepository.raiseEscalation(q, ticketId, level ?? null, at);
}
