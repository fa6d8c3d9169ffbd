import { z } from 'zod';
import { DateParam, Uuid } from '../../platform/http/schemas';
import { COMMENT_MAX } from './survey-rules';

const Iso = z.string().describe('ISO-8601 date-time');

export const TokenParams = z.strictObject({ token: z.string().max(200).describe('The token of the rating link /csat/{token}') });

export const PublicSurveySchema = z
  .object({
    surveyId: Uuid,
    ticketId: Uuid,
    ticketNumber: z.number().int(),
    ticketTitle: z.string(),
    npsAsked: z.boolean().describe('whether the survey asks for a recommendation score 0–10'),
    answered: z.boolean(),
    expired: z.boolean(),
    expiresAt: Iso,
    answer: z.object({ score: z.number().int(), nps: z.number().int().nullable(), comment: z.string().nullable(), answeredAt: Iso, via: z.string().describe("'survey' or the chat channel of a bare score") }).nullable(),
  })
  .meta({ id: 'CsatSurvey' });

export const AnswerBody = z.strictObject({
  score: z.number().int().min(1).max(5).describe('1–5 stars (5: very satisfied)'),
  comment: z.string().max(COMMENT_MAX).nullable().optional(),
  nps: z.number().int().min(0).max(10).nullable().optional().describe('How likely to recommend us, 0–10; only when the survey asks (npsAsked)'),
});

export const AnswerSchema = z.object({ surveyId: Uuid, score: z.number().int(), nps: z.number().int().nullable(), comment: z.string().nullable(), answeredAt: Iso }).meta({ id: 'CsatAnswer' });

export const SettingsBody = z.strictObject({
  enabled: z.boolean().describe('send a survey when a ticket is resolved'),
  npsEnabled: z.boolean().describe('also ask how likely the customer is to recommend us (0–10)'),
  lowScoreThreshold: z.number().int().min(0).max(5).describe('a score at or below it notifies the team supervisors and admins (0: never)'),
  expiryDays: z.number().int().min(1).max(365).describe('days a survey takes answers'),
});
export const SettingsSchema = SettingsBody.extend({ updatedAt: Iso.nullable() }).meta({ id: 'CsatSettings' });

export const ReportQuery = z.strictObject({
  from: DateParam.optional().describe('start of the period (default: 30 days before `to`)'),
  to: DateParam.optional().describe('end of the period, exclusive (default: now)'),
});

const Summary = {
  count: z.number().int(),
  average: z.number().nullable(),
  distribution: z.array(z.number().int()).length(5).describe('ratings of score 1, 2, 3, 4, 5'),
  satisfiedPercent: z.number().nullable().describe('share of 4 and 5 stars in percent'),
};
const Group = z.object({ id: Uuid.nullable(), name: z.string().nullable(), ...Summary });

export const ReportSchema = z
  .object({
    from: Iso,
    to: Iso,
    ...Summary,
    nps: z.object({ answers: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), score: z.number().nullable().describe('% promoters − % detractors') }),
    byVia: z.record(z.string(), z.number().int()).describe("ratings by how they came: 'survey' or the chat channel of a bare score"),
    surveys: z.object({ sent: z.number().int(), answered: z.number().int(), responseRate: z.number().nullable().describe('answered / sent in percent') }),
    byTeam: z.array(Group),
    byAgent: z.array(Group),
    byCategory: z.array(Group),
  })
  .meta({ id: 'CsatReport' });
