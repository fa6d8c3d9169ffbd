import { bestF1Threshold } from '../similarity/pair-model';
import { baselineTerms } from './baseline-terms';
import { dot, TfidfVocabulary } from './tfidf';

// The duplicate-pair baseline: cosine of the two texts' TF-IDF rows (word 1–2-grams and character
// 1–4-grams, idf from the training texts), duplicate at or above the threshold that maximises F1 on
// the training pairs.

export interface BaselinePairScorer {
  threshold: number;
  score(a: string, b: string): number;
}

export function fitTfidfCosinePairs(a: string[], b: string[], labels: boolean[]): BaselinePairScorer {
  const vocab = TfidfVocabulary.fit([...a, ...b].map(baselineTerms));
  const score = (x: string, y: string) => dot(vocab.row(baselineTerms(x)), vocab.row(baselineTerms(y)));
  const { threshold } = bestF1Threshold(
    a.map((x, i) => score(x, b[i])),
    labels,
  );
  return { threshold, score };
}
