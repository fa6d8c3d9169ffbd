import { createHmac } from 'node:crypto';

// The signatures of outgoing requests (pure).

/**
 * Our outbound webhooks: `X-Gongdan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * A receiver recomputes v1 over the raw body it received and rejects old timestamps (replays).
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** Parses `t=…,v1=…` (receivers and tests). */
export function parseWebhookSignature(header: string): { t: number; v1: string[] } | null {
  let t = NaN;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.split('=', 2).map((s) => s.trim());
    if (k === 't') t = Number(v);
    else if (k === 'v1' && v) v1.push(v);
  }
  return Number.isInteger(t) && v1.length ? { t, v1 } : null;
}

/**
 * DingTalk 自定义机器人 加签: sign = urlencode(base64(HmacSHA256(key = secret, msg = timestamp + "\n" + secret))),
 * timestamp in milliseconds; both go in the query string (`&timestamp=…&sign=…`). Returns the raw base64
 * sign (URLSearchParams encodes it).
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/**
 * Feishu 自定义机器人 签名校验: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, msg = "")),
 * timestamp in seconds; both go in the JSON body (`"timestamp": "…", "sign": "…"`).
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('', 'utf8').digest('base64');
}
