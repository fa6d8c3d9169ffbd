import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { answerSurvey, surveyForTicket } from '../satisfaction';
import type { RequestAccess } from './request-access';

/** The customer rates their solved request: the satisfaction survey of its latest resolution, answered by id (access checked by the caller). */
export async function rateRequest(deps: Deps, a: RequestAccess, input: { score: number; nps?: number; comment?: string }): Promise<void> {
  const survey = a.ticketId ? await deps.db.tenant(a.portal.tenantId, (q) => surveyForTicket(q, a.ticketId!, deps.clock.now())) : null;
  if (!survey) throw new AppError('CONFLICT', 'There is no satisfaction survey for this request (yet): it is sent when the request is solved', { field: 'score' });
  await answerSurvey(deps, { tenantId: a.portal.tenantId, surveyId: survey.surveyId }, { score: input.score, nps: input.nps, comment: input.comment });
}
