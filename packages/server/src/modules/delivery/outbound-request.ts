import { dingtalkSign, feishuSign, webhookSignature } from './signing';
import type { RobotKind } from './robot-messages';

// What to send for a delivery and how to read the answer (pure; the transport is apart).

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  ok: boolean;
  status: number | null;
  /** the platform's own message or what went wrong, for the dead-letter list */
  error: string | null;
}

/** A webhook delivery: the body as enqueued, signed now, with its event and the delivery id (receivers drop repeats). */
export function webhookRequest(w: { url: string; secret: string }, deliveryId: string, request: Record<string, unknown>, now: Date): HttpRequest {
  const body = JSON.stringify(request);
  return {
    url: w.url,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Gongdan-Webhook/1',
      'x-gongdan-event': String(request.event ?? ''),
      'x-gongdan-delivery': deliveryId,
      'x-gongdan-signature': webhookSignature(w.secret, body, Math.floor(now.getTime() / 1000)),
    },
    body,
  };
}

/** A group robot's message, signed as its platform requires when the channel has a secret. */
export function robotRequest(kind: RobotKind, c: { url: string; secret?: string | null }, deliveryId: string, message: Record<string, unknown>, now: Date): HttpRequest {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-gongdan-delivery': deliveryId };
  if (kind === 'dingtalk_robot' && c.secret) {
    const url = new URL(c.url);
    const ts = now.getTime();
    url.searchParams.set('timestamp', String(ts));
    url.searchParams.set('sign', dingtalkSign(c.secret, ts));
    return { url: url.toString(), headers, body: JSON.stringify(message) };
  }
  if (kind === 'feishu_robot' && c.secret) {
    const ts = Math.floor(now.getTime() / 1000);
    return { url: c.url, headers, body: JSON.stringify({ timestamp: String(ts), sign: feishuSign(c.secret, ts), ...message }) };
  }
  return { url: c.url, headers, body: JSON.stringify(message) };
}

/**
 * The SMS gateway contract: POST {to, text, sign?} as JSON with `Authorization: Bearer <token>` (when a
 * token is set) and `X-Gongdan-Delivery`; success is a 2xx answer whose JSON (if any) has no non-zero
 * `code` / `errcode` and no `ok: false`.
 */
export function smsRequest(g: { url: string; token?: string | null; sign?: string | null }, deliveryId: string, sms: { to: string; text: string }): HttpRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-gongdan-delivery': deliveryId };
  if (g.token) headers.authorization = `Bearer ${g.token}`;
  return { url: g.url, headers, body: JSON.stringify({ to: sms.to, text: sms.text, ...(g.sign ? { sign: g.sign } : {}) }) };
}

const parse = (text: string): Record<string, unknown> | null => {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
};

/**
 * Reads an answer. Webhooks: any 2xx. Robots: HTTP 2xx AND the platform's code in the JSON body is 0
 * (WeCom / DingTalk `errcode`, Feishu `code` — or `StatusCode` in its older answers); a non-zero code
 * is a failed attempt carrying the platform's message. SMS gateway: as its contract above.
 */
export function readAnswer(kind: 'webhook' | RobotKind | 'sms', status: number, text: string): Answer {
  const excerpt = text.slice(0, 300);
  if (status < 200 || status > 299) return { ok: false, status, error: `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}` };
  if (kind === 'webhook') return { ok: true, status, error: null };
  const json = parse(text);
  if (kind === 'sms') {
    if (!json) return { ok: true, status, error: null };
    const code = json.code ?? json.errcode;
    if (json.ok === false || (code !== undefined && code !== 0 && code !== '0'))
      return { ok: false, status, error: `gateway code ${String(code ?? 'ok=false')}: ${String(json.message ?? json.msg ?? json.errmsg ?? '')}`.trim() };
    return { ok: true, status, error: null };
  }
  if (!json) return { ok: false, status, error: `not a JSON answer: ${excerpt}` };
  const code = kind === 'feishu_robot' ? (json.code ?? json.StatusCode) : json.errcode;
  const message = kind === 'feishu_robot' ? (json.msg ?? json.StatusMessage) : json.errmsg;
  if (code === 0) return { ok: true, status, error: null };
  return { ok: false, status, error: `${kind === 'feishu_robot' ? 'code' : 'errcode'} ${String(code)}: ${String(message ?? '')}` };
}
