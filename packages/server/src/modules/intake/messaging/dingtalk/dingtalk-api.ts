import type { Deps } from '../../../../platform/deps';
import { PermanentIntakeError } from '../../intake-types';
import { configured } from '../shared/callback-types';
import { apiUrl, callJson, download } from '../shared/platform-http';
import { cachedToken, forgetToken, tokenKey } from '../shared/token-cache';
import { DINGTALK_DEFAULT_BASE_URL, robotCodeOf } from './dingtalk-callback';

// DingTalk's new open API (api.dingtalk.com/v1.0): an accessToken from oauth2/accessToken goes in the
// x-acs-dingtalk-access-token header; errors are HTTP 4xx with {code, message}.

export interface DingtalkApp {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  robotCode: string;
}

export const dingtalkApp = (ch: { settings: Record<string, any>; secrets: Record<string, any> }): DingtalkApp => ({
  baseUrl: ch.settings.apiBaseUrl || DINGTALK_DEFAULT_BASE_URL,
  appKey: configured(ch.settings, 'appKey', 'settings'),
  appSecret: configured(ch.secrets, 'appSecret', 'secrets'),
  robotCode: robotCodeOf(ch.settings),
});

async function fetchToken(app: DingtalkApp) {
  const { status, json } = await callJson<{ accessToken?: string; expireIn?: number; code?: string; message?: string }>(apiUrl(app.baseUrl, '/v1.0/oauth2/accessToken'), { body: { appKey: app.appKey, appSecret: app.appSecret } });
  if (status >= 400 && status < 500 && status !== 429) throw new PermanentIntakeError('CREDENTIALS_INVALID', `DingTalk refuses the AppKey / AppSecret (${json.code ?? status} ${json.message ?? ''}); fix the channel's settings`);
  if (!json.accessToken) throw new Error(`DingTalk accessToken failed: HTTP ${status} ${json.code ?? ''}`);
  return { token: json.accessToken, expiresInSeconds: json.expireIn ?? 7200 };
}

/** POSTs to the robot API with the accessToken, fetching a new token once if DingTalk answers 401. */
export async function dingtalkPost<T>(deps: Deps, app: DingtalkApp, path: string, body: unknown): Promise<{ status: number; json: T & { code?: string; message?: string } }> {
  const key = tokenKey('dingtalk', app.baseUrl, app.appKey, app.appSecret);
  for (let attempt = 0; ; attempt++) {
    const token = await cachedToken(deps.clock, key, () => fetchToken(app));
    const res = await callJson<T & { code?: string; message?: string }>(apiUrl(app.baseUrl, path), { body, headers: { 'x-acs-dingtalk-access-token': token } });
    if (res.status === 401 && attempt === 0) {
      forgetToken(key);
      continue;
    }
    return res;
  }
}

/** Downloads a file a user sent the robot: its downloadCode → a short-lived downloadUrl → the bytes. */
export async function dingtalkFile(deps: Deps, app: DingtalkApp, downloadCode: string) {
  const res = await dingtalkPost<{ downloadUrl?: string }>(deps, app, '/v1.0/robot/messageFiles/download', { downloadCode, robotCode: app.robotCode });
  if (!res.json.downloadUrl) throw new Error(`DingTalk messageFiles/download failed: HTTP ${res.status} ${res.json.code ?? ''} ${res.json.message ?? ''}`);
  return download(res.json.downloadUrl, {}, deps.limits.attachmentMaxBytes);
}
