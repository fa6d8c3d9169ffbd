import { PermanentIntakeError, type ChannelAdapter, type NormalizedMessage } from '../../intake-types';
import { configured } from '../shared/callback-types';
import { conversationKeys } from '../shared/follow-up';
import { wxMedia, type WxApp } from '../shared/wx-api';
import { readWxMessage } from '../shared/wx-message';
import { parseWxXml } from '../shared/xml';
import { extOf } from '../wecom/wecom-adapter';
import { WECHAT_DEFAULT_BASE_URL } from './wechat-callback';

export const wechatApp = (ch: { settings: Record<string, any>; secrets: Record<string, any> }): WxApp => ({
  platform: 'wechat',
  baseUrl: ch.settings.apiBaseUrl || WECHAT_DEFAULT_BASE_URL,
  id: configured(ch.settings, 'appId', 'settings'),
  secret: configured(ch.secrets, 'appSecret', 'secrets'),
});

/** A stored WeChat Official Account message → the follower's words (voice: WeChat's <Recognition>); images through media/get. */
export const wechatAdapter: ChannelAdapter = {
  channel: 'wechat',
  async parse(row, { deps, channel }) {
    const x = parseWxXml(row.raw.toString('utf8'));
    if (!x) throw new PermanentIntakeError('MALFORMED_XML', 'The stored WeChat message is not XML');
    const m = readWxMessage(x);
    if (m.kind === 'ignore') return m;
    const appId = String(row.meta.appId ?? channel?.settings.appId ?? '');
    const message: NormalizedMessage = {
      sender: { name: `微信用户 ${m.userId.slice(-6)}`, identities: [{ kind: 'wechat', value: m.userId }] },
      text: m.text,
      ...(await conversationKeys(deps, row.tenantId, `wechat:${appId}:${m.userId}`, channel?.settings)),
    };
    if (m.mediaId) {
      if (!channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'The WeChat channel of this message was removed; its image cannot be downloaded');
      const file = await wxMedia(deps, wechatApp(channel), m.mediaId);
      message.attachments = [{ filename: file.filename ?? `image-${row.externalId}.${extOf(file.contentType)}`, contentType: file.contentType, content: file.content }];
    }
    return { kind: 'message', message };
  },
};
