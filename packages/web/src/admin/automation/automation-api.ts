import { api } from '../../api/client';
import type { DryRunResult, Rule, RuleBody, RuleKind, Run } from './automation-types';

// The automation API (rules, their order, dry run, run log) as the console calls it.

export const AUTOMATION_KEYS = {
  rules: ['automation', 'rules'] as const,
  runs: (ruleId: string) => ['automation', 'runs', ruleId] as const,
};

export const automationApi = {
  rules: () => api.get<{ items: Rule[] }>('/automation/rules'),
  rule: (id: string) => api.get<Rule>(`/automation/rules/${id}`),
  create: (body: RuleBody) => api.post<Rule>('/automation/rules', body),
  // the server replaces the whole rule on PATCH (the contract said PUT; crudRoutes answers PATCH)
  update: (id: string, body: RuleBody) => api.patch<Rule>(`/automation/rules/${id}`, body),
  remove: (id: string) => api.delete<void>(`/automation/rules/${id}`),
  reorder: (kind: RuleKind, ids: string[]) => api.post<{ items: Rule[] }>('/automation/rules/reorder', { kind, ids }),
  dryRun: (rule: RuleBody) => api.post<DryRunResult>('/automation/dry-run', { rule }),
  runs: (ruleId: string, limit = 50) => api.get<{ items: Run[] }>('/automation/runs', { ruleId, limit }),
};

/** A stored rule as the body of a PUT (for switching it on or off). */
export const bodyOf = (r: Rule): RuleBody => ({ name: r.name, ...(r.description ? { description: r.description } : {}), kind: r.kind, events: r.events, conditions: r.conditions, actions: r.actions, active: r.active });
