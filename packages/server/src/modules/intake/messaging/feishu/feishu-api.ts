import type { Deps } from '../../../../platform/deps';
import { PermanentIntakeError } from '../../intake-types';
import { configured } from '../shared/callback-types';
import { apiUrl, callJson, download } from '../shared/platform-http';
import { cachedToken, forgetToken, tokenKey } from '../shared/token-cache';
import { FEISHU_DEFAULT_BASE_URL } from './feishu-callback';

export interface FeishuApp {
  baseUrl: string;
  appId: string;
  appSecret: string;
}

export const feishuApp = (ch: { settings: Record<string, any>; secrets: Record<string, any> }): FeishuApp => ({
  baseUrl: ch.settings.apiBaseUrl || FEISHU_DEFAULT_BASE_URL,
  appId: configured(ch.settings, 'appId', 'settings'),
  appSecret: configured(ch.secrets, 'appSecret', 'secrets'),
});

/** codes that say the tenant_access_token is invalid or expired */
const STALE_TOKEN = new Set([99991661, 99991663, 99991668]);

async function fetchToken(app: FeishuApp) {
  const { json } = await callJson<{ code: number; msg: string; tenant_access_token?: string; expire?: number }>(apiUrl(app.baseUrl, '/open-apis/auth/v3/tenant_access_token/internal'), { body: { app_id: app.appId, app_secret: app.appSecret } });
  if (json.code === 10003 || json.code === 10014) throw new PermanentIntakeError('CREDENTIALS_INVALID', `Feishu refuses the App ID / App Secret (code ${json.code} ${json.msg}); fix the channel's settings`);
  if (json.code !== 0 || !json.tenant_access_token) throw new Error(`Feishu tenant_access_token failed: code ${json.code} ${json.msg}`);
  return { token: json.tenant_access_token, expiresInSeconds: json.expire ?? 7200 };
}

/** Calls the API with the app's tenant_access_token, fetching a new one once if Feishu says it is stale. */
export async function withFeishuToken<T>(deps: Deps, app: FeishuApp, call: (token: string) => Promise<{ stale: boolean; value: T }>): Promise<T> {
  const key = tokenKey('feishu', app.baseUrl, app.appId, app.appSecret);
  for (let attempt = 0; ; attempt++) {
    const r = await call(await cachedToken(deps.clock, key, () => fetchToken(app)));
    if (r.stale && attempt === 0) {
      forgetToken(key);
      continue;
    }
    return r.value;
  }
}

export async function feishuPost<T extends { code: number; msg?: string }>(deps: Deps, app: FeishuApp, path: string, query: Record<string, string>, body: unknown): Promise<T> {
  return withFeishuToken(deps, app, async (token) => {
    const { json } = await callJson<T>(apiUrl(app.baseUrl, path, query), { body, headers: { authorization: `Bearer ${token}` } });
    return { stale: STALE_TOKEN.has(json.code), value: json };
  });
}

/** Downloads an image of a message (GET im/v1/messages/:message_id/resources/:file_key?type=image). */
export async function feishuResource(deps: Deps, app: FeishuApp, messageId: string, key: string) {
  const key_ = tokenKey('feishu', app.baseUrl, app.appId, app.appSecret);
  const url = apiUrl(app.baseUrl, `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/resources/${encodeURIComponent(key)}`, { type: 'image' });
  try {
    return await download(url, { authorization: `Bearer ${await cachedToken(deps.clock, key_, () => fetchToken(app))}` }, deps.limits.attachmentMaxBytes);
  } catch (err) {
    forgetToken(key_); // a stale token is the likeliest cause; the retry fetches a new one
    throw err;
  }
}
