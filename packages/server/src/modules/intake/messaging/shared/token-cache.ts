import { createHash } from 'node:crypto';
import type { Clock } from '../../../../platform/clock';

// Access tokens of the platforms (WeCom / WeChat access_token, DingTalk accessToken, Feishu
// tenant_access_token) are valid for about two hours and rate-limited: one is fetched per app and
// kept in memory until shortly before it expires (or until the platform says it is invalid).

const MARGIN_MS = 5 * 60_000;
const tokens = new Map<string, { token: string; until: number }>();
const inflight = new Map<string, Promise<string>>();

export function tokenKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export async function cachedToken(clock: Clock, key: string, fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>): Promise<string> {
  const hit = tokens.get(key);
  if (hit && hit.until > clock.now().getTime()) return hit.token;
  const running = inflight.get(key);
  if (running) return running;
  const p = fetchToken()
    .then((t) => {
      tokens.set(key, { token: t.token, until: clock.now().getTime() + Math.max(0, t.expiresInSeconds * 1000 - MARGIN_MS) });
      return t.token;
    })
    .finally(() => inflight.delete(key));
  inflight.set(key, p);
  return p;
}

export function forgetToken(key: string): void {
  tokens.delete(key);
}
