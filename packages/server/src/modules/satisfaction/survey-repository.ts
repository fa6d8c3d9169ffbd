import type { Queryable } from '../../platform/db/database';

// csat_surveys: one per resolution of a ticket, found by the hash of its token.

export interface SurveyRow {
  id: string;
  tenant_id: string;
  ticket_id: string;
  resolution_key: string;
  sent_via: string[];
  nps_asked: boolean;
  sent_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  answered_via: string | null;
  score: number | null;
  nps: number | null;
  comment: string | null;
}

const COLUMNS = 'id, tenant_id, ticket_id, resolution_key, sent_via, nps_asked, sent_at, expires_at, answered_at, answered_via, score, nps, comment';

export const surveyRepository = {
  /** Claims the survey of one resolution: the new row, or undefined when that resolution has one already (another process, a repeated message). */
  async claim(q: Queryable, s: { id: string; tenantId: string; ticketId: string; resolutionKey: string; tokenHash: string; npsAsked: boolean; sentAt: Date; expiresAt: Date }): Promise<SurveyRow | undefined> {
    const [row] = await q.query<SurveyRow>(
      `INSERT INTO csat_surveys (id, tenant_id, ticket_id, resolution_key, token_hash, nps_asked, sent_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, ticket_id, resolution_key) DO NOTHING RETURNING ${COLUMNS}`,
      [s.id, s.tenantId, s.ticketId, s.resolutionKey, s.tokenHash, s.npsAsked, s.sentAt, s.expiresAt],
    );
    return row;
  },
  async setSentVia(q: Queryable, id: string, via: string[]): Promise<void> {
    await q.query('UPDATE csat_surveys SET sent_via = $2 WHERE id = $1', [id, via]);
  },
  async byTokenHash(q: Queryable, hash: string, o: { forUpdate?: boolean } = {}): Promise<SurveyRow | undefined> {
    const [row] = await q.query<SurveyRow>(`SELECT ${COLUMNS} FROM csat_surveys WHERE tenant_id = current_tenant_id() AND token_hash = $1${o.forUpdate ? ' FOR UPDATE' : ''}`, [hash]);
    return row;
  },
  async byId(q: Queryable, id: string, o: { forUpdate?: boolean } = {}): Promise<SurveyRow | undefined> {
    const [row] = await q.query<SurveyRow>(`SELECT ${COLUMNS} FROM csat_surveys WHERE id = $1${o.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  },
  /** The ticket's latest survey. */
  async latestOfTicket(q: Queryable, ticketId: string, o: { forUpdate?: boolean } = {}): Promise<SurveyRow | undefined> {
    const [row] = await q.query<SurveyRow>(
      `SELECT ${COLUMNS} FROM csat_surveys WHERE tenant_id = current_tenant_id() AND ticket_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 1${o.forUpdate ? ' FOR UPDATE' : ''}`,
      [ticketId],
    );
    return row;
  },
  /** Records the answer once: false when it was answered meanwhile. */
  async answer(q: Queryable, id: string, a: { at: Date; via: string; score: number; nps: number | null; comment: string | null }): Promise<boolean> {
    const rows = await q.query('UPDATE csat_surveys SET answered_at = $2, answered_via = $3, score = $4, nps = $5, comment = $6 WHERE id = $1 AND answered_at IS NULL RETURNING id', [id, a.at, a.via, a.score, a.nps, a.comment]);
    return rows.length > 0;
  },
  /** Surveys sent in [from, to) and how many of them were answered (optionally of these tickets only). */
  async sentAndAnswered(q: Queryable, from: Date, to: Date): Promise<{ sent: number; answered: number }> {
    const [row] = await q.query<{ sent: number; answered: number }>(
      `SELECT count(*)::int AS sent, count(answered_at)::int AS answered FROM csat_surveys
        WHERE tenant_id = current_tenant_id() AND sent_at >= $1 AND sent_at < $2`,
      [from, to],
    );
    return row;
  },
};
