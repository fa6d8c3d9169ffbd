import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, invalid } from '../../platform/errors';
import { contactCard } from '../customers';
import type { Actor } from '../identity';
import { recordTicketEvents, ticketSummary } from '../tickets';
import { noSuchSurvey, withSurveyByToken } from './find-survey';
import { notifyLowScore } from './notify-low-score';
import { settingsRepository } from './settings-repository';
import { surveyRepository, type SurveyRow } from './survey-repository';
import { answerProblem, type SurveyAnswer } from './survey-rules';

/** Which survey: by its public token (the rating page; rate-limited per address), or by id for the portal, which has checked the customer itself. */
export type SurveyRef = { token: string; ip: string } | { tenantId: string; surveyId: string };

export interface AnsweredSurvey {
  surveyId: string;
  score: number;
  nps: number | null;
  comment: string | null;
  /** ISO-8601 */
  answeredAt: string;
}

/**
 * The customer's answer (1–5 stars, a comment, NPS 0–10 when asked), taken once: a second answer is
 * refused with CSAT_ALREADY_ANSWERED (409), also when the customer rated by a bare score
 * in chat; an expired survey with CSAT_EXPIRED (410). It appends the ticket's `csat.received` event
 * (data: score, comment, nps, surveyId, via 'survey' — the event a score in chat writes, one meaning)
 * and tells the supervisors about a low score, all in one transaction.
 */
export async function answerSurvey(deps: Deps, ref: SurveyRef, a: SurveyAnswer): Promise<AnsweredSurvey> {
  if ('token' in ref) return withSurveyByToken(deps, ref.token, { ip: ref.ip }, (q, s) => answerIn(q, deps, s, a), { forUpdate: true });
  return deps.db.tenant(ref.tenantId, async (q) => {
    const s = await surveyRepository.byId(q, ref.surveyId, { forUpdate: true });
    if (!s) throw noSuchSurvey();
    return answerIn(q, deps, s, a);
  });
}

async function answerIn(q: Queryable, deps: Deps, s: SurveyRow, a: SurveyAnswer): Promise<AnsweredSurvey> {
  const now = deps.clock.now();
  const problem = answerProblem({ answeredAt: s.answered_at, expiresAt: s.expires_at, npsAsked: s.nps_asked }, a, now);
  if (problem?.code === 'already_answered') throw new AppError('CSAT_ALREADY_ANSWERED', 'This survey has been answered already (an answer is final); thank you', { field: 'token' });
  if (problem?.code === 'expired') throw new AppError('CSAT_EXPIRED', 'This survey has expired and takes no more answers', { field: 'token' });
  if (problem) throw invalid(problem.field, problem.message, problem.field === 'comment' ? 'too_long' : 'out_of_range');
  const comment = a.comment?.trim() || null;
  const nps = s.nps_asked && a.nps !== undefined ? a.nps : null;
  await surveyRepository.answer(q, s.id, { at: now, via: 'survey', score: a.score, nps, comment });
  const t = await ticketSummary(q, s.ticket_id);
  const contact = t?.requesterId ? await contactCard(q, t.requesterId) : undefined;
  // the requester rated: the event names the contact as its actor (actor_type 'contact'), as a score in chat does
  const actor = (contact ? { tenantId: s.tenant_id, type: 'contact', id: contact.id, name: contact.name } : { tenantId: s.tenant_id, type: 'system', id: null, name: '满意度回访' }) as unknown as Actor;
  await recordTicketEvents(q, [{ ticketId: s.ticket_id, kind: 'csat.received', actor, channel: 'portal', at: now, data: { score: a.score, comment, nps, surveyId: s.id, via: 'survey' } }], now);
  const settings = await settingsRepository.get(q);
  await notifyLowScore(q, deps, s.tenant_id, s.ticket_id, { score: a.score, comment, threshold: settings.lowScoreThreshold, at: now });
  return { surveyId: s.id, score: a.score, nps, comment, answeredAt: now.toISOString() };
}
