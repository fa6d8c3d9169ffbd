// Pure: HTML-escaped text with the matched terms in <mark>, and a snippet around the best match.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const LATIN = /^[a-z0-9]/;

/** Which characters of text are inside a match of one of the terms (case-insensitive; latin terms at a word start). */
function markMask(text: string, terms: string[]): boolean[] {
  const lower = text.toLowerCase();
  const mask = new Array<boolean>(text.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
      if (LATIN.test(t) && i > 0 && /[a-z0-9]/.test(lower[i - 1])) continue;
      for (let k = i; k < i + t.length; k++) mask[k] = true;
    }
  }
  return mask;
}

function render(text: string, mask: boolean[], from: number, to: number): string {
  let out = '';
  let open = false;
  for (let i = from; i < to; i++) {
    if (mask[i] && !open) (out += '<mark>'), (open = true);
    if (!mask[i] && open) (out += '</mark>'), (open = false);
    out += escapeHtml(text[i]);
  }
  return open ? out + '</mark>' : out;
}

export const highlightAll = (text: string, terms: string[]) => render(text, markMask(text, terms), 0, text.length);

/** Up to `size` characters around the window with the most marked characters; an ellipsis where cut. */
export function snippet(text: string, terms: string[], size = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const mask = markMask(flat, terms);
  if (flat.length <= size) return render(flat, mask, 0, flat.length);
  let best = 0;
  let bestAt = 0;
  let inWindow = 0;
  for (let i = 0; i < flat.length; i++) {
    if (mask[i]) inWindow++;
    if (i >= size && mask[i - size]) inWindow--;
    if (i >= size - 1 && inWindow > best) (best = inWindow), (bestAt = i - size + 1);
  }
  // start a little before the first match of the window, so it reads in context
  const first = mask.indexOf(true, bestAt);
  const from = best === 0 ? 0 : Math.max(0, Math.min(first - 20, flat.length - size));
  const to = Math.min(flat.length, from + size);
  return (from > 0 ? '…' : '') + render(flat, mask, from, to) + (to < flat.length ? '…' : '');
}
