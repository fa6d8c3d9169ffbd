import { sanitizeRichText, textToHtml } from '../../platform/text/sanitize';

// The draft an agent starts from when turning a solved ticket into an article: the ticket's title, the
// problem as described, how it was resolved and the agent's public replies. Pure.

export interface DraftSource {
  title: string;
  description: string;
  resolution: string | null;
  /** the staff's public replies, oldest first (sanitised HTML) */
  replies: string[];
}

const MAX_REPLIES = 10;

export function draftFromTicket(t: DraftSource): { title: string; bodyHtml: string } {
  const sections: string[] = [];
  if (t.description.trim()) sections.push(`<h2>问题描述</h2>${textToHtml(t.description.trim())}`);
  if (t.resolution?.trim()) sections.push(`<h2>解决方法</h2>${textToHtml(t.resolution.trim())}`);
  const replies = t.replies.map((r) => sanitizeRichText(r).trim()).filter(Boolean).slice(-MAX_REPLIES);
  if (replies.length) sections.push(`<h2>处理记录</h2>${replies.map((r) => `<blockquote>${r}</blockquote>`).join('')}`);
  const title = t.title.trim().slice(0, 200) || '未命名文章';
  return { title, bodyHtml: sections.join('') || `<p>${textToHtml(title)}</p>` };
}
