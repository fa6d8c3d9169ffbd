/** What a DingTalk robot message says, before any picture is fetched. */
export type DingtalkMessage =
  | { kind: 'ignore'; reason: string }
  | { kind: 'message'; userId: string; nick: string; text: string; downloadCode?: string };

/**
 * Reads a DingTalk robot message: text → its content; audio → DingTalk's recognition or "[语音]";
 * picture → "[图片]" and its downloadCode; richText → its text parts (pictures as "[图片]", the first
 * one downloaded); file → its name.
 */
export function readDingtalkMessage(b: Record<string, any>): DingtalkMessage {
  const userId = String(b.senderStaffId || b.senderId || '');
  if (!userId) return { kind: 'ignore', reason: 'not_a_message' };
  const nick = String(b.senderNick ?? '').trim();
  const c = b.content && typeof b.content === 'object' ? b.content : {};
  const base = { kind: 'message' as const, userId, nick };
  switch (b.msgtype) {
    case 'text': {
      const text = String(b.text?.content ?? '').trim();
      return text ? { ...base, text } : { kind: 'ignore', reason: 'empty_text' };
    }
    case 'audio':
      return { ...base, text: String(c.recognition ?? '').trim() || '[语音]' };
    case 'picture':
      return { ...base, text: '[图片]', downloadCode: c.downloadCode || c.pictureDownloadCode || undefined };
    case 'richText': {
      const parts: any[] = Array.isArray(c.richText) ? c.richText : [];
      const text = parts.map((p) => (typeof p.text === 'string' ? p.text : p.type === 'picture' ? '[图片]' : '')).join('').trim();
      const picture = parts.find((p) => p.type === 'picture' && (p.downloadCode || p.pictureDownloadCode));
      return { ...base, text: text || '[图片]', downloadCode: picture ? picture.downloadCode || picture.pictureDownloadCode : undefined };
    }
    case 'file':
      return { ...base, text: `[文件] ${String(c.fileName ?? '')}`.trim() };
    default:
      return { ...base, text: `[${b.msgtype}] 此类消息请在钉钉中查看` };
  }
}
