import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';

// A person's dispatch profile as the API takes and gives it. The pieces (skill name, level, expiry date)
// are the rules the skill matrix's bulk edit and CSV import check too, so all three say the same thing.

export const STATUSES = ['available', 'busy', 'away', 'off_shift'] as const;
export type DispatchStatus = (typeof STATUSES)[number];
export const WORK_KINDS = ['ticket', 'chat', 'field'] as const;

export const SkillName = z.string().trim().min(1, 'a skill needs a name').max(64, 'a skill name has at most 64 characters');
/** How many skills a person may have: the profile, the skill matrix's bulk edit and the CSV import alike. */
export const MAX_SKILLS = 100;
export const Level = z.number().int('a level is a whole number').min(1, 'levels go from 1 to 5').max(5, 'levels go from 1 to 5');

/** A calendar day that exists (2027-02-30 does not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
export const Day = z.string().refine(isRealDate, 'must be a real date as YYYY-MM-DD, e.g. 2027-05-01');

export const Certification = z.strictObject({
  name: z.string().trim().min(1, 'a certification needs a name').max(100),
  expires: Day.nullable().describe('Valid through this day (YYYY-MM-DD); null: never expires'),
});

const Lat = z.number().min(-90, 'latitude is between -90 and 90').max(90, 'latitude is between -90 and 90');
const Lng = z.number().min(-180, 'longitude is between -180 and 180').max(180, 'longitude is between -180 and 180');
export const LatLng = z.strictObject({ lat: Lat, lng: Lng });
const Point = z.tuple([Lat, Lng]).describe('[lat, lng]');

export const Area = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('radius'), center: Point, km: z.number().min(0.1, 'a radius is at least 0.1 km').max(500, 'a radius is at most 500 km') }),
    z.strictObject({ kind: z.literal('polygon'), points: z.array(Point).min(3, 'a polygon has at least 3 points').max(200, 'a polygon has at most 200 points') }),
  ])
  .describe('A drawn service area: a radius around a center, or a polygon');

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, 00:00 to 23:59');
const EndClock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'an end is HH:MM, 00:00 to 23:59, or 24:00 for midnight (start == end: all day)');
const ShiftDays = z.array(z.number().int().min(1, 'ISO weekdays go from 1 (Monday) to 7 (Sunday)').max(7, 'ISO weekdays go from 1 (Monday) to 7 (Sunday)')).min(1, 'name at least one day').max(7);
/** A shift as sent: its fields merge with the stored shift (a new shift needs days, start and end). */
export const ShiftPatch = z
  .strictObject({
    days: ShiftDays.optional(),
    start: Clock.optional(),
    end: EndClock.optional().describe('Before start: a night shift ending the next day. Equal to start: on shift all day (24 h) on those days. 24:00: midnight (stored as 00:00)'),
    followsCalendar: z
      .boolean()
      .optional()
      .describe("On the tenant's working calendar (工作日历): no shift on a public holiday, a shift on a make-up working day (调休上班) whatever its weekday. Default false: the weekdays alone"),
  })
  .describe('The weekly shift. Fields merge with the stored shift: one left out keeps its value; a person without a shift needs days, start and end. start == end: all day (24 h)');

const Amount = z.number().int('a capacity is a whole number').min(0, 'a capacity is 0 to 200').max(200, 'a capacity is 0 to 200');
const OwnAmount = Amount.nullable().optional();
export const Capacity = z.strictObject({ ticket: OwnAmount, chat: OwnAmount, field: OwnAmount });
const OwnDayAmount = z.number().int('a daily limit is a whole number').min(0, 'a daily limit is 0 to 500').max(500, 'a daily limit is 0 to 500').nullable().optional();
export const DailyLimit = z.strictObject({ ticket: OwnDayAmount, chat: OwnDayAmount, field: OwnDayAmount });

const Words = (what: string) => z.array(z.string().trim().min(1, `a ${what} needs a name`).max(64)).max(50);

export const ProfileBody = z
  .strictObject({
    skills: z.record(SkillName, Level).refine((s) => Object.keys(s).length <= MAX_SKILLS, `at most ${MAX_SKILLS} skills`).describe('skill name → level 1..5'),
    certifications: z.array(Certification).max(50),
    regions: Words('region').describe('服务区域 by name ("上海市", "上海市/浦东新区")'),
    area: Area.nullable(),
    languages: z.array(z.string().trim().min(2, 'a language code, e.g. zh or en').max(16)).max(20),
    productLines: Words('product line'),
    shift: ShiftPatch.nullable().describe('null: always on shift (no shift)'),
    capacity: Capacity.describe('Per kind of work, merged with the stored capacity: a kind left out keeps its value, null removes it (the tenant default applies; for an agent, no on-site work)'),
    dailyLimit: DailyLimit.describe('每日上限 per kind of work: the most given in one day (the tenant\'s local day), on top of the capacity held at once; merged like capacity, null removes a kind (the tenant default applies, else no limit)'),
    home: LatLng.nullable(),
    outletId: Uuid.nullable(),
    status: z.enum(STATUSES),
  })
  .partial()
  .describe('Fields left out keep their value; null clears one that may be empty. skills, certifications, regions, languages and productLines are replaced as a whole; shift, capacity and dailyLimit merge field by field');
export type ProfileInput = z.output<typeof ProfileBody>;

