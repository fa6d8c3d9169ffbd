import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { RULE_READERS } from './access';
import { runRepository } from './run-repository';
import { toRunView } from './rule-view';

/** 执行记录: the latest runs of a rule or on a ticket (or all), with outcome and detail. */
export async function listRuns(deps: Deps, actor: Actor, f: { ruleId?: string; ticketId?: string; limit: number }) {
  requireRole(actor, RULE_READERS);
  const rows = await deps.db.tenant(actor.tenantId, (q) => runRepository.list(q, f));
  return { items: rows.map(toRunView) };
}
