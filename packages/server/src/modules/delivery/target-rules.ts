import { invalid } from '../../platform/errors';

// Rules of webhook and channel settings (pure).

/** An http(s) URL with a host, or a clear validation error on `field`. */
export function checkUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(field, `Not a URL: give the full address, e.g. https://example.com/hooks/gongdan`, 'invalid_format', value.slice(0, 200));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(field, `Only http:// and https:// addresses can be called (got ${url.protocol})`, 'invalid_format', value.slice(0, 200));
  if (!url.hostname) throw invalid(field, 'The URL has no host', 'invalid_format');
  if (url.username || url.password) throw invalid(field, 'Put no user name or password in the URL; use the secret or token setting', 'not_allowed');
  return url.toString();
}

/** A secret shown to admins: its last 4 characters only. */
export function maskSecret(s: string | null | undefined): string | null {
  if (!s) return null;
  return s.length <= 8 ? '••••' : `••••${s.slice(-4)}`;
}

/**
 * A robot's URL carries its token (WeCom `key=`, DingTalk `access_token=`, Feishu the last path
 * segment of /bot/v2/hook/<token>): shown with the token masked.
 */
export function maskRobotUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '••••';
  }
  for (const k of ['key', 'access_token', 'token']) {
    const v = url.searchParams.get(k);
    if (v) url.searchParams.set(k, maskSecret(v) ?? '');
  }
  const parts = url.pathname.split('/');
  const hook = parts.indexOf('hook');
  if (hook >= 0 && parts[hook + 1]) parts[hook + 1] = maskSecret(parts[hook + 1]) ?? '';
  url.pathname = parts.join('/');
  return decodeURI(url.toString());
}

/** Event kinds a webhook subscribes to: exact kinds ('ticket.created') or prefixes ('sla.*'), or '*' for all. */
export function checkEvents(events: string[]): string[] {
  const out = [...new Set(events.map((e) => e.trim()).filter(Boolean))];
  for (const e of out) if (!/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/.test(e)) throw invalid('events', `Not an event kind: "${e}" (e.g. ticket.created, sla.*, *)`, 'invalid', e);
  return out;
}

/** Whether a webhook subscribed to `events` receives an event of `kind`. */
export function subscribes(events: string[], kind: string): boolean {
  return events.some((e) => e === '*' || e === kind || (e.endsWith('.*') && kind.startsWith(e.slice(0, -1))));
}

export function checkSecret(secret: string): string {
  if (secret.length < 16) throw invalid('secret', 'The signing secret must have at least 16 characters', 'too_small');
  return secret;
}
