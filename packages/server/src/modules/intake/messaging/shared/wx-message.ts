import { field } from './xml';

/** What a WeCom / WeChat message XML says, before any media is fetched. */
export type WxMessage =
  | { kind: 'ignore'; reason: string }
  | { kind: 'message'; userId: string; msgType: string; text: string; mediaId?: string; picUrl?: string };

/**
 * Reads the fields of a (decrypted) WeCom or WeChat Official Account message: text → its content;
 * voice → the platform's speech recognition (<Recognition>) or "[语音]"; image → "[图片]" and the
 * media id to download; location and link → a line describing them; events (subscribe, enter_agent…)
 * are ignored.
 */
export function readWxMessage(x: Record<string, any>): WxMessage {
  const userId = field(x, 'FromUserName');
  const type = field(x, 'MsgType').toLowerCase();
  if (!userId || !type) return { kind: 'ignore', reason: 'not_a_message' };
  if (type === 'event') return { kind: 'ignore', reason: `event:${field(x, 'Event') || 'unknown'}` };
  switch (type) {
    case 'text':
      return field(x, 'Content') ? { kind: 'message', userId, msgType: type, text: field(x, 'Content') } : { kind: 'ignore', reason: 'empty_text' };
    case 'voice':
      return { kind: 'message', userId, msgType: type, text: field(x, 'Recognition') || '[语音]' };
    case 'image':
      return { kind: 'message', userId, msgType: type, text: '[图片]', mediaId: field(x, 'MediaId') || undefined, picUrl: field(x, 'PicUrl') || undefined };
    case 'location':
      return { kind: 'message', userId, msgType: type, text: `[位置] ${field(x, 'Label')} (${field(x, 'Location_X')}, ${field(x, 'Location_Y')})`.trim() };
    case 'link':
      return { kind: 'message', userId, msgType: type, text: `[链接] ${field(x, 'Title')}\n${field(x, 'Description')}\n${field(x, 'Url')}`.trim() };
    default:
      return { kind: 'message', userId, msgType: type, text: `[${type}] 此类消息请在原平台查看` };
  }
}

/** The platform's id of a message; events have none, so their sender and time identify a retried delivery. */
export function wxExternalId(x: Record<string, any>): string | null {
  const msgId = field(x, 'MsgId');
  if (msgId) return msgId;
  const user = field(x, 'FromUserName');
  const time = field(x, 'CreateTime');
  return user && time ? `event:${user}:${time}:${field(x, 'Event')}` : null;
}
