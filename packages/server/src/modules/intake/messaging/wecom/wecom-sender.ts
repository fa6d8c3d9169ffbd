import { PermanentIntakeError, type ChannelSender } from '../../intake-types';
import { configured } from '../shared/callback-types';
import { replyText } from '../shared/reply-text';
import { postWx } from '../shared/wx-api';
import { wecomApp } from './wecom-adapter';

/** errcodes of message/send that retrying cannot fix (invalid AgentId, user not visible to the app, IP not allowed) */
const PERMANENT = new Set([40056, 60020, 81013, 82001, 301002]);

/** A staff reply as a WeCom app message (message/send, msgtype text) to the requester's userid. */
export const wecomSender: ChannelSender = {
  channel: 'wecom',
  identityKind: 'wecom',
  async send(deps, m) {
    if (!m.channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'No enabled WeCom channel to send the reply through');
    const app = wecomApp(m.channel);
    const agentid = Number(configured(m.channel.settings, 'agentId', 'settings'));
    const res = await postWx<{ errcode?: number; errmsg?: string; invaliduser?: string; msgid?: string }>(deps, app, '/cgi-bin/message/send', {
      touser: m.recipient,
      msgtype: 'text',
      agentid,
      text: { content: replyText(m, 2048) },
      safe: 0,
    });
    if (res.errcode && PERMANENT.has(res.errcode)) throw new PermanentIntakeError('WECOM_SEND_REFUSED', `WeCom refused the message: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    if (res.errcode) throw new Error(`WeCom message/send failed: errcode ${res.errcode} ${res.errmsg ?? ''}`);
    if (res.invaliduser && res.invaliduser.split('|').includes(m.recipient))
      throw new PermanentIntakeError('RECIPIENT_INVALID', `WeCom does not know the user ${m.recipient} (invaliduser)`);
    return { externalId: res.msgid };
  },
};
