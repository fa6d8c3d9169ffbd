import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';
import { RESULTS, STEP_KINDS } from './step-rules';

const Iso = z.string().describe('ISO-8601 date-time');
const Result = z.enum(RESULTS).describe('fixed 已修复 (resolves the ticket), second_visit 需二次上门 (plans a follow-up visit), needs_part 缺件 (stays open with the reason)');

export const JobParams = z.strictObject({ ticketId: z.string().min(1).max(64).describe('The ticket id (or its number, for reading)') });
export const StepParams = z.strictObject({ ticketId: Uuid });

export const StepBody = z.strictObject({
  opId: Uuid.describe('Made by the phone for this action (a UUID); sending it again returns the first answer and changes nothing'),
  kind: z.enum(STEP_KINDS).describe('depart 出发, check_in 签到 (lat/lng), note 备注 (text), photo 照片 (fileId), signature 签字确认 (fileId), complete 完工 (result)'),
  at: z.iso.datetime({ offset: true }).describe("When it was done, by the phone's clock (a queued step keeps the time it was made)"),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracy: z.number().min(0).max(100_000).optional().describe("The position's accuracy in metres, as the phone reports it"),
  text: z.string().max(10_000).optional(),
  fileId: Uuid.optional().describe('An attachment of this ticket uploaded first (POST /api/v1/tickets/{id}/attachments)'),
  result: Result.optional(),
});

export const StepAnswerSchema = z
  .object({
    opId: Uuid,
    stepId: Uuid,
    ticketId: Uuid,
    visitId: Uuid,
    visitSeq: z.number().int(),
    kind: z.enum(STEP_KINDS),
    at: Iso,
    receivedAt: Iso,
    visitState: z.enum(['planned', 'en_route', 'on_site', 'done']),
    distanceM: z.number().nullable().describe('check_in: metres from the ticket’s site'),
    flagged: z.boolean().describe('check_in: farther from the site than the tenant allows (recorded, not refused)'),
    result: Result.nullable(),
    resolved: z.boolean().nullable(),
    resolveProblem: z.string().nullable().describe('complete/fixed: the error code of why the ticket could not be resolved (it stays open for the office)'),
    followUpVisitId: Uuid.nullable(),
    replayed: z.boolean().describe('This opId had been recorded before: the first answer, nothing changed'),
  })
  .meta({ id: 'FieldStepAnswer' });

const Visit = z.object({
  id: Uuid,
  seq: z.number().int(),
  state: z.enum(['planned', 'en_route', 'on_site', 'done']),
  departedAt: Iso.nullable(),
  checkedInAt: Iso.nullable(),
  completedAt: Iso.nullable(),
  result: Result.nullable(),
});
const Device = z.object({
  id: Uuid,
  serial: z.string(),
  name: z.string().nullable(),
  model: z.string().nullable(),
  history: z.array(z.object({ ticketId: Uuid, number: z.number().int(), title: z.string(), status: z.string(), createdAt: Iso })),
});

export const JobSchema = z
  .object({
    ticketId: Uuid,
    number: z.number().int(),
    title: z.string(),
    status: z.string(),
    priority: z.string(),
    customer: z.string().nullable(),
    address: z.string().nullable(),
    site: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    window: z.object({ start: Iso, end: Iso.nullable() }).nullable().describe('The planned visit’s time window'),
    slaDueAt: Iso.nullable(),
    slaState: z.string().nullable(),
    visit: Visit.nullable(),
    device: Device.nullable().describe('The ticket’s device and its history (once the assets module is wired)'),
    offer: z.object({ respondBy: Iso.nullable() }).nullable().describe('Offered to you and not yet accepted (接单): answer by respondBy'),
  })
  .meta({ id: 'FieldJob' });

/** A calendar day that exists: 2026-02-30 matches YYYY-MM-DD but is no day. */
const isCalendarDay = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
};
export const JobListQuery = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD, e.g. 2026-03-02')
    .refine(isCalendarDay, 'not a real calendar day; a day is YYYY-MM-DD, e.g. 2026-03-02')
    .optional()
    .describe('The day (tenant time zone); default today'),
});
export const JobListSchema = z
  .object({ date: z.string(), today: z.string(), timeZone: z.string(), jobs: z.array(JobSchema), upcoming: z.array(JobSchema) })
  .meta({ id: 'FieldJobList' });

export const JobDetailSchema = JobSchema.extend({
  description: z.string(),
  assigneeId: Uuid.nullable(),
  steps: z.array(
    z.object({ opId: Uuid, kind: z.enum(STEP_KINDS), at: Iso, receivedAt: Iso, visitId: Uuid, flagged: z.boolean(), distanceM: z.number().nullable(), text: z.string().nullable(), fileId: Uuid.nullable(), result: Result.nullable() }),
  ),
}).meta({ id: 'FieldJobDetail' });

export const ScheduleBody = z.strictObject({ windowStart: z.iso.datetime({ offset: true }), windowEnd: z.iso.datetime({ offset: true }) });
export const VisitSchema = z
  .object({ id: Uuid, ticketId: Uuid, userId: Uuid.nullable(), seq: z.number().int(), state: z.string(), windowStart: Iso.nullable(), windowEnd: Iso.nullable() })
  .meta({ id: 'FieldVisit' });

export const SettingsBody = z.strictObject({ checkInRadiusM: z.number().int().min(10).max(100_000).describe('A check-in farther than this from the site is flagged (default 500 m)') });
export const SettingsSchema = z.object({ checkInRadiusM: z.number().int() }).meta({ id: 'FieldSettings' });
