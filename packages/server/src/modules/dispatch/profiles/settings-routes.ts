import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../platform/deps';
import { actorOf } from '../../../platform/http/auth';
import { crudRoutes } from '../../../platform/http/crud-routes';
import { noContent, ok } from '../../../platform/http/schemas';
import { createOutlet } from './create-outlet';
import { createRule } from './create-rule';
import { deleteOutlet } from './delete-outlet';
import { deletePolicy } from './delete-policy';
import { deleteRule } from './delete-rule';
import { getPreferences } from './get-preferences';
import { listOutlets } from './list-outlets';
import { listPolicies } from './list-policies';
import { listRules } from './list-rules';
import { OutletBody, OutletList, OutletPatch, OutletSchema } from './outlet-schemas';
import { PolicyBody, PolicyList, PolicySchema, PolicyScopeQuery } from './policy-schemas';
import { PreferenceBody, PreferenceQuery, PreferenceSchema } from './preference-schemas';
import { putPolicy } from './put-policy';
import { putPreferences } from './put-preferences';
import { reorderRules } from './reorder-rules';
import { ReorderBody, RuleBody, RuleList, RulePatch } from './rule-schemas';
import { updateOutlet } from './update-outlet';
import { updateRule } from './update-rule';
import { RuleSavedSchema } from './vocabulary-schemas';

/** The tenant's dispatch settings: outlets 服务网点, rules 派单规则, policies 派单方式, customer preferences. */
export function settingsRoutes(app: FastifyInstance, deps: Deps) {
  const outlets = crudRoutes(app, deps, { path: '/api/v1/dispatch/outlets', tag: 'dispatch' });
  outlets.list({ summary: 'Service outlets (服务网点) by name (staff)', response: OutletList, run: async (deps, actor) => ({ items: await listOutlets(deps, actor) }) });
  outlets.create({ summary: 'Add a service outlet (admins and supervisors)', body: OutletBody, response: OutletSchema, run: createOutlet });
  outlets.update({ summary: 'Change a service outlet (admins and supervisors)', body: OutletPatch, response: OutletSchema, run: updateOutlet });
  outlets.remove({ summary: 'Delete a service outlet; its engineers keep their profiles (admins and supervisors)', run: deleteOutlet });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dispatch'];
  r.post('/api/v1/dispatch/rules/reorder', {
    schema: { tags, summary: 'Put the dispatch rules in a new order: every rule once (admins and supervisors)', body: ReorderBody, response: ok(RuleList) },
    handler: async (req) => ({ items: await reorderRules(deps, actorOf(req), req.body.ids) }),
  });
  const rules = crudRoutes(app, deps, { path: '/api/v1/dispatch/rules', tag: 'dispatch' });
  rules.list({ summary: 'Dispatch rules in the order they are tried (admins, supervisors, agents)', response: RuleList, run: async (deps, actor) => ({ items: await listRules(deps, actor) }) });
  rules.create({ summary: 'Add a dispatch rule after the others (admins and supervisors); warnings name requirements no active person meets', body: RuleBody, response: RuleSavedSchema, run: createRule });
  rules.update({ summary: 'Change a dispatch rule (admins and supervisors); warnings name requirements no active person meets', body: RulePatch, response: RuleSavedSchema, run: updateRule });
  rules.remove({ summary: 'Delete a dispatch rule (admins and supervisors)', run: deleteRule });

  r.get('/api/v1/dispatch/policies', {
    schema: { tags, summary: "Dispatch policies: the tenant's default, then per team and per category (admins, supervisors, agents)", response: ok(PolicyList) },
    handler: async (req) => ({ items: await listPolicies(deps, actorOf(req)) }),
  });
  r.put('/api/v1/dispatch/policies', {
    schema: { tags, summary: 'Set the dispatch policy of the tenant, a team or a category (admins and supervisors); fields left out keep their value, weights and defaultCapacity merge per key, null clears', body: PolicyBody, response: ok(PolicySchema) },
    handler: async (req) => putPolicy(deps, actorOf(req), req.body),
  });
  r.delete('/api/v1/dispatch/policies', {
    schema: { tags, summary: "Remove a team's or category's policy, which then follows the tenant's (admins and supervisors)", querystring: PolicyScopeQuery, response: noContent() },
    handler: async (req, reply) => {
      await deletePolicy(deps, actorOf(req), req.query.scope, req.query.scopeId);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/dispatch/customer-preferences', {
    schema: { tags, summary: "A contact's or organization's preferred and excluded people", querystring: PreferenceQuery, response: ok(PreferenceSchema) },
    handler: async (req) => getPreferences(deps, actorOf(req), req.query),
  });
  r.put('/api/v1/dispatch/customer-preferences', {
    schema: { tags, summary: "Set a contact's or organization's preferred and excluded people (admins and supervisors)", body: PreferenceBody, response: ok(PreferenceSchema) },
    handler: async (req) => putPreferences(deps, actorOf(req), req.body),
  });
}
