import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ErrorBody, ok } from '../../platform/http/schemas';
import { answerSurvey } from './answer-survey';
import { getCsatReport } from './get-report';
import { getPublicSurvey } from './read-survey';
import { AnswerBody, AnswerSchema, PublicSurveySchema, ReportQuery, ReportSchema, SettingsBody, SettingsSchema, TokenParams } from './schemas';
import { getCsatSettings, putCsatSettings } from './settings';

/** The public rating page's endpoints (the token is the credential; rate-limited) and the report and settings for supervisors / admins. */
export function satisfactionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = ['public'];
  const tags = ['satisfaction'];
  r.get('/api/v1/public/csat/:token', {
    config: { public: true },
    schema: { tags: pub, summary: 'A satisfaction survey by the token of its link: the ticket, whether it is answered or expired, whether NPS is asked (an unknown token: 404 without a hint)', params: TokenParams, response: ok(PublicSurveySchema) },
    handler: async (req) => getPublicSurvey(deps, req.params.token, { ip: req.ip }),
  });
  r.post('/api/v1/public/csat/:token', {
    config: { public: true },
    schema: {
      tags: pub,
      summary: 'Answer a satisfaction survey: 1–5 stars, a comment, NPS 0–10 when asked. Once: a second answer is CSAT_ALREADY_ANSWERED (409), an expired survey CSAT_EXPIRED (410)',
      params: TokenParams,
      body: AnswerBody,
      response: { ...ok(AnswerSchema), 410: ErrorBody },
    },
    handler: async (req) => answerSurvey(deps, { token: req.params.token, ip: req.ip }, req.body),
  });
  r.get('/api/v1/csat/report', {
    schema: { tags, summary: 'The satisfaction report of a period: count, average, distribution, NPS, response rate, by team / agent / category (supervisors and admins)', querystring: ReportQuery, response: ok(ReportSchema) },
    handler: async (req) => getCsatReport(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/csat/settings', {
    schema: { tags, summary: 'The satisfaction survey settings (supervisors and admins)', response: ok(SettingsSchema) },
    handler: async (req) => getCsatSettings(deps, actorOf(req)),
  });
  r.put('/api/v1/csat/settings', {
    schema: { tags, summary: 'Change the satisfaction survey settings (admins)', body: SettingsBody, response: ok(SettingsSchema) },
    handler: async (req) => putCsatSettings(deps, actorOf(req), req.body),
  });
}
