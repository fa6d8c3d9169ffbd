import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, Limit, noContent, ok, Uuid } from '../../platform/http/schemas';
import { getContract, listContracts, setContractNoticeDays } from './contracts/list-contracts';
import { deleteContract, saveContract } from './contracts/save-contract';
import { deletePlan, listPlans, listVisits, savePlan } from './plans/manage-plans';
import { getInspection, recordInspection } from './plans/record-inspection';
import { ContractBody, ContractSchema, contractView, InspectionBody, InspectionSchema, inspectionView, PlanBody, PlanSchema, planView, VisitSchema, visitView } from './schemas';
import { telemetryRoutes } from './telemetry/telemetry-routes';

/** 维保合同, 保养计划 and 巡检 — and the telemetry routes. */
export function maintenanceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['maintenance'];

  r.get('/api/v1/contracts', {
    schema: {
      tags,
      summary: 'Maintenance contracts by end of validity (staff); expiring=true: valid and ending within the notice days',
      querystring: z.strictObject({ organizationId: Uuid.optional(), assetId: Uuid.optional(), expiring: z.enum(['true', 'false']).optional(), limit: Limit(500, 200) }),
      response: ok(z.object({ items: z.array(ContractSchema), noticeDays: z.number() })),
    },
    handler: async (req) => {
      const res = await listContracts(deps, actorOf(req), { ...req.query, expiring: req.query.expiring === 'true' });
      return { items: res.items.map(contractView), noticeDays: res.noticeDays };
    },
  });
  r.get('/api/v1/contracts/:id', {
    schema: { tags, summary: 'One contract (staff)', params: IdParams, response: ok(ContractSchema) },
    handler: async (req) => contractView(await getContract(deps, actorOf(req), req.params.id)),
  });
  r.post('/api/v1/contracts', {
    schema: { tags, summary: 'Add a maintenance contract with its covered assets (admins)', body: ContractBody, response: created(ContractSchema) },
    handler: async (req, reply) => {
      const c = await saveContract(deps, actorOf(req), null, req.body);
      return reply.status(201).send(contractView(await getContract(deps, actorOf(req), c.id)));
    },
  });
  r.put('/api/v1/contracts/:id', {
    schema: { tags, summary: 'Replace a contract (admins)', params: IdParams, body: ContractBody, response: ok(ContractSchema) },
    handler: async (req) => {
      await saveContract(deps, actorOf(req), req.params.id, req.body);
      return contractView(await getContract(deps, actorOf(req), req.params.id));
    },
  });
  r.delete('/api/v1/contracts/:id', {
    schema: { tags, summary: 'Delete a contract (admins)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteContract(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.put('/api/v1/contracts/settings', {
    schema: { tags, summary: 'How many days before its end a contract is flagged and the admins notified (admins)', body: z.strictObject({ noticeDays: z.number().int().min(0).max(365) }), response: ok(z.object({ noticeDays: z.number() })) },
    handler: async (req) => ({ noticeDays: await setContractNoticeDays(deps, actorOf(req), req.body.noticeDays) }),
  });

  r.get('/api/v1/plans', {
    schema: { tags, summary: 'Preventive plans (staff)', querystring: z.strictObject({ assetId: Uuid.optional(), active: z.enum(['true', 'false']).optional() }), response: ok(z.object({ items: z.array(PlanSchema) })) },
    handler: async (req) => ({ items: (await listPlans(deps, actorOf(req), { assetId: req.query.assetId, active: req.query.active === undefined ? undefined : req.query.active === 'true' })).map(planView) }),
  });
  r.post('/api/v1/plans', {
    schema: { tags, summary: 'Add a preventive plan: one asset or a model, every N days / months / running hours, with a checklist (admins)', body: PlanBody, response: created(PlanSchema) },
    handler: async (req, reply) => reply.status(201).send(planView(await savePlan(deps, actorOf(req), null, req.body))),
  });
  r.put('/api/v1/plans/:id', {
    schema: { tags, summary: 'Replace a preventive plan (admins)', params: IdParams, body: PlanBody, response: ok(PlanSchema) },
    handler: async (req) => planView(await savePlan(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/plans/:id', {
    schema: { tags, summary: 'Delete a preventive plan (admins); its tickets stay', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deletePlan(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.get('/api/v1/plans/visits', {
    schema: { tags, summary: 'Visits the plans created, newest first, with their tickets (staff)', querystring: z.strictObject({ planId: Uuid.optional(), assetId: Uuid.optional(), limit: Limit(500, 100) }), response: ok(z.object({ items: z.array(VisitSchema) })) },
    handler: async (req) => ({ items: (await listVisits(deps, actorOf(req), req.query)).map(visitView) }),
  });

  r.get('/api/v1/tickets/:id/inspection', {
    schema: { tags, summary: 'A ticket\'s inspection (巡检): its plan\'s checklist and the answers recorded (staff)', params: IdParams, response: ok(InspectionSchema) },
    handler: async (req) => inspectionView(await getInspection(deps, actorOf(req), req.params.id)),
  });
  r.put('/api/v1/tickets/:id/inspection', {
    schema: { tags, summary: 'Record checklist answers (pass / fail / value / na, with a note) on a ticket (staff and engineers)', params: IdParams, body: InspectionBody, response: ok(InspectionSchema) },
    handler: async (req) => inspectionView(await recordInspection(deps, actorOf(req), req.params.id, req.body.items)),
  });

  telemetryRoutes(app, deps);
}
