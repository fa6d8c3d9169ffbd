import { PermanentIntakeError, type ChannelAdapter, type NormalizedMessage } from '../../intake-types';
import { conversationKeys } from '../shared/follow-up';
import { extOf } from '../wecom/wecom-adapter';
import { feishuApp, feishuResource } from './feishu-api';
import { readFeishuEvent } from './feishu-message';

/** A stored (decrypted) Feishu event → the requester's words; an image is downloaded through the message resource API. */
export const feishuAdapter: ChannelAdapter = {
  channel: 'feishu',
  async parse(row, { deps, channel }) {
    let e: Record<string, any>;
    try {
      e = JSON.parse(row.raw.toString('utf8'));
    } catch {
      throw new PermanentIntakeError('MALFORMED_JSON', 'The stored Feishu event is not JSON');
    }
    const m = readFeishuEvent(e);
    if (m.kind === 'ignore') return m;
    const appId = String(e.header?.app_id ?? '');
    const message: NormalizedMessage = {
      sender: { name: `飞书用户 ${m.openId.slice(-6)}`, identities: [{ kind: 'feishu', value: m.openId }] },
      text: m.text,
      ...(await conversationKeys(deps, row.tenantId, `feishu:${appId}:${m.openId}`, channel?.settings)),
    };
    if (m.imageKey) {
      if (!channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'The Feishu channel of this message was removed; its image cannot be downloaded');
      const file = await feishuResource(deps, feishuApp(channel), m.messageId, m.imageKey);
      message.attachments = [{ filename: file.filename ?? `image-${m.imageKey.slice(-12)}.${extOf(file.contentType)}`, contentType: file.contentType, content: file.content }];
    }
    return { kind: 'message', message };
  },
};
