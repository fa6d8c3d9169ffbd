// TF-IDF as scikit-learn's TfidfVectorizer does it by default: raw counts × smooth idf
// (ln((1 + n) / (1 + df)) + 1), each row L2-normalised. Terms unseen when fitted are dropped.

export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export class TfidfVocabulary {
  private constructor(
    readonly index: Map<string, number>,
    readonly idf: Float64Array,
  ) {}

  static fit(docs: Map<string, number>[]): TfidfVocabulary {
    const index = new Map<string, number>();
    const df: number[] = [];
    for (const d of docs)
      for (const k of d.keys()) {
        let i = index.get(k);
        if (i === undefined) index.set(k, (i = df.push(0) - 1));
        df[i]++;
      }
    const idf = Float64Array.from(df, (f) => Math.log((1 + docs.length) / (1 + f)) + 1);
    return new TfidfVocabulary(index, idf);
  }

  get size(): number {
    return this.idf.length;
  }

  /** The L2-normalised TF-IDF row of one document's term counts (indices ascending). */
  row(counts: Map<string, number>): SparseRow {
    const pairs: [number, number][] = [];
    for (const [k, tf] of counts) {
      const i = this.index.get(k);
      if (i !== undefined) pairs.push([i, tf * this.idf[i]]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(pairs.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { idx: Int32Array.from(pairs, (p) => p[0]), val: Float64Array.from(pairs, (p) => p[1] / norm) };
  }
}

/** Dot product of two rows with ascending indices (the cosine when both are L2-normalised). */
export function dot(a: SparseRow, b: SparseRow): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.idx.length && j < b.idx.length; ) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return s;
}
