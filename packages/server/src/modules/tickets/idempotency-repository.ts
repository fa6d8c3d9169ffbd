import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';

export interface IdempotencyClaim {
  key: string;
  principal: string;
  requestHash: string;
}

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body ?? null)).digest('base64url');

/** Gives a key back when its request was refused after the claim (the transaction still commits others). */
export async function releaseIdempotencyKey(q: Queryable, c: IdempotencyClaim): Promise<void> {
  await q.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response IS NULL', [c.principal, c.key]);
}

/**
 * Claims the Idempotency-Keys of many creates of one tenant inside their transaction: one insert for
 * all keys, one read of the keys claimed before. A concurrent retry blocks on the unique key until the
 * first commits, then gets its stored result; the same key with another body is refused. Per claim: null (claimed now), `{ replay }` (the stored result, or undefined
 * while its first request has not finished — e.g. a second unit of this very batch), or an error
 * when the key was used for a different request.
 */
export async function claimIdempotencyKeys<T>(q: Queryable, tenantId: string, claims: IdempotencyClaim[]): Promise<({ replay: T | undefined } | AppError | null)[]> {
  if (!claims.length) return [];
  const inserted = await q.query<{ principal: string; key: string }>(
    `INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash)
     SELECT $1, u.principal, u.key, u.hash FROM unnest($2::text[], $3::text[], $4::text[]) AS u(principal, key, hash)
     ON CONFLICT DO NOTHING RETURNING principal, key`,
    [tenantId, claims.map((c) => c.principal), claims.map((c) => c.key), claims.map((c) => c.requestHash)],
  );
  const id = (c: { principal: string; key: string }) => `${c.principal}\u0000${c.key}`;
  const won = new Set(inserted.map(id));
  const others = claims.filter((c) => !won.has(id(c)));
  const prior = others.length
    ? await q.query<{ principal: string; key: string; request_hash: string; response: T | null }>(
        `SELECT k.principal, k.key, k.request_hash, k.response FROM idempotency_keys k
         JOIN unnest($1::text[], $2::text[]) AS u(principal, key) ON k.principal = u.principal AND k.key = u.key`,
        [others.map((c) => c.principal), others.map((c) => c.key)],
      )
    : [];
  const priorOf = new Map(prior.map((p) => [id(p), p]));
  return claims.map((c) => {
    if (won.delete(id(c))) return null; // the first claim of a key in this batch wins; a second one waits
    const p = priorOf.get(id(c));
    if (p && p.request_hash !== c.requestHash)
      return new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key', { field: 'Idempotency-Key' });
    return { replay: p?.response ?? undefined };
  });
}

/** The results of many creates, stored with their keys in one statement, to answer retries. */
export async function storeIdempotentResults(q: Queryable, results: { claim: IdempotencyClaim; status: number; response: unknown }[]): Promise<void> {
  if (!results.length) return;
  await q.query(
    `UPDATE idempotency_keys k SET status = u.status, response = u.response
     FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[]) AS u(principal, key, status, response)
     WHERE k.principal = u.principal AND k.key = u.key`,
    [results.map((r) => r.claim.principal), results.map((r) => r.claim.key), results.map((r) => r.status), results.map((r) => JSON.stringify(r.response))],
  );
}
