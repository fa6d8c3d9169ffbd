import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';

export interface IdempotencyClaim {
  key: string;
  principal: string;
  requestHash: string;
}

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body ?? null)).digest('base64url');

/**
 * Claims an Idempotency-Key inside the create transaction. A concurrent retry blocks on the
 * unique key until the first commits, then gets its stored result; the same key with another
 * body is refused.
 */
export async function claimIdempotencyKey<T>(q: Queryable, tenantId: string, c: IdempotencyClaim): Promise<{ replay: T } | null> {
  const inserted = await q.query(
    `INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING key`,
    [tenantId, c.principal, c.key, c.requestHash],
  );
  if (inserted.length) return null;
  const [prior] = await q.query<{ request_hash: string; response: T }>(
    'SELECT request_hash, response FROM idempotency_keys WHERE principal = $1 AND key = $2',
    [c.principal, c.key],
  );
  if (prior.request_hash !== c.requestHash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key', { field: 'Idempotency-Key' });
  return { replay: prior.response };
}

export async function storeIdempotentResult(q: Queryable, c: IdempotencyClaim, status: number, response: unknown): Promise<void> {
  await q.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE principal = $1 AND key = $2', [c.principal, c.key, status, JSON.stringify(response)]);
}

/** Gives a key back when its request was refused after the claim (the transaction still commits others). */
export async function releaseIdempotencyKey(q: Queryable, c: IdempotencyClaim): Promise<void> {
  await q.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response IS NULL', [c.principal, c.key]);
}
