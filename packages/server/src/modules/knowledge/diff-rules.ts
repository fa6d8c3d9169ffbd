import { diffLines, diffWords } from 'diff';

// The difference between two versions of an article's plain text: changed lines, and inside them the
// changed words (Chinese cut into words by Intl.Segmenter, so a changed word is marked, not a whole line).

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

function parts(changes: { added?: boolean; removed?: boolean; value: string }[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const c of changes) {
    const op: DiffPart['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else if (c.value) out.push({ op, text: c.value });
  }
  return out;
}

/** A word diff of two texts (what the history page shows inline). */
export function wordDiff(before: string, after: string): DiffPart[] {
  return parts(diffWords(before, after, { intlSegmenter: segmenter }));
}

/** A line diff of two texts. */
export function lineDiff(before: string, after: string): DiffPart[] {
  return parts(diffLines(before, after));
}

/** How much changed: characters inserted and deleted. */
export function diffStats(diff: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of diff) {
    if (p.op === 'insert') inserted += [...p.text].length;
    if (p.op === 'delete') deleted += [...p.text].length;
  }
  return { inserted, deleted };
}
