// Pure: character pairs, the second signal of the ranking (rank-core.ts).

/**
 * Pairs of characters of the Chinese runs of a text, marked (~打印) so they never meet a word. Ranking
 * the title by them too finds paraphrases jieba cuts differently (measured: docs/KNOWLEDGE.md#search).
 */
export function hanGrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.push(`~${run.slice(i, i + 2)}`);
  return out;
}

/** Whether a term is one of hanGrams' marked pairs (they occur in titles only). */
export const isHanGram = (term: string) => /^~\p{Script=Han}{2}$/u.test(term);
