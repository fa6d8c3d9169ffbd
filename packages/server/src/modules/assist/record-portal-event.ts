import type { Queryable } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { assistRepository } from './assist-repository';
import type { PortalKind } from './deflection-rules';

export interface PortalEventInput {
  tenantId: string;
  /** the portal visitor's session (anonymous or signed in), at most 100 characters */
  sessionId: string;
  kind: PortalKind;
  articleId?: string | null;
  /** search: the words searched (kept to 500 characters) */
  query?: string | null;
  /** when it happened: pass `deps.clock.now()`; the transaction's time when left out */
  at?: Date;
}

/**
 * For the portal: a visitor's search, article read, request begun or submitted, recorded in the
 * caller's transaction of the tenant. The deflection rate is computed from these (deflection-rules.ts).
 */
export async function recordPortalEvent(q: Queryable, e: PortalEventInput): Promise<void> {
  const sessionId = e.sessionId?.trim();
  if (!sessionId || sessionId.length > 100) throw invalid('sessionId', 'A portal session id of 1 to 100 characters is needed');
  await assistRepository.insertPortal(q, {
    id: uuidv7(),
    tenantId: e.tenantId,
    sessionId,
    kind: e.kind,
    articleId: e.articleId ?? null,
    query: e.query ? Array.from(e.query).slice(0, 500).join('') : null,
    at: e.at ?? null,
  });
}
