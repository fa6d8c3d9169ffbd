import { PermanentIntakeError, type ChannelAdapter, type NormalizedMessage } from '../../intake-types';
import { conversationKeys } from '../shared/follow-up';
import { extOf } from '../wecom/wecom-adapter';
import { dingtalkApp, dingtalkFile } from './dingtalk-api';
import { readDingtalkMessage } from './dingtalk-message';

/** A stored DingTalk robot message → the requester's words (senderStaffId as identity); a picture is downloaded by its downloadCode. */
export const dingtalkAdapter: ChannelAdapter = {
  channel: 'dingtalk',
  async parse(row, { deps, channel }) {
    let b: Record<string, any>;
    try {
      b = JSON.parse(row.raw.toString('utf8'));
    } catch {
      throw new PermanentIntakeError('MALFORMED_JSON', 'The stored DingTalk message is not JSON');
    }
    const m = readDingtalkMessage(b);
    if (m.kind === 'ignore') return m;
    const robot = String(row.meta.robotCode ?? b.robotCode ?? '');
    const message: NormalizedMessage = {
      sender: { name: m.nick || m.userId, identities: [{ kind: 'dingtalk', value: m.userId }] },
      text: m.text,
      ...(await conversationKeys(deps, row.tenantId, `dingtalk:${robot}:${m.userId}`, channel?.settings)),
    };
    if (m.downloadCode) {
      if (!channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'The DingTalk channel of this message was removed; its picture cannot be downloaded');
      const file = await dingtalkFile(deps, dingtalkApp(channel), m.downloadCode);
      message.attachments = [{ filename: file.filename ?? `image-${row.externalId?.slice(-12)}.${extOf(file.contentType)}`, contentType: file.contentType, content: file.content }];
    }
    return { kind: 'message', message };
  },
};
