import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { requireRole, type Actor } from '../../identity';
import { MAINTENANCE_READERS, MAINTENANCE_WRITERS } from '../access';
import { forgetRules } from './rule-cache';
import { telemetryRepository, type TelemetryRuleRow } from './telemetry-repository';
import type { RuleParams } from './telemetry-rules';

export interface TelemetryRuleInput {
  model: string | null;
  metric: string;
  problem: string;
  params: RuleParams;
  priority?: string;
  active?: boolean;
  position?: number;
}

/** The tenant's telemetry rules in evaluation order (staff). */
export async function listTelemetryRules(deps: Deps, actor: Actor): Promise<TelemetryRuleRow[]> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, (q) => telemetryRepository.listRules(q));
}

/** Adds a rule for a device model (admins). */
export async function createTelemetryRule(deps: Deps, actor: Actor, input: TelemetryRuleInput): Promise<TelemetryRuleRow> {
  requireRole(actor, MAINTENANCE_WRITERS);
  const now = deps.clock.now();
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    telemetryRepository.insertRule(q, { id: uuidv7(now.getTime()), tenantId: actor.tenantId, model: input.model, metric: input.metric, problem: input.problem.trim(), params: input.params, priority: input.priority ?? 'high', active: input.active ?? true, position: input.position ?? 0, at: now }),
  );
  forgetRules(actor.tenantId); // after the commit: a message in between does not keep the old rules
  return row;
}

/** Replaces a rule (admins). */
export async function updateTelemetryRule(deps: Deps, actor: Actor, id: string, input: TelemetryRuleInput): Promise<TelemetryRuleRow> {
  requireRole(actor, MAINTENANCE_WRITERS);
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    telemetryRepository.updateRule(q, id, { model: input.model, metric: input.metric, problem: input.problem.trim(), params: input.params, priority: input.priority ?? 'high', active: input.active ?? true, position: input.position ?? 0, at: deps.clock.now() }),
  );
  forgetRules(actor.tenantId);
  if (!row) throw notFound('Telemetry rule');
  return row;
}

/** Deletes a rule (admins); its incidents stay, without their rule. */
export async function deleteTelemetryRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, MAINTENANCE_WRITERS);
  const deleted = await deps.db.tenant(actor.tenantId, (q) => telemetryRepository.deleteRule(q, id));
  forgetRules(actor.tenantId);
  if (!deleted) throw notFound('Telemetry rule');
}

/** The tenant's telemetry retention in days (staff read, admins set). */
export async function telemetryRetention(deps: Deps, actor: Actor): Promise<number> {
  requireRole(actor, MAINTENANCE_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => telemetryRepository.retentionDays(q))) ?? DEFAULT_RETENTION_DAYS;
}
export async function setTelemetryRetention(deps: Deps, actor: Actor, days: number): Promise<number> {
  requireRole(actor, MAINTENANCE_WRITERS);
  await deps.db.tenant(actor.tenantId, (q) => telemetryRepository.setRetentionDays(q, actor.tenantId, days, deps.clock.now()));
  return days;
}

export const DEFAULT_RETENTION_DAYS = 90;
