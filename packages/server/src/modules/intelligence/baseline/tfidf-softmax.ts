import { baselineTerms } from './baseline-terms';
import { trainSoftmax, predictSoftmax, type SoftmaxOptions } from './softmax-regression';
import { TfidfVocabulary } from './tfidf';

// The classification baseline: TF-IDF of word 1–2-grams and character 1–4-grams, softmax regression.

export interface BaselineClassifier {
  labels: string[];
  /** Terms kept (every term of the training texts). */
  vocabulary: number;
  classify(text: string): string;
}

export function fitTfidfSoftmax(texts: string[], labels: string[], options: Partial<SoftmaxOptions> = {}): BaselineClassifier {
  const names = [...new Set(labels)].sort();
  const id = new Map(names.map((l, i) => [l, i]));
  const counts = texts.map(baselineTerms);
  const vocab = TfidfVocabulary.fit(counts);
  const rows = counts.map((c) => vocab.row(c));
  const model = trainSoftmax(
    rows,
    labels.map((l) => id.get(l)!),
    names.length,
    vocab.size,
    options,
  );
  return {
    labels: names,
    vocabulary: vocab.size,
    classify(text) {
      const p = predictSoftmax(model, vocab.row(baselineTerms(text)));
      let best = 0;
      for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
      return names[best];
    },
  };
}
