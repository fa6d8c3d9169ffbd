import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

// A local stand-in for the platforms the delivery module talks to, on 127.0.0.1: WeCom / DingTalk /
// Feishu group robots (checking their signatures the way the platforms document them, answering with
// their JSON codes), an SMS gateway (bearer token) and a webhook receiver (checking our HMAC signature
// and dropping repeats by X-Gongdan-Delivery). Written apart from the module's own signing code.

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  json: any;
  /** the stand-in's verdict */
  answer: { status: number; body: unknown };
}

export interface StandInOptions {
  wecomKey: string;
  dingtalk: { token: string; secret: string };
  feishu: { token: string; secret: string };
  sms: { token: string };
  webhookSecret: string;
  /** the platforms' clock (their 1-hour window on timestamps) */
  now?: () => number;
}

export interface StandIn {
  url: string;
  received: Received[];
  /** webhook deliveries accepted, by X-Gongdan-Delivery id (repeats are counted, not stored twice) */
  webhooks: Map<string, { body: any; times: number }>;
  /** the next n webhook requests answer 500 */
  failNext(n: number): void;
  /** webhook requests wait this long before answering */
  delayMs: number;
  close(): Promise<void>;
}

const hmacB64 = (key: string, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest('base64');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStandIn(o: StandInOptions): Promise<StandIn> {
  const now = o.now ?? Date.now;
  const received: Received[] = [];
  const webhooks = new Map<string, { body: any; times: number }>();
  let failing = 0;
  const self: Partial<StandIn> = { received, webhooks, delayMs: 0, failNext: (n) => (failing = n) };

  const answer = (req: IncomingMessage, url: URL, body: string, json: any): { status: number; body: unknown } => {
    // WeCom 群机器人: the key in the URL is the credential; markdown content ≤ 4096 bytes, text ≤ 2048
    if (url.pathname === '/cgi-bin/webhook/send') {
      if (url.searchParams.get('key') !== o.wecomKey) return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
      const content = json?.msgtype === 'markdown' ? json.markdown?.content : json?.msgtype === 'text' ? json.text?.content : undefined;
      if (typeof content !== 'string') return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
      if (Buffer.byteLength(content) > (json.msgtype === 'markdown' ? 4096 : 2048)) return { status: 200, body: { errcode: 40058, errmsg: 'content exceed max length' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    }
    // DingTalk 自定义机器人 加签: timestamp (ms) and sign in the query; sign = base64(HmacSHA256(secret, ts + "\n" + secret))
    if (url.pathname === '/robot/send') {
      if (url.searchParams.get('access_token') !== o.dingtalk.token) return { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };
      const ts = url.searchParams.get('timestamp') ?? '';
      const sign = url.searchParams.get('sign') ?? '';
      if (!/^\d{13}$/.test(ts) || Math.abs(now() - Number(ts)) > 3_600_000) return { status: 200, body: { errcode: 310000, errmsg: 'invalid timestamp' } };
      if (!same(sign, hmacB64(o.dingtalk.secret, `${ts}\n${o.dingtalk.secret}`))) return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      if (json?.msgtype !== 'markdown' && json?.msgtype !== 'text') return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 msgtype' } };
      if (json.msgtype === 'markdown' && (typeof json.markdown?.title !== 'string' || typeof json.markdown?.text !== 'string')) return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 markdown' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    }
    // Feishu 自定义机器人 签名校验: timestamp (s) and sign in the body; sign = base64(HmacSHA256(key = ts + "\n" + secret, msg = ""))
    if (url.pathname === `/open-apis/bot/v2/hook/${o.feishu.token}`) {
      const ts = String(json?.timestamp ?? '');
      const ok = /^\d{10}$/.test(ts) && Math.abs(now() / 1000 - Number(ts)) <= 3600 && same(String(json?.sign ?? ''), hmacB64(`${ts}\n${o.feishu.secret}`, ''));
      if (!ok) return { status: 200, body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} } };
      if (json.msg_type !== 'text' && json.msg_type !== 'post') return { status: 200, body: { code: 19002, msg: 'params error, msg_type need', data: {} } };
      return { status: 200, body: { code: 0, msg: 'success', data: {} } };
    }
    if (url.pathname.startsWith('/open-apis/bot/v2/hook/')) return { status: 200, body: { code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} } };
    // SMS gateway: bearer token, {to, text, sign?}
    if (url.pathname === '/sms') {
      if (req.headers.authorization !== `Bearer ${o.sms.token}`) return { status: 401, body: { code: 401, message: 'bad token' } };
      if (!/^\+?\d{5,20}$/.test(String(json?.to ?? '')) || !json?.text) return { status: 200, body: { code: 1001, message: '号码或内容无效' } };
      return { status: 200, body: { code: 0, message: 'ok', id: `sms-${received.length}` } };
    }
    // our webhook receiver: t=…,v1=hex(HMAC-SHA256(secret, t + "." + body)) over the raw body, 5 minutes' tolerance
    if (url.pathname === '/hook') {
      const sig = String(req.headers['x-gongdan-signature'] ?? '');
      const t = /(?:^|,)t=(\d+)/.exec(sig)?.[1];
      const v1 = [...sig.matchAll(/(?:^|,)v1=([0-9a-f]{64})/g)].map((m) => m[1]);
      const expected = t ? createHmac('sha256', o.webhookSecret).update(`${t}.${body}`, 'utf8').digest('hex') : '';
      if (!t || !v1.some((v) => same(v, expected))) return { status: 401, body: { error: 'bad signature' } };
      if (Math.abs(now() / 1000 - Number(t)) > 300) return { status: 401, body: { error: 'stale timestamp' } };
      if (failing > 0) {
        failing--;
        return { status: 500, body: { error: 'receiver down' } };
      }
      const id = String(req.headers['x-gongdan-delivery'] ?? '');
      const seen = webhooks.get(id);
      if (seen) seen.times++;
      else webhooks.set(id, { body: json, times: 1 });
      return { status: 200, body: { received: true, duplicate: !!seen } };
    }
    return { status: 404, body: { error: 'no such path' } };
  };

  const server: Server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let json: any = null;
    try {
      json = JSON.parse(body);
    } catch {
      /* not JSON */
    }
    const a = answer(req, url, body, json);
    received.push({ path: url.pathname + url.search, headers: req.headers as Record<string, string>, body, json, answer: a });
    if (url.pathname === '/hook' && self.delayMs) await new Promise((r) => setTimeout(r, self.delayMs));
    res.writeHead(a.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  self.url = `http://127.0.0.1:${port}`;
  self.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return self as StandIn;
}