export const ProfileSchema = z
  .object({
    userId: Uuid,
    name: z.string(),
    email: z.string(),
    role: z.string(),
    teamIds: z.array(Uuid),
    /** false for a person with no profile row yet (shown with the defaults) */
    configured: z.boolean(),
    skills: z.record(z.string(), z.number()),
    certifications: z.array(z.object({ name: z.string(), expires: z.string().nullable() })),
    regions: z.array(z.string()),
    area: z
      .object({ kind: z.enum(['radius', 'polygon']), center: z.array(z.number()).optional(), km: z.number().optional(), points: z.array(z.array(z.number())).optional() })
      .nullable()
      .describe('radius: center [lat, lng] and km; polygon: points [[lat, lng], …]'),
    languages: z.array(z.string()),
    productLines: z.array(z.string()),
    shift: z.object({ days: z.array(z.number()), start: z.string(), end: z.string(), followsCalendar: z.boolean() }).nullable(),
    capacity: z.object({ ticket: z.number().optional(), chat: z.number().optional(), field: z.number().optional() }),
    dailyLimit: z.object({ ticket: z.number().optional(), chat: z.number().optional(), field: z.number().optional() }).describe('their own 每日上限 per kind (the tenant default applies to a kind absent)'),
    home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    outletId: Uuid.nullable(),
    status: z.enum(STATUSES),
    statusAt: z.string().nullable(),
    shiftNow: z.boolean().describe("The shift pattern covers this moment (on the tenant's working calendar when the shift follows it); the status aside"),
  })
  .meta({ id: 'DispatchProfile' });
export const ProfileList = z.object({ items: z.array(ProfileSchema) });

export const SkillMatrixBody = z.strictObject({
  changes: z
    .array(z.strictObject({ userId: Uuid, skill: SkillName, level: Level.nullable().describe('null removes the skill') }))
    .min(1, 'send at least one change')
    .max(5000, 'at most 5000 changes at once'),
});

export const SkillMatrixResult = z.object({ updated: z.number().int() });
/** What is wrong with one row of a skill-matrix CSV: stable codes the console words in the reader's language. */
export const ROW_ISSUES = ['email_empty', 'skill_invalid', 'level_invalid', 'certification_too_long', 'expires_invalid', 'expires_without_certification', 'nothing_to_import', 'unknown_email', 'too_many_fields', 'too_many_skills'] as const;
export type RowIssue = (typeof ROW_ISSUES)[number];
export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional().describe('true: check the file and say what would be written, writing nothing') });
export const ImportResult = z
  .object({
    updated: z.number().int(),
    failed: z.array(
      z.object({
        row: z.number().int().describe("the file's line number, as a spreadsheet shows it (the header is line 1)"),
        code: z.string().describe('VALIDATION_FAILED (the row as written) or NOT_FOUND (no active staff member with that email)'),
        issue: z
          .enum(ROW_ISSUES)
          .describe('what is wrong with the row, a stable code. too_many_fields: more fields than the first line names columns (value: how many); too_many_skills: the person would have more than 100 skills (value: the email)'),
        value: z.string().optional().describe('the value at fault, as written'),
        skill: z.string().optional().describe('level_invalid: the skill the level is for'),
        message: z.string().describe('the same in English'),
      }),
    ),
    dryRun: z.literal(true).optional().describe('a preview (?dryRun=true): nothing was written; updated counts the rows that would be'),
  })
  .meta({ id: 'SkillMatrixImportResult' });

export const StatusBody = z.strictObject({ status: z.enum(STATUSES) });
export const StatusResult = z.object({ status: z.enum(STATUSES), statusAt: z.string() });

const Accuracy = z.number().min(0).max(100_000);
const FixTime = z.iso.datetime({ offset: true });
/** The board and the live message name them accuracyM / reportedAt: either spelling is taken, not both. */
export const LocationBody = z
  .strictObject({
    lat: Lat,
    lng: Lng,
    accuracy: Accuracy.optional().describe('metres (also accepted as accuracyM, the name the board answers with)'),
    accuracyM: Accuracy.optional().describe('metres: the same as accuracy; give one of the two'),
    at: FixTime.optional().describe('when the phone took the fix (also accepted as reportedAt); default now'),
    reportedAt: FixTime.optional().describe('the same as at; give one of the two'),
  })
  .superRefine((b, ctx) => {
    // exactly (0, 0) is what a phone sends before it has a fix, not a place in the Gulf of Guinea
    if (b.lat === 0 && b.lng === 0) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat 0, lng 0 is a phone without a GPS fix, not a position; send one once the phone has a fix' });
    if (b.accuracy !== undefined && b.accuracyM !== undefined) ctx.addIssue({ code: 'custom', path: ['accuracyM'], message: 'give accuracy or accuracyM, not both' });
    if (b.at !== undefined && b.reportedAt !== undefined) ctx.addIssue({ code: 'custom', path: ['reportedAt'], message: 'give at or reportedAt, not both' });
  })
  .describe('A phone\'s fix. Reported only by people dispatch sends on site: engineers, and agents with a field capacity of their own.');
/** A fix older than the one stored is not kept: said, not dropped silently (a stored one is answered 204). */
export const LocationNotStored = z.object({ stored: z.literal(false), reason: z.enum(['older']).describe('older: a newer fix of yours is stored already (phones resend out of order)') });
export const UserParams = z.strictObject({ userId: Uuid });
