// The group robots' message bodies, in each platform's documented format (pure; no I/O).

export const ROBOT_KINDS = ['wecom_robot', 'dingtalk_robot', 'feishu_robot'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

/** Markdown is shown as typed: a title line that is not itself markdown-escaped would still render. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/**
 * The body to POST to a group robot for a notification with a title and a text:
 * - WeCom 群机器人: `{"msgtype":"markdown","markdown":{"content":"**title**\ntext"}}` (content ≤ 4096 bytes)
 * - DingTalk 自定义机器人: `{"msgtype":"markdown","markdown":{"title","text":"### title\ntext"}}`
 * - Feishu 自定义机器人: a rich-text `post` with the title and the text's lines
 * Signing (DingTalk's query, Feishu's timestamp and sign fields) is added when the message is sent.
 */
export function robotText(kind: RobotKind, title: string, text: string): unknown {
  const t = oneLine(title);
  switch (kind) {
    case 'wecom_robot':
      return { msgtype: 'markdown', markdown: { content: clipBytes(`**${t}**\n${text}`, 4096) } };
    case 'dingtalk_robot':
      return { msgtype: 'markdown', markdown: { title: t, text: `### ${t}\n${text}` } };
    case 'feishu_robot':
      return {
        msg_type: 'post',
        content: { post: { zh_cn: { title: t, content: text.split(/\r?\n/).map((line) => [{ tag: 'text', text: line }]) } } },
      };
  }
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function clipBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}
