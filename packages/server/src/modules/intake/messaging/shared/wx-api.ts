import type { Deps } from '../../../../platform/deps';
import { PermanentIntakeError } from '../../intake-types';
import { apiUrl, callJson, download } from './platform-http';
import { cachedToken, forgetToken, tokenKey } from './token-cache';

// The open APIs of WeCom (qyapi.weixin.qq.com) and the WeChat Official Account (api.weixin.qq.com)
// answer alike: {errcode, errmsg, …}; an access_token from gettoken / token goes in the query.

export interface WxApp {
  platform: 'wecom' | 'wechat';
  baseUrl: string;
  /** CorpID or AppID */
  id: string;
  /** the app's Secret (WeCom) or AppSecret (WeChat) */
  secret: string;
}

/** errcodes that say the token went stale: fetch a new one and try once more */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** errcodes of a token request that an admin must fix (wrong CorpID / AppID / secret, IP not allowed) */
const BAD_CREDENTIALS = new Set([40001, 40013, 40091, 40125, 40164, 41002, 41004, 60020, 61004]);

export class WxApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
    what: string,
  ) {
    super(`${what}: errcode ${errcode} ${errmsg}`);
  }
}

async function fetchToken(app: WxApp): Promise<{ token: string; expiresInSeconds: number }> {
  const url =
    app.platform === 'wecom'
      ? apiUrl(app.baseUrl, '/cgi-bin/gettoken', { corpid: app.id, corpsecret: app.secret })
      : apiUrl(app.baseUrl, '/cgi-bin/token', { grant_type: 'client_credential', appid: app.id, secret: app.secret });
  const { json } = await callJson<{ errcode?: number; errmsg?: string; access_token?: string; expires_in?: number }>(url);
  if (json.errcode && BAD_CREDENTIALS.has(json.errcode))
    throw new PermanentIntakeError('CREDENTIALS_INVALID', `The ${app.platform === 'wecom' ? 'WeCom CorpID / Secret' : 'WeChat AppID / AppSecret'} are refused (errcode ${json.errcode} ${json.errmsg ?? ''}); fix the channel's settings`);
  if (!json.access_token) throw new WxApiError(json.errcode ?? -1, json.errmsg ?? 'no access_token', 'access token request failed');
  return { token: json.access_token, expiresInSeconds: json.expires_in ?? 7200 };
}

/** Calls the API with the app's access token, fetching a fresh token once if the platform says it is stale. */
export async function withWxToken<T extends { errcode?: number; errmsg?: string }>(deps: Deps, app: WxApp, call: (token: string) => Promise<T>): Promise<T> {
  const key = tokenKey(app.platform, app.baseUrl, app.id, app.secret);
  for (let attempt = 0; ; attempt++) {
    const token = await cachedToken(deps.clock, key, () => fetchToken(app));
    const res = await call(token);
    if (res.errcode && STALE_TOKEN.has(res.errcode) && attempt === 0) {
      forgetToken(key);
      continue;
    }
    return res;
  }
}

/** Downloads a temporary media file (an image a user sent) by its MediaId. Throws (to be retried) when it fails. */
export async function wxMedia(deps: Deps, app: WxApp, mediaId: string): Promise<{ contentType: string; content: Buffer; filename?: string }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    const key = tokenKey(app.platform, app.baseUrl, app.id, app.secret);
    const token = await cachedToken(deps.clock, key, () => fetchToken(app));
    try {
      return await download(apiUrl(app.baseUrl, '/cgi-bin/media/get', { access_token: token, media_id: mediaId }), {}, deps.limits.attachmentMaxBytes);
    } catch (err) {
      lastError = err;
      forgetToken(key); // the token may have gone stale; the second attempt fetches a new one
    }
  }
  throw lastError;
}

export async function postWx<T extends { errcode?: number; errmsg?: string }>(deps: Deps, app: WxApp, path: string, body: unknown): Promise<T> {
  return withWxToken(deps, app, async (token) => (await callJson<T>(apiUrl(app.baseUrl, path, { access_token: token }), { method: 'POST', body })).json);
}
