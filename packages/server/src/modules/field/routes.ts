import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok } from '../../platform/http/schemas';
import { getFieldSettings, putFieldSettings } from './field-settings';
import { getJob } from './get-job';
import { listMyJobs } from './list-jobs';
import { postStep } from './post-step';
import { scheduleVisit } from './schedule-visit';
import { JobDetailSchema, JobListQuery, JobListSchema, JobParams, ScheduleBody, SettingsBody, SettingsSchema, StepAnswerSchema, StepBody, StepParams, VisitSchema } from './schemas';

const tags = ['field'];

/** 现场服务: the engineer's phone — my jobs, a job, its visit steps; planning a visit; the tenant's field settings. */
export function fieldRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/field/jobs', {
    schema: { tags, summary: 'My jobs (我的工单) of a day in route order, and the upcoming ones', querystring: JobListQuery, response: ok(JobListSchema) },
    handler: async (req) => listMyJobs(deps, actorOf(req), req.query.date),
  });
  r.get('/api/v1/field/jobs/:ticketId', {
    schema: { tags, summary: 'One job with its description and the steps recorded so far; 409 DISPATCH_REASSIGNED / DISPATCH_RETURNED when it was yours and was given to someone else / went back to dispatch', params: JobParams, response: ok(JobDetailSchema) },
    handler: async (req) => getJob(deps, actorOf(req), req.params.ticketId),
  });
  r.post('/api/v1/field/jobs/:ticketId/steps', {
    schema: {
      tags,
      summary:
        'A visit step from the phone (出发, 签到, note, photo, 签字, 完工), idempotent by opId. 409 FIELD_STEP_OUT_OF_ORDER when it cannot follow the steps so far (e.g. completing before checking in), FIELD_VISIT_COMPLETED after 完工, DISPATCH_REASSIGNED / DISPATCH_RETURNED on a job taken from you (改派, back to dispatch), 422 FIELD_OP_REUSED for an opId used with another body. A check-in far from the site is flagged, not refused.',
      params: StepParams,
      body: StepBody,
      response: ok(StepAnswerSchema),
    },
    handler: async (req) => postStep(deps, actorOf(req), req.params.ticketId, req.body),
  });
  r.put('/api/v1/field/jobs/:ticketId/visit', {
    schema: { tags, summary: 'Book the open visit’s time window with the customer (预约上门); agents, supervisors, admins and the assigned engineer. The window ends after it starts and after now, starts at most 90 days ahead and lasts at most 24 hours (400 otherwise); a resolved or closed ticket answers 409 INVALID_TRANSITION', params: StepParams, body: ScheduleBody, response: ok(VisitSchema) },
    handler: async (req) => scheduleVisit(deps, actorOf(req), req.params.ticketId, req.body),
  });
  r.get('/api/v1/field/settings', {
    schema: { tags, summary: 'The tenant’s field settings', response: ok(SettingsSchema) },
    handler: async (req) => getFieldSettings(deps, actorOf(req)),
  });
  r.put('/api/v1/field/settings', {
    schema: { tags, summary: 'Set the check-in radius (admins)', body: SettingsBody, response: ok(SettingsSchema) },
    handler: async (req) => putFieldSettings(deps, actorOf(req), req.body),
  });
}
