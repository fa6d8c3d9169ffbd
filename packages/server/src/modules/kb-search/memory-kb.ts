import { docFields } from './doc-terms';
import { correctable, pickCorrections, planQuery, planTsQueryGroups, terms, withTitleGrams, type QueryGroup, type SynonymRule } from './query-plan';
import { fieldCounts, RANK_PARAMS, scoreDoc, type CorpusStats, type FieldCounts, type RankParams } from './rank-core';

// The knowledge search in memory, for `gongdan eval retrieve`: the same query plan (synonyms, typo
// corrections against the corpus's vocabulary), the same candidate rule as searchArticles (documents
// with all the required words; any of them when fewer than the page asks for) and the same ranking
// core. One difference: PostgreSQL hands the ranker at most its 100 best candidates of each phase by
// ts_rank, the memory index ranks them all.

export interface MemoryDoc {
  id: string;
  title: string;
  text: string;
  tags?: string[];
  /** Questions this article solved (history links). */
  links?: string[];
}

export class MemoryKb {
  private readonly ids: string[] = [];
  private readonly counts: FieldCounts[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly stats: CorpusStats;

  constructor(
    docs: Iterable<MemoryDoc>,
    private readonly synonyms: SynonymRule[] = [],
    private readonly params: RankParams = RANK_PARAMS,
  ) {
    let title = 0;
    let body = 0;
    let links = 0;
    for (const d of docs) {
      const f = docFields({ title: d.title, text: d.text, tags: d.tags ?? [] }, d.links ?? []);
      const c = fieldCounts(f);
      const slot = this.ids.length;
      this.ids.push(d.id);
      this.counts.push(c);
      title += c.titleLength;
      body += c.bodyLength;
      links += c.linksLength;
      for (const t of new Set([...f.title, ...f.titleGrams, ...f.tags, ...f.body, ...f.links])) {
        const p = this.postings.get(t);
        if (p) p.push(slot);
        else this.postings.set(t, [slot]);
      }
    }
    const n = this.ids.length;
    this.stats = {
      docs: Math.max(1, n),
      df: (t) => this.postings.get(t)?.length ?? 0,
      avgTitle: title / Math.max(1, n),
      avgBody: body / Math.max(1, n),
      avgLinks: links / Math.max(1, n),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  plan(query: string): QueryGroup[] {
    const corrections = new Map(terms(query).filter(correctable).map((w) => [w, pickCorrections(w, this.stats.df)]));
    return withTitleGrams(planQuery(query, { synonyms: this.synonyms, corrections }), query);
  }

  search(query: string, limit = 50): { id: string; score: number }[] {
    const groups = this.plan(query);
    if (groups.length === 0) return [];
    const docsOf = new Map(groups.map((g) => [g, this.groupDocs(g)]));
    let candidates = planTsQueryGroups(groups, 'all')
      .map((g) => docsOf.get(g)!)
      .reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    if (candidates.size < limit) {
      const any = planTsQueryGroups(groups, 'any', this.stats);
      candidates = new Set([...candidates, ...any.flatMap((g) => [...docsOf.get(g)!])]);
    }
    return [...candidates]
      .map((slot) => ({ id: this.ids[slot], score: scoreDoc(groups, this.counts[slot], this.stats, undefined, this.params).score }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  /** Documents holding every term of at least one of the group's alternatives. */
  private groupDocs(g: QueryGroup): Set<number> {
    const out = new Set<number>();
    for (const a of g.alternatives) {
      const lists = a.terms.map((t) => this.postings.get(t) ?? []);
      const [first, ...rest] = lists.sort((x, y) => x.length - y.length);
      const restSets = rest.map((l) => new Set(l));
      for (const slot of first) if (restSets.every((s) => s.has(slot))) out.add(slot);
    }
    return out;
  }
}
