import { createHmac, timingSafeEqual } from 'node:crypto';
import { CallbackRejected, checkTimestamp } from '../shared/callback-rejected';
import { header, required, type CallbackResult, type PlatformCallback } from '../shared/callback-types';
import { windowOf } from '../wecom/wecom-callback';

export const DINGTALK_DEFAULT_BASE_URL = 'https://api.dingtalk.com';
/** DingTalk documents a request as forged when its timestamp is more than an hour off */
export const DINGTALK_WINDOW_MS = 60 * 60_000;

/** sign = base64(HmacSHA256(key: appSecret, timestamp + "\n" + appSecret)) */
export function dingtalkSign(timestamp: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64');
}

export const robotCodeOf = (settings: Record<string, any>): string => String(settings.robotCode || settings.appKey || '');

/**
 * DingTalk (钉钉) enterprise internal app robot, HTTP mode (机器人接收消息): a user's message to the
 * robot (a direct chat, or an @ in a group) is POSTed as JSON with the headers timestamp (ms) and sign.
 * The sign and the timestamp (within an hour) are checked, the robotCode and corp inside the message
 * must be the channel's; the message is stored, then answered with an empty 200.
 */
export const dingtalkCallback: PlatformCallback = {
  platform: 'dingtalk',
  post(ch, req, now): CallbackResult {
    const appSecret = required(ch.secrets, 'appSecret', 'secrets');
    const robotCode = robotCodeOf(ch.settings);
    if (!robotCode) required(ch.settings, 'appKey', 'settings');
    const ts = header(req, 'timestamp');
    const sign = header(req, 'sign');
    if (!ts || !sign) throw new CallbackRejected(401, 'SIGNATURE_MISSING', 'The timestamp and sign headers are required');
    if (!sameBytes(dingtalkSign(ts, appSecret), sign))
      throw new CallbackRejected(401, 'SIGNATURE_INVALID', "sign does not match: the request is not from DingTalk, or the channel's AppSecret is wrong");
    checkTimestamp(ts, now, windowOf(ch.settings, DINGTALK_WINDOW_MS), 'ms');
    let body: Record<string, any>;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      throw new CallbackRejected(400, 'MALFORMED_JSON', 'The body is not JSON');
    }
    if (!body || typeof body !== 'object' || typeof body.msgId !== 'string' || typeof body.msgtype !== 'string')
      throw new CallbackRejected(400, 'MALFORMED_JSON', 'The body must be a DingTalk robot message (msgId, msgtype)');
    if (body.robotCode && body.robotCode !== robotCode) throw new CallbackRejected(403, 'APP_MISMATCH', `The message is for robot ${body.robotCode}, not for the configured robotCode ${robotCode}`);
    const corpId = ch.settings.corpId;
    if (corpId && body.chatbotCorpId && body.chatbotCorpId !== corpId) throw new CallbackRejected(403, 'APP_MISMATCH', `The message is for corp ${body.chatbotCorpId}, not for the configured corpId ${corpId}`);
    const user = String(body.senderStaffId || body.senderId || '');
    return {
      kind: 'store',
      raw: Buffer.from(JSON.stringify(body), 'utf8'),
      read: body,
      contentType: 'application/json',
      externalId: body.msgId,
      lane: `dingtalk:${robotCode}:${user}`,
      meta: { platform: 'dingtalk', robotCode, userId: user, msgType: body.msgtype, conversationType: body.conversationType },
      ack: { contentType: 'application/json; charset=utf-8', body: '' },
    };
  },
};

/** base64 is case-sensitive: an exact comparison in constant time */
function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
