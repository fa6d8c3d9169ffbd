/** What a Feishu im.message.receive_v1 event says, before any image is fetched. */
export type FeishuMessage =
  | { kind: 'ignore'; reason: string }
  | { kind: 'message'; openId: string; messageId: string; text: string; imageKey?: string };

function content(raw: unknown): Record<string, any> {
  try {
    const v = JSON.parse(String(raw ?? ''));
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

/** The text of a rich-text (post) message: its title and the text, link and @ elements, a line per paragraph. */
function postText(c: Record<string, any>): string {
  const body = c.content ? c : (Object.values(c).find((v: any) => v && Array.isArray(v.content)) as Record<string, any> | undefined) ?? {};
  const lines = (Array.isArray(body.content) ? body.content : []).map((para: any[]) =>
    (Array.isArray(para) ? para : []).map((el) => (el.tag === 'text' || el.tag === 'a' ? String(el.text ?? '') : el.tag === 'at' ? `@${el.user_name ?? ''}` : el.tag === 'img' ? '[图片]' : '')).join(''),
  );
  return [body.title, ...lines].filter((l) => l && String(l).trim()).join('\n');
}

/**
 * Reads a stored Feishu event: text (mention placeholders such as @_user_1 removed), rich text, image
 * (its image_key to download), audio → "[语音]" (Feishu sends no transcript); other events and the
 * app's own messages are ignored.
 */
export function readFeishuEvent(e: Record<string, any>): FeishuMessage {
  if (e.header?.event_type !== 'im.message.receive_v1') return { kind: 'ignore', reason: `event:${e.header?.event_type ?? 'unknown'}` };
  const sender = e.event?.sender;
  const msg = e.event?.message;
  if (sender?.sender_type && sender.sender_type !== 'user') return { kind: 'ignore', reason: 'not_from_a_user' };
  const openId = String(sender?.sender_id?.open_id ?? '');
  const messageId = String(msg?.message_id ?? '');
  if (!openId || !messageId) return { kind: 'ignore', reason: 'not_a_message' };
  const c = content(msg.content);
  const type = String(msg.message_type ?? '');
  switch (type) {
    case 'text': {
      const text = String(c.text ?? '').replace(/@_user_\d+\s*/g, '').trim();
      return text ? { kind: 'message', openId, messageId, text } : { kind: 'ignore', reason: 'empty_text' };
    }
    case 'post':
      return { kind: 'message', openId, messageId, text: postText(c) || '[富文本]' };
    case 'image':
      return { kind: 'message', openId, messageId, text: '[图片]', imageKey: typeof c.image_key === 'string' ? c.image_key : undefined };
    case 'audio':
      return { kind: 'message', openId, messageId, text: '[语音]' };
    default:
      return { kind: 'message', openId, messageId, text: `[${type || 'unknown'}] 此类消息请在飞书中查看` };
  }
}
