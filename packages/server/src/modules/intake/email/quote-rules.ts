// Quoted history and signatures of Chinese and English mail clients (Foxmail, QQ Mail, NetEase,
// Outlook, Gmail, Apple Mail, Thunderbird): a reply's new words are kept for the comment, the rest
// stays in the archived original.

/** A line that starts the quoted history: everything from it on is the earlier conversation. */
const HISTORY_START: RegExp[] = [
  /^\s*-{2,}\s*(?:original message|原始邮件|原始郵件|原邮件)\s*-{2,}\s*$/i,
  /^\s*(?:在|于)\s*.{0,160}(?:写道|寫道|wrote)\s*[:：]\s*$/i,
  /^\s*on\s.{0,200}\bwrote\s*:\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above its header block
];

/** A line that starts the signature or a client's footer. */
const SIGNATURE_START: RegExp[] = [
  /^-- ?$/,
  /^\s*(?:发自我的|發自我的|来自我的|從我的|从我的)\s*\S.{0,30}$/,
  /^\s*sent from my\s.{0,40}$/i,
  /^\s*(?:sent from (?:mail|outlook) for\b|get outlook for\b).{0,40}$/i,
  /^\s*(?:发自|来自)\s*(?:网易邮箱|QQ邮箱|手机QQ邮箱|网易邮箱大师|阿里邮箱|企业微信|钉钉|飞书|Foxmail|139邮箱).{0,20}$/i,
];

const HEADER_FROM = /^\s*(?:\*\s*)?(?:发件人|發件人|from)\s*(?:\*\s*)?[:：]/i;
const HEADER_NEXT = /^\s*(?:\*\s*)?(?:发送时间|發送時間|日期|时间|sent|date|收件人|to|主题|subject|抄送|cc)\s*(?:\*\s*)?[:：]/i;

/** Outlook / Foxmail put a header block ("发件人: … 发送时间: … 收件人: … 主题: …") above the quoted mail. */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i])) return false;
  let found = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) if (HEADER_NEXT.test(lines[j])) found++;
  return found >= 2;
}

/** "On Mon, 2 Mar 2026 at 10:00, 张三 <zhang@example.cn>" broken before its "wrote:". */
function isSplitAttribution(lines: string[], i: number): boolean {
  return /^\s*(?:on|在|于)\s/i.test(lines[i]) && i + 1 < lines.length && /^\s*.{0,80}(?:wrote|写道|寫道)\s*[:：]\s*$/i.test(lines[i + 1]);
}

/** Index of the first line of quoted history or signature, or lines.length. */
export function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (HISTORY_START.some((r) => r.test(l)) || isHeaderBlock(lines, i) || isSplitAttribution(lines, i)) return i;
    if (SIGNATURE_START.some((r) => r.test(l))) return i;
  }
  return lines.length;
}

/**
 * The new words of a plain-text mail: cut at the first quoted history, header block or signature,
 * without ">" quoted lines, trailing blank lines removed. A mail that is nothing but quotes keeps its
 * text (better a full comment than an empty one).
 */
export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.slice(0, historyStart(lines)).filter((l) => !/^\s*>/.test(l));
  const out = kept.join('\n').replace(/\s+$/, '').replace(/^\s*\n/, '');
  return out.trim() ? out : text.trim();
}

/** Where the quoted part of a mail's HTML starts (element markers of the common clients, or the text markers). */
const HTML_HISTORY: RegExp[] = [
  /<(?:div|blockquote|p|span)\b[^>]*(?:class|id)\s*=\s*["']?[^"'>]*(?:gmail_quote|gmail_attr|moz-cite-prefix|yahoo_quoted|divRplyFwdMsg|OutlookMessageHeader|appendonsend|reply-quote|protonmail_quote|ntes-mailmaster-quote|QQMailQuote|mail-quote)[^>]*>/i,
  /<blockquote\b[^>]*type\s*=\s*["']?cite[^>]*>/i,
  /<blockquote\b[^>]*>/i,
  /<hr\b[^>]*>\s*(?:<[^>]+>\s*)*(?:发件人|發件人|from)\s*(?:<[^>]+>\s*)*[:：]/i,
  /-{2,}(?:\s|&nbsp;)*(?:original message|原始邮件|原始郵件)(?:\s|&nbsp;)*-{2,}/i,
  /(?:^|>)\s*(?:在|于)[^<]{0,200}(?:写道|寫道)\s*[:：]/,
  /(?:^|>)\s*on\s[^<]{0,250}wrote\s*:/i,
  /(?:^|>)\s*(?:<[^>]+>\s*)*(?:发件人|發件人|from)\s*(?:<[^>]+>\s*)*[:：][^]{0,400}?(?:发送时间|發送時間|日期|sent|date)\s*(?:<[^>]+>\s*)*[:：]/i,
  /(?:^|>)\s*(?:发自我的|發自我的|sent from my\s)[^<]{0,40}/i,
  /(?:^|>)\s*--\s*(?:&nbsp;|\u00a0)?\s*<br\s*\/?>/i,
];

/**
 * The new part of a mail's HTML: cut at the first quote marker (a client's quote block, an
 * attribution line, a header block, a signature). The HTML may end unbalanced; the pipeline's
 * sanitiser closes it. Returns null when nothing would remain (use the stripped text instead).
 */
export function stripQuotedHtml(html: string): string | null {
  let cut = html.length;
  for (const r of HTML_HISTORY) {
    const m = r.exec(html);
    if (!m) continue;
    // a marker matched with its preceding '>' starts after it
    const at = m.index + (m[0].startsWith('>') ? 1 : 0);
    if (at < cut) cut = at;
  }
  const out = html.slice(0, cut);
  const visible = out
    .replace(/<(style|script|head|title)\b[^]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\s/g, '');
  return visible ? out : null;
}
