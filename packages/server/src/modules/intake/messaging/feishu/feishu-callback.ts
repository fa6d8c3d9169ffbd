import { CallbackRejected, checkTimestamp } from '../shared/callback-rejected';
import { header, required, type CallbackResult, type PlatformCallback } from '../shared/callback-types';
import { windowOf } from '../wecom/wecom-callback';
import { feishuDecrypt, feishuSignature, feishuSignatureMatches } from './feishu-crypto';
import { readFeishuEvent } from './feishu-message';

export const FEISHU_DEFAULT_BASE_URL = 'https://open.feishu.cn';

function json(text: string, what: string): Record<string, any> {
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    /* answered below */
  }
  throw new CallbackRejected(400, 'MALFORMED_JSON', `The ${what} is not a JSON object`);
}

/**
 * Feishu (飞书) event subscription v2, request URL mode: url_verification is answered with its
 * challenge; im.message.receive_v1 (and any other event) is stored decrypted, then answered 200.
 * With an Encrypt Key (recommended) the body must be encrypted and signed (X-Lark-Signature,
 * timestamp within the window); the Verification Token and the App ID inside the event must match.
 */
export const feishuCallback: PlatformCallback = {
  platform: 'feishu',
  post(ch, req, now): CallbackResult {
    const verificationToken = required(ch.secrets, 'verificationToken', 'secrets');
    const appId = required(ch.settings, 'appId', 'settings');
    const encryptKey = typeof ch.secrets.encryptKey === 'string' && ch.secrets.encryptKey ? ch.secrets.encryptKey : null;
    const outer = json(req.body.toString('utf8'), 'body');
    const sig = header(req, 'x-lark-signature');
    // a signed request is checked before anything is decrypted
    if (encryptKey && sig) {
      const ts = header(req, 'x-lark-request-timestamp') ?? '';
      const nonce = header(req, 'x-lark-request-nonce') ?? '';
      if (!ts || !nonce) throw new CallbackRejected(401, 'SIGNATURE_MISSING', 'X-Lark-Request-Timestamp and X-Lark-Request-Nonce are required with X-Lark-Signature');
      if (!feishuSignatureMatches(feishuSignature(ts, nonce, encryptKey, req.body), sig)) throw new CallbackRejected(401, 'SIGNATURE_INVALID', 'X-Lark-Signature does not match: the request is not from Feishu, or the Encrypt Key is wrong');
      checkTimestamp(ts, now, windowOf(ch.settings), 's');
    }
    let payload = outer;
    if (encryptKey) {
      if (typeof outer.encrypt !== 'string') throw new CallbackRejected(400, 'ENCRYPTION_REQUIRED', 'The channel has an Encrypt Key: the body must be {"encrypt": …}');
      payload = json(feishuDecrypt(encryptKey, outer.encrypt), 'decrypted event');
    } else if (typeof outer.encrypt === 'string') {
      throw new CallbackRejected(400, 'DECRYPT_FAILED', 'The event is encrypted but the channel has no Encrypt Key; set secrets.encryptKey');
    }
    const isChallenge = payload.type === 'url_verification';
    // only the URL check may come unsigned (its answer proves the Encrypt Key by decrypting it)
    if (encryptKey && !sig && !isChallenge) throw new CallbackRejected(401, 'SIGNATURE_MISSING', 'X-Lark-Request-Timestamp, X-Lark-Request-Nonce and X-Lark-Signature are required');
    const token = isChallenge ? payload.token : (payload.header?.token ?? payload.token);
    if (token !== verificationToken) throw new CallbackRejected(401, 'TOKEN_INVALID', 'The Verification Token of the event does not match the channel\'s');
    if (isChallenge) return { kind: 'answer', contentType: 'application/json; charset=utf-8', body: JSON.stringify({ challenge: String(payload.challenge ?? '') }) };
    if (payload.schema !== '2.0' || typeof payload.header !== 'object') throw new CallbackRejected(400, 'UNSUPPORTED_SCHEMA', 'Only event subscription schema 2.0 is accepted; choose "2.0" in the app\'s event settings');
    if (payload.header.app_id !== appId) throw new CallbackRejected(403, 'APP_MISMATCH', `The event is for app ${payload.header.app_id}, not for the configured App ID ${appId}`);
    const openId = String(payload.event?.sender?.sender_id?.open_id ?? '');
    const messageId = payload.event?.message?.message_id;
    return {
      kind: 'store',
      raw: Buffer.from(JSON.stringify(payload), 'utf8'),
      // the message's content is JSON inside the event: as the adapter reads it
      read: { payload, message: readFeishuEvent(payload) },
      contentType: 'application/json',
      externalId: typeof messageId === 'string' && messageId ? messageId : String(payload.header.event_id ?? '') || null,
      lane: `feishu:${appId}:${openId}`,
      meta: { platform: 'feishu', appId, userId: openId, eventType: payload.header.event_type, eventId: payload.header.event_id },
      ack: { contentType: 'application/json; charset=utf-8', body: '{}' },
    };
  },
};
