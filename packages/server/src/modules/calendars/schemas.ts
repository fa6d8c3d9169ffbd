import { z } from 'zod';
import { DateParam, Uuid } from '../../platform/http/schemas';

const Hhmm = z.string().max(5).describe('HH:MM, local time; "24:00" may end an interval');
export const IntervalSchema = z.tuple([Hhmm, Hhmm]).meta({ id: 'CalendarInterval' });
const DayIntervals = z.array(IntervalSchema).max(12);
export const WeekSchema = z
  .strictObject({ '1': DayIntervals, '2': DayIntervals, '3': DayIntervals, '4': DayIntervals, '5': DayIntervals, '6': DayIntervals, '7': DayIntervals })
  .meta({ id: 'CalendarWeek', description: 'ISO weekday (1 = Monday … 7 = Sunday) → working intervals, ordered, not overlapping' });
export const CalendarDaySchema = z
  .strictObject({
    day: z.string().max(10).describe('YYYY-MM-DD'),
    kind: z.enum(['holiday', 'workday']).describe('holiday: 法定节假日 (no work); workday: 调休上班'),
    name: z.string().max(200).default(''),
    hours: z.array(IntervalSchema).max(12).nullable().default(null).describe("a workday's intervals; null → the Monday intervals"),
  })
  .meta({ id: 'CalendarDay' });

export const CalendarBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).default(''),
  timeZone: z.string().max(64).optional().describe("IANA zone; default the tenant's (Asia/Shanghai)"),
  alwaysOpen: z.boolean().default(false).describe('7×24: week and days are ignored'),
  week: WeekSchema.optional().describe('default Monday–Friday 09:00–12:00, 13:30–18:00'),
  days: z.array(CalendarDaySchema).max(2000).optional().describe('PUT: omitted keeps the days'),
  isDefault: z.boolean().default(false).describe("the tenant's default calendar (one per tenant)"),
});
export type CalendarInput = z.output<typeof CalendarBody>;

export const FromBuiltinBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  year: z.literal(2026).describe('the year of the official schedule (2026)'),
  week: WeekSchema.optional(),
  timeZone: z.string().max(64).optional(),
  isDefault: z.boolean().default(false),
});
export type FromBuiltinInput = z.output<typeof FromBuiltinBody>;

const Iso = z.string().describe('ISO-8601 date-time');
const common = {
  id: Uuid,
  name: z.string(),
  description: z.string(),
  timeZone: z.string(),
  alwaysOpen: z.boolean(),
  week: WeekSchema,
  isDefault: z.boolean(),
  createdAt: Iso,
  updatedAt: Iso,
};
export const CalendarSchema = z.object({ ...common, days: z.array(CalendarDaySchema) }).meta({ id: 'BusinessCalendar' });
export const CalendarSummarySchema = z
  .object({ ...common, holidayCount: z.number().int(), workdayCount: z.number().int() })
  .meta({ id: 'BusinessCalendarSummary' });
export const CalendarList = z.object({ items: z.array(CalendarSummarySchema) });

export const FormatQuery = z.strictObject({ format: z.enum(['ics', 'json']).default('json') });
export const PreviewQuery = z.strictObject({
  from: DateParam.optional().describe('default now'),
  minutes: z.coerce.number().int().min(0).max(1_000_000),
});
export const PreviewResult = z
  .object({ from: Iso, minutes: z.number(), due: Iso, workingNow: z.boolean().describe('whether `from` is working time') })
  .meta({ id: 'CalendarPreview' });
export const ImportResult = z.object({ calendar: CalendarSchema, imported: z.number().int() }).meta({ id: 'CalendarImportResult' });
export const CalendarExportSchema = z
  .object({
    format: z.literal('gongdan.calendar'),
    version: z.literal(1),
    name: z.string(),
    description: z.string(),
    timeZone: z.string(),
    alwaysOpen: z.boolean(),
    week: WeekSchema,
    days: z.array(CalendarDaySchema),
  })
  .meta({ id: 'CalendarExport', description: 'The JSON export of a calendar (POST …/import?format=json takes its days)' });
