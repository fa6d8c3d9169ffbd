import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { ok } from '../../platform/http/schemas';
import { dryRun } from './dry-run';
import { listRuns } from './list-runs';
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from './manage-rules';
import { DryRunBody, DryRunSchema, ListRulesQuery, ListRunsQuery, ReorderBody, RuleBody, RuleList, RuleSchema, RunList } from './schemas';

const tags = ['automation'];

/** 自动化: triggers and time rules (admins write, supervisors read), their order, 试运行 and 执行记录. */
export function automationRoutes(app: FastifyInstance, deps: Deps) {
  const rules = crudRoutes(app, deps, { path: '/api/v1/automation/rules', tag: 'automation' });
  rules.list({ summary: 'Automation rules (触发器 and 定时规则) in their order (admins, supervisors)', query: ListRulesQuery, response: RuleList, run: async (deps, actor, q) => ({ items: await listRules(deps, actor, q) }) });
  rules.create({ summary: 'Add a rule (admins); 400 AUTOMATION_RULE_INVALID / AUTOMATION_CONDITION_INVALID / AUTOMATION_ACTION_INVALID name the field path and what to fix', body: RuleBody, response: RuleSchema, run: createRule });
  rules.get({ summary: 'One rule (admins, supervisors)', response: RuleSchema, run: getRule });
  rules.update({ summary: 'Replace a rule (admins): the whole rule, validated as a new one', body: RuleBody, response: RuleSchema, run: updateRule });
  rules.remove({ summary: 'Delete a rule (admins); a shipped default comes back at the next start — switch it off instead', run: deleteRule });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/automation/rules/reorder', {
    schema: { tags, summary: 'Set the order of the triggers or of the time rules (admins): ids lists every rule of the kind, first runs first', body: ReorderBody, response: ok(RuleList) },
    handler: async (req) => ({ items: await reorderRules(deps, actorOf(req), req.body) }),
  });
  r.post('/api/v1/automation/dry-run', {
    schema: { tags, summary: '试运行: the existing open tickets a rule would match now, before it is switched on (admins, supervisors)', body: DryRunBody, response: ok(DryRunSchema) },
    handler: async (req) => dryRun(deps, actorOf(req), req.body),
  });
  r.get('/api/v1/automation/runs', {
    schema: { tags, summary: '执行记录: the latest runs of a rule or on a ticket, with outcome (applied / dropped / failed) and detail', querystring: ListRunsQuery, response: ok(RunList) },
    handler: async (req) => listRuns(deps, actorOf(req), req.query),
  });
}
