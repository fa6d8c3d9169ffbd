import type { RuleRow } from './rule-repository';
import type { RunRow } from './run-repository';

export function toRuleView(r: RuleRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    kind: r.kind,
    position: r.position,
    active: r.active,
    events: r.events,
    conditions: r.conditions,
    actions: r.actions,
    builtin: r.builtin,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
export type RuleView = ReturnType<typeof toRuleView>;

export function toRunView(r: RunRow) {
  return {
    ruleId: r.rule_id,
    ruleName: r.rule_name ?? null,
    ticketId: r.ticket_id,
    runKey: r.run_key,
    outcome: r.outcome,
    detail: r.detail,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
