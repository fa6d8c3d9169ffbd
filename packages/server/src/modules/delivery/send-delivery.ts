import type { ClaimedDelivery } from './delivery-repository';
import type { PostJson } from './http-transport';
import type { SendMail } from './mail-transport';
import { readAnswer, robotRequest, smsRequest, webhookRequest, type Answer, type HttpRequest } from './outbound-request';

export interface SendPorts {
  post: PostJson;
  mail: SendMail;
  timeoutMs: number;
}

/** Why a delivery cannot be sent at all (retrying would not help): it goes dead at once. */
export class Undeliverable extends Error {}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The HTTP request of a claimed delivery (null for email). */
export function requestOf(d: ClaimedDelivery, now: Date): HttpRequest | null {
  if (!d.target_exists) throw new Undeliverable(`the ${d.target_kind === 'webhook' ? 'webhook' : 'channel'} was deleted`);
  if (!d.target_active) throw new Undeliverable(`the ${d.target_kind === 'webhook' ? 'webhook' : 'channel'} is switched off`);
  const url = d.target_url ?? '';
  switch (d.target_kind) {
    case 'webhook':
      return webhookRequest({ url, secret: d.webhook_secret ?? '' }, d.id, d.request, now);
    case 'wecom_robot':
    case 'dingtalk_robot':
    case 'feishu_robot':
      return robotRequest(d.target_kind, { url, secret: str(d.channel_config?.secret) }, d.id, d.request, now);
    case 'sms':
      return smsRequest({ url, token: str(d.channel_config?.token), sign: str(d.channel_config?.sign) }, d.id, { to: String(d.request.to ?? ''), text: String(d.request.text ?? '') });
    case 'email':
      return null;
  }
}

/** Sends one claimed delivery (outside any transaction); never throws. */
export async function sendDelivery(d: ClaimedDelivery, now: Date, ports: SendPorts): Promise<Answer & { permanent?: boolean }> {
  let req: HttpRequest | null;
  try {
    req = requestOf(d, now);
  } catch (err) {
    return { ok: false, status: null, error: (err as Error).message, permanent: err instanceof Undeliverable };
  }
  try {
    if (!req) {
      await ports.mail({ to: String(d.request.to ?? ''), subject: String(d.request.subject ?? ''), text: String(d.request.text ?? '') }, d.id);
      return { ok: true, status: null, error: null };
    }
    const res = await ports.post(req, ports.timeoutMs);
    return readAnswer(d.target_kind as Exclude<typeof d.target_kind, 'email'>, res.status, res.text);
  } catch (err) {
    const e = err as Error & { responseCode?: number; cause?: { code?: string } };
    const what = e.name === 'TimeoutError' ? `no answer within ${ports.timeoutMs} ms` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
    return { ok: false, status: e.responseCode ?? null, error: what };
  }
}
