import { tellingWords } from '../../platform/text/segment';

// Frequent solved problems without an article: resolved tickets grouped by category, then by the word
// most of them share; a group is covered when a published article is linked to one of its tickets or
// says its words. Pure (the words come from jieba through platform/text/segment).

export interface SolvedTicket {
  id: string;
  number: number;
  title: string;
  description: string;
  category_id: string | null;
}

export interface Gap {
  categoryId: string | null;
  words: string[];
  count: number;
  ticketIds: string[];
  examples: { id: string; number: number; title: string }[];
}

export interface CoveringArticle {
  text: string;
  ticketIds: string[];
}

const WORDS_PER_TICKET = 8;
const GAPS_PER_CATEGORY = 3;

function wordsOf(t: SolvedTicket): Set<string> {
  return new Set(tellingWords(`${t.title} ${t.title} ${t.description.slice(0, 400)}`, WORDS_PER_TICKET));
}

/** The groups of at least `minTickets` solved tickets of one category sharing a word, largest first. */
export function findGaps(tickets: SolvedTicket[], articles: CoveringArticle[], minTickets = 3, limit = 20): Gap[] {
  const byCategory = new Map<string | null, { t: SolvedTicket; words: Set<string> }[]>();
  for (const t of tickets) {
    const list = byCategory.get(t.category_id) ?? [];
    list.push({ t, words: wordsOf(t) });
    byCategory.set(t.category_id, list);
  }
  const linked = new Set(articles.flatMap((a) => a.ticketIds));
  const texts = articles.map((a) => a.text.toLowerCase());
  const gaps: Gap[] = [];
  for (const [categoryId, all] of byCategory) {
    let rest = all;
    for (let round = 0; round < GAPS_PER_CATEGORY && rest.length >= minTickets; round++) {
      const df = new Map<string, number>();
      for (const { words } of rest) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
      const ranked = [...df].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]));
      const [lead, leadCount] = ranked[0] ?? ['', 0];
      if (leadCount < minTickets) break;
      const members = rest.filter((x) => x.words.has(lead));
      rest = rest.filter((x) => !x.words.has(lead));
      const inGroup = new Map<string, number>();
      for (const { words } of members) for (const w of words) inGroup.set(w, (inGroup.get(w) ?? 0) + 1);
      const words = [lead, ...[...inGroup].filter(([w, n]) => w !== lead && n * 2 >= members.length).sort((a, b) => b[1] - a[1]).map(([w]) => w)].slice(0, 3);
      const covered = members.some((m) => linked.has(m.t.id)) || texts.some((text) => text.includes(lead) && (words.length === 1 || words.slice(1).some((w) => text.includes(w))));
      if (covered) continue;
      gaps.push({
        categoryId,
        words,
        count: members.length,
        ticketIds: members.map((m) => m.t.id),
        examples: members.slice(0, 3).map(({ t }) => ({ id: t.id, number: t.number, title: t.title })),
      });
    }
  }
  return gaps.sort((a, b) => b.count - a.count).slice(0, limit);
}
