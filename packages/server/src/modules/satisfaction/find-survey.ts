import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { hashToken } from '../../platform/tokens';
import { tenantSlug } from '../identity';
import { checkRate } from '../intake';
import { surveyRepository, type SurveyRow } from './survey-repository';
import { tokenTenant } from './survey-rules';

/** The one answer to a token that is malformed, unknown, or of another tenant: no hint which. */
export const noSuchSurvey = () => new AppError('NOT_FOUND', 'This rating link is not valid; open the link from your message again', { field: 'token' });

/** Public look-ups per address and tenant in a 10-minute window (each GET and POST counts). */
export const SURVEY_RATE = { windowSeconds: 600, perIp: 60 };

/**
 * Runs `fn` with the survey a public token opens, in its tenant's transaction, after counting the request
 * against the per-address rate limit of that tenant (so guessing costs requests). Unknown → noSuchSurvey.
 */
export async function withSurveyByToken<T>(deps: Deps, token: string, who: { ip: string }, fn: (q: Queryable, s: SurveyRow) => Promise<T>, o: { forUpdate?: boolean } = {}): Promise<T> {
  const tenantId = tokenTenant(token);
  if (!tenantId) throw noSuchSurvey();
  // the rate limit counts against a tenant that exists, so a made-up tenant costs no row
  if (!(await deps.db.system((q) => tenantSlug(q, tenantId)))) throw noSuchSurvey();
  await checkRate(deps, tenantId, SURVEY_RATE.windowSeconds, [{ bucket: `csat:ip:${who.ip}`, limit: SURVEY_RATE.perIp }], 'rating requests');
  return deps.db.tenant(tenantId, async (q) => {
    const s = await surveyRepository.byTokenHash(q, hashToken(token), o);
    if (!s) throw noSuchSurvey();
    return fn(q, s);
  });
}
