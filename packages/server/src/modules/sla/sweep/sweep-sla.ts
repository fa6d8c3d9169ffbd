import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { systemActor } from '../../identity';
import { recordSlaEvents } from '../../tickets';
import { SLA_BREACHED, SLA_WARNING, slaEvent } from './sweep-rules';
import { sweepRepository } from './sweep-repository';
import { ticketSummaries } from './ticket-summaries';

export interface SweepOptions {
  /** due breaches and due warnings claimed per tenant transaction (each) */
  limit: number;
}

export interface SweepResult {
  tenants: number;
  warnings: number;
  breaches: number;
  /** some tenant's batch was full: more may be due now */
  full: boolean;
}

/** How many due rows (earliest first) are read to find the tenants with work, per batch size. */
const TENANT_SCAN_FACTOR = 4;

/**
 * One round of the SLA sweep: the tenants with due clocks (read through the due indexes, all tenants),
 * then per tenant ONE transaction that claims up to `limit` due breaches and `limit` due warnings
 * (FOR UPDATE SKIP LOCKED: another process sweeping at once takes other rows), marks them and writes
 * their ticket events and the tickets' SLA summaries (one update of each ticket row). A clock is marked
 * and announced together or not at all, so each fires exactly once across processes and crashes.
 */
export async function sweepSla(deps: Deps, o: SweepOptions): Promise<SweepResult> {
  const now = deps.clock.now();
  const tenants = await deps.db.system((q) => sweepRepository.tenantsDue(q, now, o.limit * TENANT_SCAN_FACTOR));
  const result: SweepResult = { tenants: tenants.length, warnings: 0, breaches: 0, full: false };
  for (const tenantId of tenants) {
    const fired = await deps.db.tenant(tenantId, (q) => fireDue(q, tenantId, now, o));
    result.warnings += fired.warnings;
    result.breaches += fired.breaches;
    result.full ||= fired.full;
  }
  return result;
}

async function fireDue(q: Queryable, tenantId: string, now: Date, { limit }: SweepOptions) {
  const breached = await sweepRepository.claimBreaches(q, now, limit);
  const warned = await sweepRepository.claimWarnings(q, now, limit);
  const actor = systemActor(tenantId, 'sla');
  const events = [...warned.map((c) => slaEvent(actor, SLA_WARNING, c, now)), ...breached.map((c) => slaEvent(actor, SLA_BREACHED, c, now))];
  // the events and, per ticket, one row update: marked changed at `now` and its new summary
  await recordSlaEvents(q, events, await ticketSummaries(q, [...new Set(events.map((e) => e.ticketId))], now), now);
  return { warnings: warned.length, breaches: breached.length, full: breached.length === limit || warned.length === limit };
}
