import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { ticketSummary } from '../tickets';
import { withSurveyByToken } from './find-survey';
import { surveyRepository, type SurveyRow } from './survey-repository';

/** What the rating page and the portal show of a survey (never the token). */
export interface SurveyView {
  surveyId: string;
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  npsAsked: boolean;
  answered: boolean;
  expired: boolean;
  /** ISO-8601 */
  expiresAt: string;
  answer: { score: number; nps: number | null; comment: string | null; answeredAt: string; via: string } | null;
}

async function view(q: Queryable, s: SurveyRow, now: Date): Promise<SurveyView> {
  const t = await ticketSummary(q, s.ticket_id);
  return {
    surveyId: s.id,
    ticketId: s.ticket_id,
    ticketNumber: t?.number ?? 0,
    ticketTitle: t?.title ?? '',
    npsAsked: s.nps_asked,
    answered: !!s.answered_at,
    expired: now.getTime() >= s.expires_at.getTime(),
    expiresAt: s.expires_at.toISOString(),
    answer: s.answered_at && s.score !== null ? { score: s.score, nps: s.nps, comment: s.comment, answeredAt: s.answered_at.toISOString(), via: s.answered_via ?? 'survey' } : null,
  };
}

/** The survey a public token opens (rate-limited per address; an unknown token is NOT_FOUND without a hint). */
export function getPublicSurvey(deps: Deps, token: string, who: { ip: string }): Promise<SurveyView> {
  return withSurveyByToken(deps, token, who, (q, s) => view(q, s, deps.clock.now()));
}

/** For the portal, in the caller's tenant transaction: the ticket's latest survey, or null when none was sent. */
export async function surveyForTicket(q: Queryable, ticketId: string, now: Date = new Date()): Promise<SurveyView | null> {
  const s = await surveyRepository.latestOfTicket(q, ticketId);
  return s ? view(q, s, now) : null;
}
