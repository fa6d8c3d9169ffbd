import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notifyLowScore } from './notify-low-score';
import { settingsRepository } from './settings-repository';
import { surveyRepository } from './survey-repository';

/**
 * A bare score the customer sent in chat ("5", "五星": tickets' `csat.received` without a survey) answers
 * the ticket's open survey, so the rating page then says it was answered, the response rate counts it
 * and a low score is told once (the survey row is updated once, in this transaction).
 */
export async function takeChatScore(q: Queryable, deps: Deps, tenantId: string, ticketId: string, e: { score: number; channel: string; at: Date }): Promise<boolean> {
  const survey = await surveyRepository.latestOfTicket(q, ticketId, { forUpdate: true });
  if (!survey || survey.answered_at || survey.expires_at.getTime() <= e.at.getTime()) return false;
  if (!(await surveyRepository.answer(q, survey.id, { at: e.at, via: e.channel, score: e.score, nps: null, comment: null }))) return false;
  const settings = await settingsRepository.get(q);
  await notifyLowScore(q, deps, tenantId, ticketId, { score: e.score, comment: null, threshold: settings.lowScoreThreshold, at: e.at });
  return true;
}
