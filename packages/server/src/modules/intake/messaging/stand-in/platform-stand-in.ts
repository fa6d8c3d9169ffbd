import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessagingPlatform } from '../shared/callback-types';

// A local stand-in for the open APIs of WeCom, the WeChat Official Account, DingTalk and Feishu: the
// token, send and media endpoints with the documented request and response shapes (paths, query and
// header names, errcode / code bodies), recording what was sent. Tests and local development point a
// channel's settings.apiBaseUrl at it; see docs/channels/messaging.md.

export interface StandInApp {
  platform: MessagingPlatform;
  /** CorpID (WeCom), AppID (WeChat), AppKey (DingTalk), App ID (Feishu) */
  id: string;
  secret: string;
  /** WeCom AgentId; DingTalk robotCode */
  agentId?: string;
}

export interface SentMessage {
  platform: MessagingPlatform;
  appId: string;
  to: string;
  text: string;
  body: any;
}

export class PlatformStandIn {
  readonly sent: SentMessage[] = [];
  readonly calls: { method: string; path: string }[] = [];
  private readonly apps: StandInApp[] = [];
  private readonly tokens = new Map<string, StandInApp>();
  private readonly media = new Map<string, { contentType: string; content: Buffer; filename: string }>();
  private server: Server | null = null;
  private seq = 0;
  /** the next n API calls answer HTTP 503 (a platform outage) */
  failNext = 0;
  baseUrl = '';

