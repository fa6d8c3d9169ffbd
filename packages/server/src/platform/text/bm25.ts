// Okapi BM25 (k1 1.2, b 0.75 unless given) over documents already split into terms; idf
// ln(1 + (n − df + 0.5) / (df + 0.5)), which is never negative.

export class Bm25 {
  private readonly tfs: Map<string, number>[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly avg: number;

  constructor(
    docs: string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    let total = 0;
    docs.forEach((terms, slot) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      this.tfs.push(tf);
      this.lengths.push(terms.length);
      total += terms.length;
      for (const t of tf.keys()) (this.postings.get(t) ?? this.postings.set(t, []).get(t)!).push(slot);
    });
    this.avg = total / Math.max(1, docs.length) || 1;
  }

  /** Document positions by falling score (ties: lower position first), at most limit. */
  search(query: string[], limit: number): { doc: number; score: number }[] {
    const n = this.tfs.length;
    const acc = new Map<number, number>();
    for (const t of new Set(query)) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5));
      for (const d of p) {
        const tf = this.tfs[d].get(t)!;
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * this.lengths[d]) / this.avg));
        acc.set(d, (acc.get(d) ?? 0) + s);
      }
    }
    return [...acc]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, limit);
  }
}
