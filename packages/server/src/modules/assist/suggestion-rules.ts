// Pure rules of the suggestions: what is searched for, and how a solved ticket's answer is shown.

/** How many of the customer's latest messages join the query, and how long the query may be. */
export const LATEST_MESSAGES = 3;
export const QUERY_MAX_CHARS = 400;
export const SOLUTION_MAX_CHARS = 600;
/** An article's words inserted into a reply are cut here (a reply, not the whole manual). */
export const ARTICLE_TEXT_MAX_CHARS = 2000;

/**
 * The text searched for a ticket: its title, then the customer's latest messages (newest first: what
 * the conversation is about now), then its description — cut at `QUERY_MAX_CHARS` so a long mail
 * thread does not drown the title. Blank parts are left out; whitespace is collapsed.
 */
export function suggestionQuery(t: { title: string; description: string }, latestCustomerMessages: string[]): string {
  const parts = [t.title, ...latestCustomerMessages.slice(-LATEST_MESSAGES).reverse(), t.description].map(squash).filter(Boolean);
  const seen = new Set<string>();
  const unique = parts.filter((p) => !seen.has(p) && seen.add(p));
  return cut(unique.join(' '), QUERY_MAX_CHARS);
}

/**
 * How a solved ticket was solved, as the panel shows it: its resolution note, else the last reply of
 * staff to the customer; cut at `SOLUTION_MAX_CHARS`. Null when it has neither.
 */
export function solutionText(resolution: string | null | undefined, lastStaffReply: string | null | undefined): { text: string; source: 'resolution' | 'reply' } | null {
  const r = squash(resolution ?? '');
  if (r) return { text: cut(r, SOLUTION_MAX_CHARS), source: 'resolution' };
  const reply = squash(lastStaffReply ?? '');
  return reply ? { text: cut(reply, SOLUTION_MAX_CHARS), source: 'reply' } : null;
}

/** An article's plain text for a reply: paragraphs kept, runs of blank space collapsed, cut at `ARTICLE_TEXT_MAX_CHARS`. */
export function cutText(text: string): string {
  const kept = text
    .split(/\n+/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return cut(kept, ARTICLE_TEXT_MAX_CHARS);
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Plain text of an HTML-escaped snippet with <mark>s (what kb-search answers): the words, unescaped. */
export function snippetText(snippet: string): string {
  return squash(
    snippet
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
