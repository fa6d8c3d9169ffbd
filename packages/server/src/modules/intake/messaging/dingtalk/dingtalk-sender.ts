import { PermanentIntakeError, type ChannelSender } from '../../intake-types';
import { replyText } from '../shared/reply-text';
import { dingtalkApp, dingtalkPost } from './dingtalk-api';

/** A staff reply as a robot direct message (robot/oToMessages/batchSend, msgKey sampleText) to the requester's staff id. */
export const dingtalkSender: ChannelSender = {
  channel: 'dingtalk',
  identityKind: 'dingtalk',
  async send(deps, m) {
    if (!m.channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'No enabled DingTalk channel to send the reply through');
    if (m.recipient.startsWith('$:')) throw new PermanentIntakeError('RECIPIENT_INVALID', 'The requester has no DingTalk staff id (a user outside the organisation); reply by another channel');
    const app = dingtalkApp(m.channel);
    const res = await dingtalkPost<{ processQueryKey?: string; invalidStaffIdList?: string[]; flowControlledStaffIdList?: string[] }>(deps, app, '/v1.0/robot/oToMessages/batchSend', {
      robotCode: app.robotCode,
      userIds: [m.recipient],
      msgKey: 'sampleText',
      msgParam: JSON.stringify({ content: replyText(m, 5000) }),
    });
    if (res.status === 429 || res.json.flowControlledStaffIdList?.includes(m.recipient)) throw new Error('DingTalk flow control: the message will be sent again later');
    if (res.status >= 400) throw new PermanentIntakeError('DINGTALK_SEND_REFUSED', `DingTalk refused the message: HTTP ${res.status} ${res.json.code ?? ''} ${res.json.message ?? ''}`);
    if (res.json.invalidStaffIdList?.includes(m.recipient)) throw new PermanentIntakeError('RECIPIENT_INVALID', `DingTalk does not know the staff id ${m.recipient}`);
    return { externalId: res.json.processQueryKey };
  },
};
