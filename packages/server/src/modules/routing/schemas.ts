import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';

const Day = z.string().describe('A day, YYYY-MM-DD, in the tenant time zone');
const Iso = z.string().describe('ISO-8601 date-time');

export const DayRouteQuery = z.strictObject({ userId: Uuid, date: Day });
export const DayPlansQuery = z.strictObject({ date: Day });
export const PlanTeamBody = z.strictObject({ teamId: Uuid, date: Day });

export const RouteStopSchema = z
  .object({
    ticketId: Uuid,
    arriveAt: Iso,
    startAt: Iso,
    endAt: Iso,
    lat: z.number(),
    lng: z.number(),
    travelKm: z.number().describe('Road km from the previous place (straight line × road factor)'),
    slaDueAt: Iso.optional().describe("The SLA's deadline for reaching the site, when a clock runs; the plan keeps it when the day can"),
    late: z.literal(true).optional().describe('The visit starts after slaDueAt: no order of the day keeps that deadline'),
    reassignFrom: Uuid.optional().describe('Team plans: the engineer the job is assigned to now, when the plan gives it to another'),
  })
  .meta({ id: 'RouteStop' });

export const DayRouteSchema = z
  .object({
    userId: Uuid,
    date: Day,
    stops: z.array(RouteStopSchema),
    break: z.object({ startAt: Iso, endAt: Iso }).nullable(),
    unplanned: z.array(z.object({ ticketId: Uuid, reason: z.string().describe('no_site, no_time or no_engineer') })),
    km: z.number(),
    reason: z.enum(['request', 'team', 'urgent', 'assigned']).describe("What planned it: asked for, a team plan, an urgent job, a job assigned to an engineer whose day had a plan"),
    planned_at: Iso,
  })
  .meta({ id: 'DayRoute' });

export const TeamPlanSchema = z.object({ plans: z.array(DayRouteSchema) }).meta({ id: 'TeamRoutePlan' });
export const DayRouteList = z.object({ items: z.array(DayRouteSchema) }).meta({ id: 'DayRouteList' });