  addApp(app: StandInApp): this {
    this.apps.push(app);
    return this;
  }
  /** a file the platform holds: a WeCom / WeChat MediaId, a DingTalk downloadCode, a Feishu image_key */
  addMedia(id: string, contentType: string, content: Buffer, filename = id): this {
    this.media.set(id, { contentType, content, filename });
    return this;
  }
  /** every token issued so far becomes invalid (as after expiry) */
  expireTokens(): void {
    this.tokens.clear();
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => json(res, 500, { error: String(err) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }
  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private issue(app: StandInApp): string {
    const token = `${app.platform}-${++this.seq}-${randomBytes(6).toString('hex')}`;
    this.tokens.set(token, app);
    return token;
  }
  private app(platform: MessagingPlatform, id: string | null | undefined): StandInApp | undefined {
    return this.apps.find((a) => a.platform === platform && a.id === id);
  }
  private record(platform: MessagingPlatform, app: StandInApp, to: string, text: string, body: any) {
    this.sent.push({ platform, appId: app.id, to, text, body });
    return `${platform}-msg-${this.sent.length}`;
  }
  private sendMedia(res: ServerResponse, id: string): boolean {
    const m = this.media.get(id);
    if (!m) return false;
    res.writeHead(200, { 'content-type': m.contentType, 'content-disposition': `attachment; filename="${encodeURIComponent(m.filename)}"`, 'content-length': m.content.length });
    res.end(m.content);
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const q = url.searchParams;
    const path = url.pathname;
    this.calls.push({ method: req.method ?? 'GET', path });
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (this.failNext > 0) {
      this.failNext--;
      return json(res, 503, { errcode: -1, errmsg: 'system busy' });
    }
    const wx = (platform: 'wecom' | 'wechat') => {
      const app = this.tokens.get(q.get('access_token') ?? '');
      return app?.platform === platform ? app : undefined;
    };

    // WeCom (qyapi.weixin.qq.com)
    if (path === '/cgi-bin/gettoken') {
      const app = this.app('wecom', q.get('corpid'));
      if (!app) return json(res, 200, { errcode: 40013, errmsg: 'invalid corpid' });
      if (app.secret !== q.get('corpsecret')) return json(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
      return json(res, 200, { errcode: 0, errmsg: 'ok', access_token: this.issue(app), expires_in: 7200 });
    }
    if (path === '/cgi-bin/message/send') {
      const app = wx('wecom');
      if (!app) return json(res, 200, { errcode: 42001, errmsg: 'access_token expired' });
      if (app.agentId && String(body?.agentid) !== app.agentId) return json(res, 200, { errcode: 40056, errmsg: 'invalid agentid' });
      if (body?.msgtype !== 'text' || typeof body?.text?.content !== 'string' || !body?.touser) return json(res, 200, { errcode: 44004, errmsg: 'empty content' });
      const msgid = this.record('wecom', app, body.touser, body.text.content, body);
      return json(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid });
    }
    // WeChat Official Account (api.weixin.qq.com)
    if (path === '/cgi-bin/token') {
      const app = this.app('wechat', q.get('appid'));
      if (q.get('grant_type') !== 'client_credential') return json(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (!app) return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (app.secret !== q.get('secret')) return json(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      return json(res, 200, { access_token: this.issue(app), expires_in: 7200 });
    }
    if (path === '/cgi-bin/message/custom/send') {
      const app = wx('wechat');
      if (!app) return json(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body?.msgtype !== 'text' || typeof body?.text?.content !== 'string' || !body?.touser) return json(res, 200, { errcode: 44004, errmsg: 'empty content' });
      this.record('wechat', app, body.touser, body.text.content, body);
      return json(res, 200, { errcode: 0, errmsg: 'ok' });
    }
    if (path === '/cgi-bin/media/get') {
      if (!wx('wecom') && !wx('wechat')) return json(res, 200, { errcode: 40014, errmsg: 'invalid access_token' });
      if (!this.sendMedia(res, q.get('media_id') ?? '')) json(res, 200, { errcode: 40007, errmsg: 'invalid media_id' });
      return;
    }
    // DingTalk (api.dingtalk.com)
    if (path === '/v1.0/oauth2/accessToken') {
      const app = this.app('dingtalk', body?.appKey);
      if (!app || app.secret !== body?.appSecret) return json(res, 400, { code: 'invalidClientIdOrSecret', message: '无效的appKey或appSecret', requestid: 'r1' });
      return json(res, 200, { accessToken: this.issue(app), expireIn: 7200 });
    }
    if (path.startsWith('/v1.0/robot/')) {
      const app = this.tokens.get(String(req.headers['x-acs-dingtalk-access-token'] ?? ''));
      if (app?.platform !== 'dingtalk') return json(res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token', requestid: 'r2' });
      if (app.agentId && body?.robotCode !== app.agentId) return json(res, 400, { code: 'invalidParameter.robotCode', message: 'robotCode 无效', requestid: 'r3' });
      if (path === '/v1.0/robot/oToMessages/batchSend') {
        const param = JSON.parse(body?.msgParam ?? '{}');
        if (body?.msgKey !== 'sampleText' || !Array.isArray(body?.userIds)) return json(res, 400, { code: 'invalidParameter', message: 'msgKey / userIds', requestid: 'r4' });
        for (const u of body.userIds) this.record('dingtalk', app, u, param.content, body);
        return json(res, 200, { processQueryKey: `pqk-${this.sent.length}`, invalidStaffIdList: [], flowControlledStaffIdList: [] });
      }
      if (path === '/v1.0/robot/messageFiles/download') {
        if (!this.media.has(body?.downloadCode)) return json(res, 400, { code: 'invalidParameter.downloadCode', message: 'downloadCode 无效', requestid: 'r5' });
        return json(res, 200, { downloadUrl: `${this.baseUrl}/dingtalk-files/${encodeURIComponent(body.downloadCode)}` });
      }
    }
    if (path.startsWith('/dingtalk-files/') && this.sendMedia(res, decodeURIComponent(path.slice('/dingtalk-files/'.length)))) return;
    // Feishu (open.feishu.cn)
    if (path === '/open-apis/auth/v3/tenant_access_token/internal') {
      const app = this.app('feishu', body?.app_id);
      if (!app) return json(res, 200, { code: 10003, msg: 'invalid param' });
      if (app.secret !== body?.app_secret) return json(res, 200, { code: 10014, msg: 'app secret invalid' });
      return json(res, 200, { code: 0, msg: 'ok', tenant_access_token: this.issue(app), expire: 7200 });
    }
    if (path.startsWith('/open-apis/im/v1/messages')) {
      const app = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (app?.platform !== 'feishu') return json(res, 400, { code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' });
      const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
      if (resource && req.method === 'GET') {
        if (!this.sendMedia(res, decodeURIComponent(resource[2]))) json(res, 400, { code: 234003, msg: 'File not in msg.' });
        return;
      }
      if (path === '/open-apis/im/v1/messages' && req.method === 'POST') {
        if (q.get('receive_id_type') !== 'open_id' || body?.msg_type !== 'text') return json(res, 400, { code: 230001, msg: 'invalid receive_id_type or msg_type' });
        const content = JSON.parse(body.content ?? '{}');
        const id = this.record('feishu', app, body.receive_id, content.text, body);
        return json(res, 200, { code: 0, msg: 'success', data: { message_id: `om_${id}`, msg_type: 'text' } });
      }
    }
    json(res, 404, { errcode: 404, errmsg: `no stand-in for ${req.method} ${path}` });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}
