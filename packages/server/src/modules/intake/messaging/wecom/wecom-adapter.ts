import type { ChannelAdapter, NormalizedMessage } from '../../intake-types';
import { PermanentIntakeError } from '../../intake-types';
import { configured } from '../shared/callback-types';
import { conversationKeys } from '../shared/follow-up';
import { wxMedia, type WxApp } from '../shared/wx-api';
import { readWxMessage } from '../shared/wx-message';
import { parseWxXml } from '../shared/xml';
import { WECOM_DEFAULT_BASE_URL } from './wecom-callback';

export const wecomApp = (ch: { settings: Record<string, any>; secrets: Record<string, any> }): WxApp => ({
  platform: 'wecom',
  baseUrl: ch.settings.apiBaseUrl || WECOM_DEFAULT_BASE_URL,
  id: configured(ch.settings, 'corpId', 'settings'),
  secret: configured(ch.secrets, 'corpSecret', 'secrets'),
});

/** A stored (decrypted) WeCom message → the requester's words; an image is downloaded through the media API. */
export const wecomAdapter: ChannelAdapter = {
  channel: 'wecom',
  async parse(row, { deps, channel }) {
    const x = parseWxXml(row.raw.toString('utf8'));
    if (!x) throw new PermanentIntakeError('MALFORMED_XML', 'The stored WeCom message is not XML');
    const m = readWxMessage(x);
    if (m.kind === 'ignore') return m;
    const corpId = String(row.meta.corpId ?? channel?.settings.corpId ?? '');
    const message: NormalizedMessage = {
      sender: { name: m.userId, identities: [{ kind: 'wecom', value: m.userId }] },
      text: m.text,
      ...(await conversationKeys(deps, row.tenantId, `wecom:${corpId}:${m.userId}`, channel?.settings)),
    };
    if (m.mediaId) {
      if (!channel) throw new PermanentIntakeError('CHANNEL_MISSING', 'The WeCom channel of this message was removed; its image cannot be downloaded');
      const file = await wxMedia(deps, wecomApp(channel), m.mediaId);
      message.attachments = [{ filename: file.filename ?? `image-${row.externalId}.${extOf(file.contentType)}`, contentType: file.contentType, content: file.content }];
    }
    return { kind: 'message', message };
  },
};

export const extOf = (contentType: string) => ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'audio/amr': 'amr' })[contentType] ?? 'bin';
