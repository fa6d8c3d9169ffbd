import { createHash, timingSafeEqual } from 'node:crypto';

/** How a request presents itself to the operator API: disabled, no bearer token, a wrong one, or the right one. */
export type OperatorCheck = 'disabled' | 'missing' | 'wrong' | 'ok';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Compares in constant time; both sides are hashed first so neither length leaks. Node reads header
 * bytes as latin1, so a UTF-8 token sent by a real client (e.g. one with Chinese characters) is also
 * tried decoded as UTF-8.
 */
export function checkOperatorToken(configured: string, authorization: string | undefined): OperatorCheck {
  if (!configured) return 'disabled';
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) return 'missing';
  const sent = m[1].trim();
  const candidates = [sent];
  if (/[\x80-\xff]/.test(sent) && !/[^\x00-\xff]/.test(sent)) candidates.push(Buffer.from(sent, 'latin1').toString('utf8'));
  const want = digest(configured);
  let ok = false;
  for (const c of candidates) ok = timingSafeEqual(digest(c), want) || ok;
  return ok ? 'ok' : 'wrong';
}
