import type { OutboundMessage } from '../../intake-types';

/**
 * The text of a staff reply as a chat message: the ticket number, the plain text of the reply, the
 * names of attached files (the customer opens them in the portal), cut to the platform's limit in
 * UTF-8 bytes.
 */
export function replyText(m: Pick<OutboundMessage, 'ticketNumber' | 'bodyText' | 'attachments'>, maxBytes: number): string {
  const files = m.attachments.length ? `\n附件：${m.attachments.map((a) => a.filename).join('、')}（请在服务门户查看）` : '';
  const full = `【工单 #${m.ticketNumber}】${m.bodyText.trim()}${files}`;
  if (Buffer.byteLength(full) <= maxBytes) return full;
  const tail = '…（内容过长，请在服务门户查看全文）';
  let out = '';
  for (const ch of full) {
    if (Buffer.byteLength(out + ch + tail) > maxBytes) break;
    out += ch;
  }
  return out + tail;
}
