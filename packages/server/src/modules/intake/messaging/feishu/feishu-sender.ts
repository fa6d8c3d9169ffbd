import { PermanentIntakeError, type ChannelSender } from '../../intake-types';
import { replyText } from '../shared/reply-text';
import { feishuApp, feishuPost } from './feishu-api';

/** codes retrying cannot fix: the bot cannot reach the user (not in its availability, blocked), bad receive id */
const PERMANENT = new Set([230001, 230002, 230006, 230013, 230027, 99992351, 99992361]);

/** A staff reply as a Feishu text message to the requester's open_id (im/v1/messages?receive_id_type=open_id). */
export const feishuSender: ChannelSender = {
  channel: 'feishu',
  identityKind: 'feishu',
  async send(deps, m) {
    if (!m.channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'No enabled Feishu channel to send the reply through');
    const res = await feishuPost<{ code: number; msg?: string; data?: { message_id?: string } }>(deps, feishuApp(m.channel), '/open-apis/im/v1/messages', { receive_id_type: 'open_id' }, {
      receive_id: m.recipient,
      msg_type: 'text',
      content: JSON.stringify({ text: replyText(m, 100_000) }),
      uuid: m.commentId,
    });
    if (PERMANENT.has(res.code)) throw new PermanentIntakeError('FEISHU_SEND_REFUSED', `Feishu refused the message: code ${res.code} ${res.msg ?? ''}`);
    if (res.code !== 0) throw new Error(`Feishu im/v1/messages failed: code ${res.code} ${res.msg ?? ''}`);
    return { externalId: res.data?.message_id };
  },
};
