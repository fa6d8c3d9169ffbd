import type { IntakeErrorCode } from '../../intake-error-codes';
import { PermanentIntakeError, type ChannelSender } from '../../intake-types';
import { replyText } from '../shared/reply-text';
import { postWx } from '../shared/wx-api';
import { wechatApp } from './wechat-adapter';

/**
 * errcodes retrying cannot fix: 45015 the follower has not written within 48 hours (customer-service
 * messages are only allowed then), 45047 too many messages since, 48001 the account lacks the
 * customer-service API, 40003 unknown openid.
 */
const PERMANENT: Record<number, IntakeErrorCode> = {
  45015: 'WECHAT_WINDOW_CLOSED',
  45047: 'WECHAT_WINDOW_CLOSED',
  48001: 'WECHAT_API_UNAUTHORIZED',
  40003: 'RECIPIENT_INVALID',
};

/** A staff reply as a customer-service message (客服消息, message/custom/send, msgtype text) to the follower's openid. */
export const wechatSender: ChannelSender = {
  channel: 'wechat',
  identityKind: 'wechat',
  async send(deps, m) {
    if (!m.channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'No enabled WeChat channel to send the reply through');
    const res = await postWx<{ errcode?: number; errmsg?: string }>(deps, wechatApp(m.channel), '/cgi-bin/message/custom/send', {
      touser: m.recipient,
      msgtype: 'text',
      text: { content: replyText(m, 2048) },
    });
    if (res.errcode && PERMANENT[res.errcode]) throw new PermanentIntakeError(PERMANENT[res.errcode], `WeChat refused the message: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    if (res.errcode) throw new Error(`WeChat message/custom/send failed: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    return {};
  },
};
