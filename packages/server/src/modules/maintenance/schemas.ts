import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';
import { PRIORITIES } from '../tickets';
import type { ContractWithState } from './contracts/list-contracts';
import type { Inspection } from './plans/record-inspection';
import type { PlanRow, VisitRow } from './plans/plan-repository';

const Iso = z.string().describe('ISO-8601 date-time');
const Day = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const ContractBody = z.strictObject({
  number: z.string().trim().min(1).max(64).describe('The contract number, unique in the tenant, e.g. WB-2026-001'),
  name: z.string().trim().min(1).max(200),
  organizationId: Uuid.nullable().default(null).describe('The customer organization'),
  slaPolicyId: Uuid.nullable().default(null).describe('The SLA policy that applies to tickets on covered assets'),
  visitsPerYear: z.number().int().min(0).max(366).default(0),
  validFrom: Day,
  validTo: Day,
  notes: z.string().max(4000).nullable().default(null),
  assetIds: z.array(Uuid).max(5000).default([]).describe('The covered assets'),
});
export const ContractSchema = z
  .object({
    id: Uuid,
    number: z.string(),
    name: z.string(),
    organizationId: Uuid.nullable(),
    slaPolicyId: Uuid.nullable(),
    visitsPerYear: z.number(),
    validFrom: z.string(),
    validTo: z.string(),
    notes: z.string().nullable(),
    assetIds: z.array(Uuid),
    state: z.enum(['pending', 'active', 'expiring', 'expired']).describe('expiring: ends within the tenant\'s notice days'),
    daysLeft: z.number(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'MaintenanceContract' });
export const contractView = (c: ContractWithState) => ({
  id: c.id,
  number: c.number,
  name: c.name,
  organizationId: c.organization_id,
  slaPolicyId: c.sla_policy_id,
  visitsPerYear: c.visits_per_year,
  validFrom: c.valid_from,
  validTo: c.valid_to,
  notes: c.notes,
  assetIds: c.asset_ids,
  state: c.state,
  daysLeft: c.days_left,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

const ChecklistItemSchema = z.strictObject({
  item: z.string().trim().min(1).max(200),
  kind: z.enum(['check', 'value']).default('check'),
  unit: z.string().max(32).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export const ScheduleSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.enum(['days', 'months']), every: z.number().int().min(1).max(3650), startOn: Day, leadDays: z.number().int().min(0).max(365).default(7) }),
  z.strictObject({ unit: z.literal('hours'), every: z.number().positive().max(1e6), leadHours: z.number().min(0).max(1e6).default(0), metric: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('running_hours') }),
]);
export const PlanBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  assetId: Uuid.nullable().default(null).describe('One asset, or'),
  model: z.string().trim().min(1).max(200).nullable().default(null).describe('every asset of this model'),
  schedule: ScheduleSchema,
  checklist: z.array(ChecklistItemSchema).max(100).default([]),
  priority: z.enum(PRIORITIES).default('normal'),
  active: z.boolean().default(true),
});
export const PlanSchema = z
  .object({ id: Uuid, name: z.string(), assetId: Uuid.nullable(), model: z.string().nullable(), schedule: z.looseObject({ unit: z.string() }), checklist: z.array(z.looseObject({ item: z.string() })), priority: z.string(), active: z.boolean(), createdAt: Iso, updatedAt: Iso })
  .meta({ id: 'PreventivePlan' });
export const planView = (p: PlanRow) => ({ id: p.id, name: p.name, assetId: p.asset_id, model: p.model, schedule: p.schedule, checklist: p.checklist, priority: p.priority, active: p.active, createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString() });
export const VisitSchema = z.object({ id: Uuid, planId: Uuid, assetId: Uuid, due: z.string().describe('YYYY-MM-DD, or h:N running hours'), ticketId: Uuid.nullable(), createdAt: Iso }).meta({ id: 'PlanVisit' });
export const visitView = (v: VisitRow) => ({ id: v.id, planId: v.plan_id, assetId: v.asset_id, due: v.due, ticketId: v.ticket_id, createdAt: v.created_at.toISOString() });

export const InspectionBody = z.strictObject({
  items: z
    .array(z.strictObject({ item: z.string().trim().min(1).max(200), result: z.enum(['pass', 'fail', 'value', 'na']), value: z.number().finite().nullable().optional(), note: z.string().max(2000).nullable().optional() }))
    .min(1)
    .max(100),
});
export const InspectionSchema = z
  .object({
    ticketId: Uuid,
    planName: z.string().nullable(),
    checklist: z.array(z.looseObject({ item: z.string() })),
    items: z.array(z.object({ item: z.string(), result: z.enum(['pass', 'fail', 'value', 'na']), value: z.number().nullable(), note: z.string().nullable(), recordedBy: Uuid.nullable(), recordedAt: Iso })),
  })
  .meta({ id: 'Inspection' });
export const inspectionView = (i: Inspection) => ({
  ticketId: i.ticketId,
  planName: i.planName,
  checklist: i.checklist,
  items: i.items.map((x) => ({ item: x.item, result: x.result, value: x.value === null ? null : Number(x.value), note: x.note, recordedBy: x.recorded_by, recordedAt: x.recorded_at.toISOString() })),
});
